import { load } from 'cheerio';
import { Element, isTag, isText, type AnyNode } from 'domhandler';
import type { MetadataEntry, ParagraphStyle, SourceBlock, SourceCell, SourceTable } from '../model/document.js';
import { result, type Result } from '../model/result.js';
import { compact, visibleLength } from './characters.js';
import { decodeText } from './encoding.js';
import type { FormatReading } from './format.js';
import { withoutChromeTokens } from './lexicon/furniture.js';
import { METADATA_LABELS, STRONG_METADATA_LABELS } from './lexicon/metadata-labels.js';

// cheerio's own sniffing reads only the first 1024 bytes; portal pages put long scripts and
// styles before their <meta>, so the whole head (up to a generous limit) is searched.
const HEAD_SCAN_LIMIT = 256 * 1024;
const DECLARED_CHARSET = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml\b[^>]*?encoding\s*=\s*["']([\w.:-]+)/i;

export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, HEAD_SCAN_LIMIT));
  const headEnd = head.search(/<\/head\s*>|<body\b/i);
  const match = DECLARED_CHARSET.exec(headEnd < 0 ? head : head.slice(0, headEnd));
  return match?.[1] ?? match?.[2];
}

const IGNORED_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'video', 'audio',
  'input', 'select', 'button', 'textarea', 'option', 'link', 'meta', 'img', 'map', 'area',
]);
const CHROME_TAGS = new Set(['nav', 'footer']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'aside', 'center', 'blockquote', 'pre', 'address', 'form', 'fieldset',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'figure', 'figcaption', 'caption', 'body', 'html',
  'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);
/** class and id words that portals give to toolbars, menus, share boxes, QR codes and footers. */
const CHROME_NAME = /(?:^|[-_\s])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|copyright|share|bdshare|fenxiang|print|qrcode|erweima|ewm|toolbar|friendlinks?|links|related|xglj|xgwz|search|login|sidebar)(?:$|[-_\s\d])/i;
const MAX_CHROME_SHARE = 0.4;
// The article holds most of what is left once chrome is gone, but short notices on busy pages
// hold little more than half of it.
const MIN_ARTICLE_SHARE = 0.5;

// Old portal pages nest thousands of unclosed <font> or <div> tags; below this depth the
// markup carries no structure worth keeping, and the recursive walks below stay within the stack.
const MAX_DEPTH = 200;

/**
 * Flattens what lies deeper than MAX_DEPTH into a run of its text, with a line break where a
 * block element began or ended, in order.
 */
function flattenDeepNesting(root: Element): void {
  const stack: Array<{ node: Element; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth < MAX_DEPTH) {
      for (const child of node.children) if (isTag(child)) stack.push({ node: child, depth: depth + 1 });
      continue;
    }
    const leaves: AnyNode[] = [];
    const pending: AnyNode[] = [...node.children].reverse();
    while (pending.length > 0) {
      const current = pending.pop()!;
      if (isText(current) || (isTag(current) && current.name === 'br')) {
        leaves.push(current);
      } else if (isTag(current) && !IGNORED_TAGS.has(current.name)) {
        const block = BLOCK_TAGS.has(current.name);
        if (block) leaves.push(new Element('br', {}));
        pending.push(...(block ? [new Element('br', {})] : []), ...[...current.children].reverse());
      }
    }
    leaves.forEach((leaf, i) => {
      leaf.parent = node;
      leaf.prev = leaves[i - 1] ?? null;
      leaf.next = leaves[i + 1] ?? null;
      if (isTag(leaf)) leaf.children = [];
    });
    node.children = leaves as Element['children'];
  }
}

function childElements(node: Element): Element[] {
  return node.children.filter(isTag);
}


/** Non-space characters of visible text, links and excluded elements left out: the mass of an article. */
class TextMass {
  private readonly cache = new Map<AnyNode, number>();

  constructor(private readonly excluded: (node: Element) => boolean = () => false) {}

