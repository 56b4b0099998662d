import type { Line } from './lines.js';

/**
 * Where text is set: margins, the usual first-line indent and how far down the page text runs,
 * measured over all pages of one width (a landscape page has its own), never per page: a page
 * with few lines says little about its margins. Scanned pages read by OCR are measured apart
 * from pages with a text layer: a scanner shifts and scales the print its own way.
 */
export interface TextArea {
  left: number;
  right: number;
  /** Usual first-line indent in points from the left margin (GB/T 9704: 2 em), if paragraphs are indented. */
  indent: number | undefined;
  /** Head and foot of the text: most pages' first line starts and last line ends here. */
  top: number;
  bottom: number;
}

/** What pages are measured together by: their width, and whether their text was read from a scan. */
export interface PageKind {
  width: number;
  scanned: boolean;
}

export interface AreaPage extends PageKind {
  /** Lines in reading order, side-by-side blocks excluded. */
  lines: Line[];
}

function kindKey({ width, scanned }: PageKind): string {
  return `${Math.round(width)}${scanned ? ' scanned' : ''}`;
}

// A line ending within this many ems of the right margin reaches it: a line may end one
// character short when its last character would have begun the next line with closing
// punctuation (GB/T 15834 避头尾), and punctuation hangs a little past the margin.
export const RIGHT_SLACK_EM = 1.5;
// Edges are compared in bins of this many points.
const EDGE_BIN = 2;
// The first and last lines of pages are compared in bins of this many points.
const SPAN_BIN = 6;
// An edge must be shared by this many lines to count as a margin rather than a stray line.
const EDGE_MIN_LINES = 2;
// Text of another size gets margins of its own when this many of its lines end at one edge: a
// 题注 under a law's title is set smaller and narrower than the body.
const OWN_MARGIN_MIN_LINES = 3;
// First-line indents are looked for between these many ems.
const INDENT_RANGE_EM: readonly [number, number] = [0.75, 4];
// Sizes within this many points are one size (10.5 pt 五号 vs 10.56 pt from scaling).
export const SIZE_TOLERANCE = 0.5;

