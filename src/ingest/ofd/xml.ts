import { createRequire } from 'node:module';
import { canonicalEncoding } from '../encoding.js';

/**
 * An element of an OFD part, by its local name: producers bind the OFD namespace to
 * `http://www.ofdspec.org/2016`, to `http://www.ofdspec.org` or to nothing at all, and the
 * names beneath it are what matters.
 */
export interface XmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element. */
  text: string;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

// OFD parts never declare a DTD. One that does is refused before parsing, so that no entity,
// external (XXE: `<!ENTITY e SYSTEM "file:///…">`) or internal (billion laughs), is ever
// expanded, whatever the parser would do with it.
const DOCTYPE = /<!DOCTYPE/i;

/** Text of an XML part: a byte-order mark, then the encoding its declaration names, then UTF-8. */
function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const declaration = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(declaration)?.[1];
  const encoding = (label === undefined ? undefined : canonicalEncoding(label)) ?? 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

interface ErrorHandler {
  warning: (message: string) => void;
  error: (message: string) => void;
  fatalError: (message: string) => void;
}

/** The part of @xmldom/xmldom used here. */
interface Xmldom {
  DOMParser: new (options: { errorHandler: ErrorHandler }) => { parseFromString(source: string, mimeType: string): { documentElement: DomNode | null } };
}

// Loaded untyped: xmldom's typings reference the DOM lib, which would give all of gongwen's Node
// code the browser's globals (`document`, `Element` …) and hide their misuse from the compiler.
const { DOMParser } = createRequire(import.meta.url)('@xmldom/xmldom') as Xmldom;

// Deeper nesting than any OFD part has (a page nests Layers, PageBlocks and objects a handful
// deep); it is refused before xmldom runs, and toElement's recursion never goes deeper.
const MAX_DEPTH = 256;

function toElement(node: DomNode, depth = 0): XmlElement {
  if (depth > MAX_DEPTH) throw new RangeError(`elements nest deeper than ${MAX_DEPTH}`);
  const attributes = new Map<string, string>();
  for (const attribute of Array.from(node.attributes ?? [])) {
    if (attribute.name !== 'xmlns' && !attribute.name.startsWith('xmlns:')) attributes.set(localName(attribute.name), attribute.value);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === ELEMENT_NODE) children.push(toElement(child, depth + 1));
    else if (child.nodeType === TEXT_NODE || child.nodeType === CDATA_SECTION_NODE) text += child.nodeValue ?? '';
  }
  return { name: localName(node.nodeName), attributes, children, text };
}

const SECTIONS: ReadonlyArray<[open: string, close: string, what: string]> = [
  ['<!--', '-->', 'a comment (<!--)'],
  ['<![CDATA[', ']]>', 'a CDATA section'],
  ['<?', '?>', 'a processing instruction (<?)'],
];

function endsName(code: number): boolean {
  // whitespace, '/', '>', '<'
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x2f || code === 0x3e || code === 0x3c;
}

/**
 * Where the markup of a part is broken: a comment, CDATA section, processing instruction, tag or
 * attribute value left open, tags that do not nest, or nesting deeper than MAX_DEPTH. xmldom
 * recovers silently from an end tag that does not match and from a part cut short, as a browser
 * would, and takes time quadratic in the length of a part full of unclosed comments; a damaged
 * part must not pass for a short one. One pass, linear in the length of the part.
 */
function markupProblem(source: string): string | undefined {
  const open: string[] = [];
  const length = source.length;
  let at = source.indexOf('<');
  scan: while (at >= 0) {
    for (const [opening, closing, what] of SECTIONS) {
      if (source.startsWith(opening, at)) {
        const end = source.indexOf(closing, at + opening.length);
        if (end < 0) return `${what} is never closed`;
        at = source.indexOf('<', end + closing.length);
        continue scan;
      }
    }
    if (source.startsWith('<!', at)) return `it holds a declaration (<!…) at character ${at}`;
    let i = at + 1;
    const isEnd = source.charCodeAt(i) === 0x2f;
    if (isEnd) i += 1;
    const nameStart = i;
    while (i < length && !endsName(source.charCodeAt(i))) i += 1;
    const name = source.slice(nameStart, i);
    if (name === '') return `a '<' at character ${at} starts no tag`;
    let selfClosing = false;
    for (;;) {
      if (i >= length) return `the tag <${name}> is never closed; cut short?`;
      const code = source.charCodeAt(i);
      if (code === 0x22 || code === 0x27) {
        const quote = source.indexOf(code === 0x22 ? '"' : "'", i + 1);
        if (quote < 0) return `an attribute value in <${name}> is never closed`;
        i = quote + 1;
      } else if (code === 0x3e) {
        selfClosing = source.charCodeAt(i - 1) === 0x2f;
        i += 1;
        break;
      } else if (code === 0x3c) {
        return `'<' inside the tag <${name}>`;
      } else {
        i += 1;
      }
    }
    if (isEnd) {
      const expected = open.pop();
      if (expected !== name) return expected === undefined ? `</${name}> closes no element` : `</${name}> where </${expected}> should be`;
    } else if (!selfClosing) {
      open.push(name);
      if (open.length > MAX_DEPTH) return `its elements nest deeper than ${MAX_DEPTH}`;
    }
    at = source.indexOf('<', i);
  }
  return open.length === 0 ? undefined : `it ends inside <${open[open.length - 1]}>; cut short?`;
}

function parserMessage(message: string): string {
  return message.replace(/^\[xmldom \w+\]\s*/, '').split('\n')[0]!.trim();
}

export type ParsedPart = { root: XmlElement } | { problem: string };

/** Parses one part of the package; anything but well-formed XML without a DTD is a problem, said in a phrase. */
export function parseXmlPart(bytes: Uint8Array): ParsedPart {
  const source = decodeXml(bytes);
  if (DOCTYPE.test(source)) return { problem: 'declares a DTD (<!DOCTYPE …>), which OFD parts never do; its entities are not read' };
  const nesting = markupProblem(source);
  if (nesting !== undefined) return { problem: `is not well-formed XML (${nesting})` };
  const problems: string[] = [];
  const record = (message: string): void => {
    problems.push(parserMessage(message));
  };
  let root: DomNode | null;
  try {
    const document = new DOMParser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } }).parseFromString(source, 'application/xml');
    root = document.documentElement;
  } catch (error) {
    return { problem: `is not well-formed XML (${parserMessage((error as Error).message)})` };
  }
  if (problems.length > 0) return { problem: `is not well-formed XML (${problems[0]})` };
  if (root === null) return { problem: 'holds no XML element' };
  try {
    return { root: toElement(root) };
  } catch (error) {
    return { problem: `is not well-formed XML (${(error as Error).message})` };
  }
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((candidate) => candidate.name === name);
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((candidate) => candidate.name === name);
}

/** The trimmed text of the named child, or undefined when it is absent or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const text = child(element, name)?.text.trim();
  return text === undefined || text === '' ? undefined : text;
}

/** The `item` elements inside the `list` child ("Fonts" → "Font"), or none when it is absent. */
export function listItems(element: XmlElement, list: string, item: string): XmlElement[] {
  const container = child(element, list);
  return container === undefined ? [] : childrenNamed(container, item);
}