  of(node: AnyNode): number {
    if (isText(node)) return visibleLength(node.data);
    if (!isTag(node) || node.name === 'a' || IGNORED_TAGS.has(node.name)) return 0;
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached;
    let mass = 0;
    if (!this.excluded(node)) for (const child of node.children) mass += this.of(child);
    this.cache.set(node, mass);
    return mass;
  }
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node) || IGNORED_TAGS.has(node.name)) return '';
  return node.children.map(textOf).join(node.name === 'br' ? '\n' : '');
}

interface LinkStats {
  /** Non-space characters of all visible text. */
  text: number;
  /** Non-space characters inside links. */
  linkText: number;
  links: number;
}

/** Link statistics of every element, computed once bottom-up: lists of links are chrome. */
class LinkDensity {
  private readonly cache = new Map<Element, LinkStats>();

  of(node: Element): LinkStats {
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached;
    const stats: LinkStats = { text: 0, linkText: 0, links: node.name === 'a' ? 1 : 0 };
    if (!IGNORED_TAGS.has(node.name)) {
      for (const child of node.children) {
        if (isText(child)) {
          stats.text += visibleLength(child.data);
        } else if (isTag(child)) {
          const inner = this.of(child);
          stats.text += inner.text;
          stats.linkText += inner.linkText;
          stats.links += inner.links;
        }
      }
      if (node.name === 'a') stats.linkText = stats.text;
    }
    this.cache.set(node, stats);
    return stats;
  }

  isLinkList(node: Element): boolean {
    const { text, linkText, links } = this.of(node);
    return text > 0 && links >= 3 && linkText / text >= 0.7;
  }
}

// ---------------------------------------------------------------------------------------------
// Portal metadata: the 信息公开 block of 索引号, 发布机构, 成文日期 … in a table, a list or divs.

const LABEL_WORD = new RegExp(`^(${[...METADATA_LABELS].sort((a, b) => b.length - a.length).join('|')})$`);
const STRONG_LABELS: ReadonlySet<string> = new Set(STRONG_METADATA_LABELS);

function normaliseLabel(text: string): string {
  return text.replace(/[\s\u00a0\u3000\[\]［］【】〔〕:：]/g, '');
}

/** Text units of a metadata block in order: the innermost elements and text runs that carry text. */
function textUnits(node: Element): string[] {
  const units: string[] = [];
  const visit = (current: Element): void => {
    if (!current.children.some((child) => isTag(child) && !IGNORED_TAGS.has(child.name) && textOf(child).trim() !== '')) {
      const text = textOf(current).replace(/\s+/g, ' ').trim();
      if (text !== '') units.push(text);
      return;
    }
    for (const child of current.children) {
      if (isTag(child) && !IGNORED_TAGS.has(child.name)) visit(child);
      else if (isText(child) && child.data.trim() !== '') units.push(child.data.replace(/\s+/g, ' ').trim());
    }
  };
  visit(node);
  return units.flatMap((unit) => unit.split(/\s{2,}/));
}

function metadataEntries(node: Element): MetadataEntry[] {
  const units = textUnits(node);
  const entries: MetadataEntry[] = [];
  for (let i = 0; i < units.length; i += 1) {
    const unit = units[i]!;
    const inline = /^([^:：]{2,12})\s*[:：]\s*(.*)$/.exec(unit);
    if (inline && LABEL_WORD.test(normaliseLabel(inline[1]!))) {
      let value = inline[2]!.trim();
      if (value === '' && i + 1 < units.length && !LABEL_WORD.test(normaliseLabel(units[i + 1]!)) && !/[:：]$/.test(units[i + 1]!)) {
        value = units[i + 1]!;
        i += 1;
      }
      entries.push({ label: normaliseLabel(inline[1]!), value });
    } else if (LABEL_WORD.test(normaliseLabel(unit))) {
      const next = units[i + 1];
      const value = next !== undefined && !LABEL_WORD.test(normaliseLabel(next)) && !/^[^:：]{2,12}[:：]/.test(next) ? next : '';
      if (value !== '') i += 1;
      entries.push({ label: normaliseLabel(unit), value });
    }
  }
  return entries.filter((entry) => entry.value !== '');
}