function binCounts(values: readonly number[], bin: number): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) {
    const key = Math.round(value / bin) * bin;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The most frequent value, binned; ties go to the lower value unless `preferHigher`. */
export function mode(values: readonly number[], bin: number, preferHigher = false): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  for (const [key, count] of binCounts(values, bin)) {
    if (count > bestCount || (count === bestCount && best !== undefined && (preferHigher ? key > best : key < best))) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** Sizes are grouped to the half point typesetters choose them in (10.5 pt 五号). */
export function sizeKey(size: number): number {
  return Math.round(size * 2) / 2;
}

function dominantSizeOf(lines: readonly Line[]): number | undefined {
  const weights = new Map<number, number>();
  for (const line of lines) weights.set(sizeKey(line.size), (weights.get(sizeKey(line.size)) ?? 0) + line.text.length);
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/**
 * The right margin: the most frequent right edge among lines near the rightmost edge that
 * several lines share (punctuation hanging past the margin is rarer than the margin itself).
 */
function rightMarginOf(lines: readonly Line[], size: number): number | undefined {
  const supported = [...binCounts(lines.map((line) => line.right), EDGE_BIN)].filter(([, count]) => count >= EDGE_MIN_LINES).map(([key]) => key);
  if (supported.length === 0) return undefined;
  const outermost = Math.max(...supported);
  return mode(
    lines.map((line) => line.right).filter((right) => right >= outermost - RIGHT_SLACK_EM * size),
    EDGE_BIN,
  );
}

/**
 * The left margin: where lines continuing a paragraph start, i.e. lines after a line that reached
 * the right margin (paragraph starts are indented and may outnumber them). `undefined` when no
 * paragraph wraps, which leaves the margins unknown.
 */
function leftMarginOf(pages: readonly Line[][], right: number, size: number): number | undefined {
  const continuations: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i += 1) {
      if (lines[i - 1]!.right >= right - RIGHT_SLACK_EM * size) continuations.push(lines[i]!.left);
    }
  }
  return mode(continuations, EDGE_BIN);
}

function indentOf(lines: readonly Line[], left: number, size: number): number | undefined {
  const offsets = lines.map((line) => line.left - left).filter((offset) => offset >= INDENT_RANGE_EM[0] * size && offset <= INDENT_RANGE_EM[1] * size);
  return offsets.length >= EDGE_MIN_LINES ? mode(offsets, EDGE_BIN) : undefined;
}

interface Margins {
  left: number;
  right: number;
  indent: number | undefined;
  /** Lines ending at the right margin: the evidence for these margins. */
  support: number;
}

/** Margins of the lines of one size, if their wrapped paragraphs show them. */
function marginsOf(pages: readonly Line[][], size: number): Margins | undefined {
  const lines = pages.flat();
  const right = rightMarginOf(lines, size);
  if (right === undefined) return undefined;
  const left = leftMarginOf(pages, right, size);
  if (left === undefined) return undefined;
  const support = lines.filter((line) => Math.abs(line.right - right) <= EDGE_BIN).length;
  return { left, right, indent: indentOf(lines, left, size), support };
}

function ofSize(pages: readonly Line[][], size: number): Line[][] {
  return pages.map((lines) => lines.filter((line) => Math.abs(line.size - size) <= SIZE_TOLERANCE));
}

interface WidthGroup {
  width: number;
  bodySize: number;
  body: Margins | undefined;
  bySize: Map<number, Margins>;
  top: number;
  bottom: number;
  /** Bounding edges of all lines: the margins of last resort. */
  extent: { left: number; right: number };
}

function measureGroup(pages: readonly AreaPage[], width: number): WidthGroup {
  const lineLists = pages.map((page) => page.lines);
  const all = lineLists.flat();
  const bodySize = dominantSizeOf(all) ?? 0;
  const body = marginsOf(ofSize(lineLists, bodySize), bodySize);
  const bySize = new Map<number, Margins>();
  for (const size of new Set(all.map((line) => sizeKey(line.size)))) {
    if (size === bodySize) continue;
    const margins = marginsOf(ofSize(lineLists, size), size);
    if (margins !== undefined && margins.support >= OWN_MARGIN_MIN_LINES) bySize.set(size, margins);
  }
  const withLines = lineLists.filter((lines) => lines.length > 0);
  const top = mode(withLines.map((lines) => Math.min(...lines.map((line) => line.top))), SPAN_BIN) ?? 0;
  const bottom = mode(withLines.map((lines) => Math.max(...lines.map((line) => line.bottom))), SPAN_BIN, true) ?? Number.POSITIVE_INFINITY;
  const extent = all.length === 0 ? { left: 0, right: width } : { left: Math.min(...all.map((line) => line.left)), right: Math.max(...all.map((line) => line.right)) };
  return { width, bodySize, body, bySize, top, bottom, extent };
}

/**
 * Margins for pages whose own text shows none (a landscape page holding only a title, a short
 * one-page notice): those of the best-measured page width, kept at the same distance from the
 * page edges, or else the extent of the text itself.
 */
function borrowedMargins(group: WidthGroup, groups: readonly WidthGroup[]): Margins {
  const donor = groups.filter((other) => other.body !== undefined).sort((a, b) => b.body!.support - a.body!.support)[0];
  if (donor?.body === undefined) return { left: group.extent.left, right: group.extent.right, indent: undefined, support: 0 };
  return { left: donor.body.left, right: group.width - (donor.width - donor.body.right), indent: undefined, support: 0 };
}

export class TextAreas {
  private readonly groups = new Map<string, WidthGroup>();
  private readonly bodies = new Map<string, Margins>();

  constructor(pages: readonly AreaPage[]) {
    const byKind = new Map<string, AreaPage[]>();
    for (const page of pages) {
      const key = kindKey(page);
      const group = byKind.get(key);
      if (group === undefined) byKind.set(key, [page]);
      else group.push(page);
    }
    for (const [key, group] of byKind) this.groups.set(key, measureGroup(group, group[0]!.width));
    const groups = [...this.groups.values()];
    for (const [key, group] of this.groups) this.bodies.set(key, group.body ?? borrowedMargins(group, groups));
  }

  /** The text area lines of `size` on a page of this kind are set in. */
  areaFor(page: PageKind, size: number): TextArea {
    const key = kindKey(page);
    const group = this.groups.get(key);
    const body = this.bodies.get(key);
    if (group === undefined || body === undefined) return { left: 0, right: page.width, indent: undefined, top: 0, bottom: Number.POSITIVE_INFINITY };
    const own = group.bySize.get(sizeKey(size));
    const margins = own ?? body;
    // The paragraph indent is measured in the body size; other sizes are not judged by it.
    const indent = own !== undefined || Math.abs(size - group.bodySize) <= SIZE_TOLERANCE ? margins.indent : undefined;
    return { left: margins.left, right: margins.right, indent, top: group.top, bottom: group.bottom };
  }
}
