import { load } from 'cheerio';
import { isTag, type AnyNode, type Element } from 'domhandler';
import { toChineseCounting } from './lexicon/numerals.js';

/**
 * Word numbers lists itself (一、 （一） 1.): the numbers are not in the text but computed from
 * word/numbering.xml (ECMA-376 Part 1, 17.9). mammoth drops them, and with them the heading
 * structure of a notice, so they are computed again here.
 */

interface LevelDefinition {
  start: number;
  format: string;
  text: string;
  suffix: 'tab' | 'space' | 'nothing';
  legal: boolean;
}

interface NumberingDefinitions {
  /** abstractNumId → levels by ilvl */
  abstracts: Map<string, Map<number, LevelDefinition>>;
  /** numId → abstractNumId, and the levels it restarts (startOverride) or redefines */
  instances: Map<string, { abstractId: string; overrides: Map<number, Partial<LevelDefinition>> }>;
  /** numbering style id → numId (w:numStyleLink indirection) */
  styleLinks: Map<string, string>;
}

interface ParagraphStyleNumbering {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

export interface NumberedParagraph {
  /** The paragraph's own text, for matching with mammoth's paragraphs. */
  text: string;
  /** The list label Word would show, e.g. "（一）", or undefined when the paragraph has none. */
  label?: string;
}

function children(node: Element, name: string): Element[] {
  return node.children.filter((child): child is Element => isTag(child) && child.name === name);
}

function child(node: Element | undefined, name: string): Element | undefined {
  return node === undefined ? undefined : children(node, name)[0];
}

function value(node: Element | undefined): string | undefined {
  return node?.attribs['w:val'];
}

function parseXml(xml: string | undefined): Element | undefined {
  if (xml === undefined) return undefined;
  const $ = load(xml, { xml: true });
  return $.root()[0]!.children.find(isTag);
}

function readLevel(level: Element): Partial<LevelDefinition> {
  const definition: Partial<LevelDefinition> = {};
  const start = value(child(level, 'w:start'));
  if (start !== undefined && /^-?\d+$/.test(start)) definition.start = Number(start);
  const format = value(child(level, 'w:numFmt'));
  if (format !== undefined) definition.format = format;
  const text = value(child(level, 'w:lvlText'));
  if (text !== undefined) definition.text = text;
  const suffix = value(child(level, 'w:suff'));
  if (suffix === 'tab' || suffix === 'space' || suffix === 'nothing') definition.suffix = suffix;
  if (child(level, 'w:isLgl') !== undefined) definition.legal = value(child(level, 'w:isLgl')) !== '0';
  return definition;
}

function completeLevel(level: Partial<LevelDefinition>): LevelDefinition {
  return { start: 1, format: 'decimal', text: '', suffix: 'tab', legal: false, ...level };
}

function readDefinitions(numberingXml: string | undefined, styles: Element | undefined): NumberingDefinitions {
  const definitions: NumberingDefinitions = { abstracts: new Map(), instances: new Map(), styleLinks: new Map() };
  const root = parseXml(numberingXml);
  if (root === undefined) return definitions;
  for (const abstract of children(root, 'w:abstractNum')) {
    const levels = new Map<number, LevelDefinition>();
    for (const level of children(abstract, 'w:lvl')) {
      levels.set(Number(level.attribs['w:ilvl'] ?? 0), completeLevel(readLevel(level)));
    }
    const id = abstract.attribs['w:abstractNumId'] ?? '';
    definitions.abstracts.set(id, levels);
    const link = value(child(abstract, 'w:numStyleLink'));
    if (link !== undefined) definitions.styleLinks.set(id, link);
  }
  for (const instance of children(root, 'w:num')) {
    const overrides = new Map<number, Partial<LevelDefinition>>();
    for (const override of children(instance, 'w:lvlOverride')) {
      const level = Number(override.attribs['w:ilvl'] ?? 0);
      const redefined = child(override, 'w:lvl');
      const definition: Partial<LevelDefinition> = redefined ? readLevel(redefined) : {};
      const start = value(child(override, 'w:startOverride'));
      if (start !== undefined && /^-?\d+$/.test(start)) definition.start = Number(start);
      overrides.set(level, definition);
    }
    definitions.instances.set(instance.attribs['w:numId'] ?? '', { abstractId: value(child(instance, 'w:abstractNumId')) ?? '', overrides });
  }
  resolveStyleLinks(definitions, styles);
  return definitions;
}

/** An abstract numbering that only points at a numbering style takes that style's levels. */
function resolveStyleLinks(definitions: NumberingDefinitions, styles: Element | undefined): void {
  if (styles === undefined) return;
  const numIdOfStyle = new Map<string, string>();
  for (const style of children(styles, 'w:style')) {
    if (style.attribs['w:type'] !== 'numbering') continue;
    const numId = value(child(child(child(style, 'w:pPr'), 'w:numPr'), 'w:numId'));
    if (numId !== undefined) numIdOfStyle.set(style.attribs['w:styleId'] ?? '', numId);
  }
  for (const [abstractId, styleId] of definitions.styleLinks) {
    const numId = numIdOfStyle.get(styleId);
    const target = numId === undefined ? undefined : definitions.instances.get(numId)?.abstractId;
    const levels = target === undefined ? undefined : definitions.abstracts.get(target);
    if (levels !== undefined && target !== abstractId) definitions.abstracts.set(abstractId, levels);
  }
}

function readParagraphStyles(styles: Element | undefined): Map<string, ParagraphStyleNumbering> {
  const map = new Map<string, ParagraphStyleNumbering>();
  if (styles === undefined) return map;
  for (const style of children(styles, 'w:style')) {
    if (style.attribs['w:type'] !== 'paragraph') continue;
    const numPr = child(child(style, 'w:pPr'), 'w:numPr');
    const entry: ParagraphStyleNumbering = {};
    const numId = value(child(numPr, 'w:numId'));
    const ilvl = value(child(numPr, 'w:ilvl'));
    const basedOn = value(child(style, 'w:basedOn'));
    if (numId !== undefined) entry.numId = numId;
    if (ilvl !== undefined) entry.ilvl = Number(ilvl);
    if (basedOn !== undefined) entry.basedOn = basedOn;
    map.set(style.attribs['w:styleId'] ?? '', entry);
  }
  return map;
}

function styleNumbering(styles: Map<string, ParagraphStyleNumbering>, styleId: string | undefined): { numId?: string; ilvl?: number } {
  const seen = new Set<string>();
  let numId: string | undefined;
  let ilvl: number | undefined;
  for (let id = styleId; id !== undefined && !seen.has(id); id = styles.get(id)?.basedOn) {
    seen.add(id);
    const style = styles.get(id);
    numId ??= style?.numId;
    ilvl ??= style?.ilvl;
  }
  return { ...(numId === undefined ? {} : { numId }), ...(ilvl === undefined ? {} : { ilvl }) };
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const HEAVENLY_STEMS = '甲乙丙丁戊己庚辛壬癸';
const LEGAL_FORMS: Readonly<Record<string, string>> = {
  零: '零', 一: '壹', 二: '贰', 三: '叁', 四: '肆', 五: '伍', 六: '陆', 七: '柒', 八: '捌', 九: '玖', 十: '拾', 百: '佰', 千: '仟',
};

function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [size, letters] of ROMAN) {
    while (rest >= size) {
      out += letters;
      rest -= size;
    }
  }
  return out;
}