const LABEL_IN_TEXT = new RegExp(
  `(?:[\\[［【]\\s*(${METADATA_LABELS.join('|')})\\s*[\\]］】])|(?:(${METADATA_LABELS.join('|')})\\s*[:：])`,
  'g',
);

/** Distinct metadata labels written as labels (`发布日期：`, `[ 索引号 ]`), and how many only portals use. */
function labelsIn(node: Element): { all: number; strong: number } {
  const text = textOf(node).replace(/[\s\u00a0\u3000]/g, '');
  const labels = new Set([...text.matchAll(LABEL_IN_TEXT)].map((match) => match[1] ?? match[2]!));
  return { all: labels.size, strong: [...labels].filter((label) => STRONG_LABELS.has(label)).length };
}

const MAX_METADATA_MASS = 800;

/**
 * The portal's information block: of the elements that hold little else but at least two
 * labels, one of them portal-only, the one with the most labels, and of those the smallest.
 */
function findMetadataBlock(root: Element, mass: TextMass): Element | undefined {
  let best: { node: Element; labels: number; mass: number } | undefined;
  const visit = (node: Element): void => {
    if (IGNORED_TAGS.has(node.name)) return;
    const { all: labels, strong } = labelsIn(node);
    if (labels < 2 || strong < 1) return;
    const nodeMass = mass.of(node);
    if (nodeMass <= MAX_METADATA_MASS && (best === undefined || labels > best.labels || (labels === best.labels && nodeMass <= best.mass))) {
      best = { node, labels, mass: nodeMass };
    }
    for (const child of childElements(node)) visit(child);
  };
  visit(root);
  return best?.node;
}

// ---------------------------------------------------------------------------------------------
// The article: the element that holds most of the page's non-link text.

/** An element whose text sits in block-level children, as an article's does in its paragraphs. */
function isContainer(node: Element, mass: TextMass): boolean {
  return childElements(node).some((child) => BLOCK_TAGS.has(child.name) && mass.of(child) > 0);
}

/**
 * Walks down from the body into the child that holds most of the text, as long as it holds
 * enough of it and is itself a container: a single paragraph is never the article.
 */
function findArticle(root: Element, mass: TextMass): Element {
  let current = root;
  for (;;) {
    const total = mass.of(current);
    const heaviest = childElements(current).reduce<Element | undefined>(
      (best, child) => (best === undefined || mass.of(child) > mass.of(best) ? child : best),
      undefined,
    );
    if (heaviest === undefined || total === 0 || mass.of(heaviest) < total * MIN_ARTICLE_SHARE || !isContainer(heaviest, mass)) return current;
    current = heaviest;
  }
}

function isChromeElement(node: Element, pageMass: number, mass: TextMass): boolean {
  if (CHROME_TAGS.has(node.name)) return mass.of(node) < pageMass * MAX_CHROME_SHARE;
  const names = `${node.attribs['class'] ?? ''} ${node.attribs['id'] ?? ''}`;
  return CHROME_NAME.test(names) && mass.of(node) < pageMass * MAX_CHROME_SHARE;
}

/** A heading of the page (h1, or an element named like a title) before the article. */
function findTitleBefore(root: Element, article: Element): string | undefined {
  let candidate: string | undefined;
  let reached = false;
  const visit = (node: Element): void => {
    if (reached) return;
    if (node === article) {
      reached = true;
      return;
    }
    if (IGNORED_TAGS.has(node.name)) return;
    const names = `${node.attribs['class'] ?? ''} ${node.attribs['id'] ?? ''}`;
    if (/^h[1-3]$/.test(node.name) || /(?:^|[-_\s])(?:title|bt|tit|headline|wztit|article-title)(?:$|[-_\s\d])/i.test(names)) {
      const text = textOf(node).replace(/\s+/g, '');
      if (text.length >= 6 && text.length <= 150 && /\p{Script=Han}/u.test(text)) candidate = withoutChromeTokens(textOf(node));
    }
    for (const child of childElements(node)) visit(child);
  };
  visit(root);
  return reached ? candidate : undefined;
}

// ---------------------------------------------------------------------------------------------
// Blocks from the article's DOM.

const ALIGN = /text-align\s*:\s*(center|right|left|justify)/i;
const BOLD_STYLE = /font-weight\s*:\s*(bold|[6-9]00)/i;

function alignOf(node: Element): ParagraphStyle['align'] | undefined {
  if (node.name === 'center') return 'center';
  const attribute = node.attribs['align']?.toLowerCase();
  if (attribute === 'center' || attribute === 'right' || attribute === 'left' || attribute === 'justify') return attribute;
  const style = ALIGN.exec(node.attribs['style'] ?? '');
  return style ? (style[1]!.toLowerCase() as ParagraphStyle['align']) : undefined;
}

interface Context {
  align?: ParagraphStyle['align'];
  heading?: number;
  bold: boolean;
}

// Crawlers that saved a page's text rather than its markup mark each paragraph with "@@".
const CRAWLER_PARAGRAPH_MARK = /^@@\s*/;
// Pages pasted as plain text keep their line structure in text nodes: blank lines between
// paragraphs, full-width spaces indenting them.
const PLAIN_TEXT_LAYOUT = /\n[ \t]*\n|\n[ \t]*\u3000/g;

/** True when the article's line breaks are meant as line breaks, as in text pasted into a page. */
function isLineStructured(root: Element): boolean {
  let signals = 0;
  const visit = (node: AnyNode): void => {
    if (isText(node)) signals += node.data.match(PLAIN_TEXT_LAYOUT)?.length ?? 0;
    else if (isTag(node) && !IGNORED_TAGS.has(node.name)) node.children.forEach(visit);
  };
  visit(root);
  return signals >= 2;
}

/** Gathers the text of one paragraph from its text nodes; its style is that of its first words. */
class BlockCollector {
  readonly blocks: SourceBlock[] = [];
  private pieces: string[] = [];
  private boldChars = 0;
  private chars = 0;
  private style: Context = { bold: false };

  addText(text: string, context: Context): void {
    const visible = visibleLength(text);
    if (this.chars === 0 && visible > 0) this.style = context;
    this.chars += visible;
    if (context.bold) this.boldChars += visible;
    this.pieces.push(text);
  }

  flush(): void {
    const text = this.pieces.join('').replace(/[ \t\n\r\f]+/g, ' ').replace(/\u00a0/g, ' ').trim().replace(CRAWLER_PARAGRAPH_MARK, '');
    if (text !== '') {
      const style: ParagraphStyle = {};
      if (this.style.align !== undefined) style.align = this.style.align;
      if (this.style.heading !== undefined) style.heading = this.style.heading;
      if (this.chars > 0 && this.boldChars === this.chars) style.bold = true;
      this.blocks.push(Object.keys(style).length > 0 ? { kind: 'paragraph', text, style } : { kind: 'paragraph', text });
    }
    this.pieces = [];
    this.chars = 0;
    this.boldChars = 0;
  }

  push(block: SourceBlock): void {
    this.flush();
    this.blocks.push(block);
  }
}

function directRows(table: Element): Element[] {
  return childElements(table).flatMap((child) =>
    child.name === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.name) ? childElements(child).filter((row) => row.name === 'tr') : [],
  );
}

function cellsOf(row: Element): Element[] {
  return childElements(row).filter((cell) => cell.name === 'td' || cell.name === 'th');
}

/** Tables that lay out a page rather than hold data: a single row or column, or tables inside. */
function isLayoutTable(table: Element): boolean {
  const rows = directRows(table);
  const multiCellRows = rows.filter((row) => cellsOf(row).length >= 2).length;
  const nested = rows.some((row) => cellsOf(row).some((cell) => containsTag(cell, 'table')));
  return multiCellRows < 2 || nested;
}

function containsTag(node: Element, name: string): boolean {
  return childElements(node).some((child) => child.name === name || containsTag(child, name));
}