function toLetters(n: number): string {
  // Word repeats the letter: 27 is "aa".
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'decimal':
    case 'decimalHalfWidth':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperRoman':
      return toRoman(n);
    case 'lowerRoman':
      return toRoman(n).toLowerCase();
    case 'upperLetter':
      return toLetters(n).toUpperCase();
    case 'lowerLetter':
      return toLetters(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return toChineseCounting(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
    case 'chineseLegalSimplified':
      return [...toChineseCounting(n)].map((ch) => LEGAL_FORMS[ch] ?? ch).join('');
    case 'ideographTraditional':
      return n >= 1 ? HEAVENLY_STEMS[(n - 1) % 10]! : String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
    case 'ideographEnclosedCircle':
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return `(${n})`;
    case 'decimalEnclosedFullstop':
      return `${n}.`;
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Counters per list; a list is an abstract numbering, or a num instance that restarts it. */
class ListCounters {
  private readonly counters = new Map<string, Array<number | undefined>>();

  constructor(private readonly definitions: NumberingDefinitions) {}

  label(numId: string, ilvl: number): string | undefined {
    const instance = this.definitions.instances.get(numId);
    if (instance === undefined) return undefined;
    const levels = this.definitions.abstracts.get(instance.abstractId);
    if (levels === undefined) return undefined;
    const levelAt = (index: number): LevelDefinition => completeLevel({ ...levels.get(index), ...instance.overrides.get(index) });
    const level = levelAt(ilvl);
    if (level.format === 'bullet') return undefined;

    const key = instance.overrides.size > 0 ? `num:${numId}` : `abstract:${instance.abstractId}`;
    const counters = this.counters.get(key) ?? [];
    this.counters.set(key, counters);
    counters[ilvl] = (counters[ilvl] ?? level.start - 1) + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper += 1) counters[deeper] = undefined;

    const text = level.text.replace(/%([1-9])/g, (_, digit: string) => {
      const index = Number(digit) - 1;
      const definition = levelAt(index);
      const count = counters[index] ?? definition.start;
      return formatNumber(count, level.legal && index < ilvl ? 'decimal' : definition.format);
    });
    if (text === '') return undefined;
    // A tab or space after a label ending in 、 ） . ① is layout, not text; after 第一条 it is a word break.
    return level.suffix !== 'nothing' && /[\p{L}\p{Nd}]$/u.test(text) ? `${text} ` : text;
  }
}

function ownText(paragraph: Element): string {
  let text = '';
  const visit = (node: AnyNode): void => {
    if (!isTag(node)) return;
    if (node.name === 'w:p' && node !== paragraph) return;
    if (node.name === 'w:t') text += node.children.map((c) => ('data' in c ? String(c.data) : '')).join('');
    else if (node.name === 'w:tab') text += '\t';
    else for (const c of node.children) visit(c);
  };
  visit(paragraph);
  return text;
}

function paragraphsInOrder(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: Element): void => {
    if (node.name === 'w:p') found.push(node);
    for (const c of node.children) if (isTag(c)) visit(c);
  };
  visit(root);
  return found;
}

/** Every paragraph of word/document.xml in document order, with the label Word would show. */
export function numberParagraphs(documentXml: string, numberingXml: string | undefined, stylesXml: string | undefined): NumberedParagraph[] {
  const documentRoot = parseXml(documentXml);
  if (documentRoot === undefined) return [];
  const styles = parseXml(stylesXml);
  const definitions = readDefinitions(numberingXml, styles);
  const paragraphStyles = readParagraphStyles(styles);
  const counters = new ListCounters(definitions);

  return paragraphsInOrder(documentRoot).map((paragraph) => {
    const properties = child(paragraph, 'w:pPr');
    const numPr = child(properties, 'w:numPr');
    const inherited = styleNumbering(paragraphStyles, value(child(properties, 'w:pStyle')));
    const numId = value(child(numPr, 'w:numId')) ?? inherited.numId;
    const ilvlText = value(child(numPr, 'w:ilvl'));
    const ilvl = ilvlText === undefined ? (inherited.ilvl ?? 0) : Number(ilvlText);
    const text = ownText(paragraph);
    // numId 0 switches off the numbering a paragraph style would give (ECMA-376 Part 1, 17.9).
    const label = numId === undefined || numId === '0' ? undefined : counters.label(numId, ilvl);
    return label === undefined ? { text } : { text, label };
  });
}