function spanCount(attribute: string | undefined): number | undefined {
  const value = attribute === undefined ? NaN : Number.parseInt(attribute, 10);
  return Number.isFinite(value) && value > 1 ? value : undefined;
}

class ArticleReader {
  private readonly collector = new BlockCollector();

  constructor(
    private readonly skip: (node: Element) => boolean,
    private readonly lineBreaks: boolean,
  ) {}

  read(root: Element): SourceBlock[] {
    this.walk(root, { bold: false });
    this.collector.flush();
    return this.collector.blocks;
  }

  private walk(node: AnyNode, context: Context): void {
    if (isText(node)) {
      const lines = this.lineBreaks ? node.data.split('\n') : [node.data];
      lines.forEach((line, i) => {
        if (i > 0) this.collector.flush();
        this.collector.addText(line, context);
      });
      return;
    }
    if (!isTag(node) || IGNORED_TAGS.has(node.name) || this.skip(node)) return;
    if (node.name === 'br') {
      this.collector.flush();
      return;
    }
    if (node.name === 'table' && !isLayoutTable(node)) {
      this.collector.push(this.table(node));
      return;
    }
    const inner: Context = { ...context };
    const align = alignOf(node);
    if (align !== undefined) inner.align = align;
    if (/^h[1-6]$/.test(node.name)) inner.heading = Number(node.name[1]);
    if (node.name === 'strong' || node.name === 'b' || BOLD_STYLE.test(node.attribs['style'] ?? '')) inner.bold = true;
    const block = BLOCK_TAGS.has(node.name);
    if (block) this.collector.flush();
    for (const child of node.children) this.walk(child, inner);
    if (block) this.collector.flush();
  }

  private table(node: Element): SourceTable {
    const rows = directRows(node).map((row) =>
      cellsOf(row).map((cell): SourceCell => {
        const paragraphs = new ArticleReader(this.skip, this.lineBreaks).read(cell);
        const text = paragraphs
          .map((block) => (block.kind === 'paragraph' ? block.text : block.kind === 'table' ? block.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n') : ''))
          .join('\n');
        const colSpan = spanCount(cell.attribs['colspan']);
        const rowSpan = spanCount(cell.attribs['rowspan']);
        return { text, ...(colSpan ? { colSpan } : {}), ...(rowSpan ? { rowSpan } : {}) };
      }),
    );
    return { kind: 'table', rows };
  }
}


/**
 * A web page: decoded by BOM, declared charset or detection; the portal's metadata block kept
 * as metadata; the article found by text mass; menus, toolbars, share boxes, link lists and
 * footers left out.
 */
export async function readHtml(bytes: Uint8Array): Promise<Result<FormatReading>> {
  const decoded = decodeText(bytes, declaredCharset(bytes));
  const $ = load(decoded.text);
  const body = ($('body')[0] as Element | undefined) ?? ($.root()[0]!.children.find(isTag) as Element | undefined);
  if (body === undefined) return result({ blocks: [], encoding: decoded.encoding }, decoded.messages);

  flattenDeepNesting(body);
  const mass = new TextMass();
  const pageMass = mass.of(body);
  const metadataBlock = findMetadataBlock(body, mass);
  const metadata = metadataBlock ? metadataEntries(metadataBlock) : [];
  const links = new LinkDensity();
  const skip = (node: Element): boolean => node === metadataBlock || isChromeElement(node, pageMass, mass) || links.isLinkList(node);

  const article = findArticle(body, new TextMass(skip));
  const blocks = new ArticleReader(skip, isLineStructured(article)).read(article);

  const title = article === body ? undefined : findTitleBefore(body, article);
  const articleText = compact(blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join(''));
  if (title !== undefined && !articleText.includes(compact(title))) {
    blocks.unshift({ kind: 'paragraph', text: title, style: { heading: 1, align: 'center' } });
  }
  if (metadata.length > 0) blocks.unshift({ kind: 'metadata', entries: metadata });
  return result({ blocks, encoding: decoded.encoding }, decoded.messages);
}
