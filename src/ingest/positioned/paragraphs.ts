import { visibleLength } from '../characters.js';
import type { ParagraphStyle, SourceBlock, SourceCell, SourceParagraph, SourceTable } from '../../model/document.js';
import type { ReadingLine } from './columns.js';
import { ocrMarkOf, type ScoredText } from './confidence.js';
import type { Line } from './lines.js';
import { joinWrapped } from './spacing.js';
import type { PageTable } from './tables.js';
import { mode, RIGHT_SLACK_EM, SIZE_TOLERANCE, sizeKey, TextAreas, type TextArea } from './text-area.js';
import { labelEndsOf, leadingWordWidth, opensWithItemNumber } from './wrapping.js';

/**
 * Lines → paragraphs. A paragraph goes on while its last line reaches the right margin (or ended
 * early because the next line opens with a word too long to fit) and the next line starts at the
 * left margin in the same size at the usual line spacing; a first-line indent, a short line, a
 * change of size, a wider gap, a centred or letter-spaced line, or a side-by-side block start a
 * new one. Two exceptions: consecutive centred lines of one size are one wrapped title, and a
 * line hanging under the text after a label ("附件：") continues it. The test runs across page
 * breaks, so a sentence continued at the head of the next page is one paragraph. Tables end
 * paragraphs, and a table broken by a page break is one table.
 */

export type PageItem = { kind: 'line'; reading: ReadingLine } | { kind: 'table'; table: PageTable };

export interface ParagraphPage {
  number: number;
  width: number;
  /** Its text was read by OCR from an image of the page. */
  scanned: boolean;
  /** Lines (furniture removed) and tables in reading order. */
  items: PageItem[];
}

// A line starting this many ems right of the margin is indented (GB/T 9704: 2 em for paragraphs).
const INDENT_MIN_EM = 0.75;
// A centred line sits this far from both margins, with both distances equal within the tolerance.
const CENTRED_MIN_GAP_EM = 0.5;
const CENTRED_TOLERANCE_EM = 1;
// Edges of neighbouring lines this close (in ems) are one edge; so is a line start this close
// to the usual paragraph indent.
const EDGE_TOLERANCE_EM = 0.5;
// A single line whose left margin exceeds its right one by this many ems is set to the right
// (signatures and dates: GB/T 9704-2012 7.3.5 右空四字).
const RIGHT_LEAN_EM = 4;
// Baseline-to-baseline distance above this multiple of the document's usual spacing for the size
// is a paragraph gap; without a usual spacing, above this many ems.
const PITCH_GAP_FACTOR = 1.3;
const FALLBACK_PITCH_EM = 2;
// Line spacings outside this range of ems are not text line spacing.
const PITCH_RANGE_EM: readonly [number, number] = [1, 2.6];
const PITCH_BIN = 0.5;
// A paragraph runs on to the next page only from a last line within this many ems of the foot of
// the text area, into a first line within as many ems of its head: a page that ends early ends
// a section.
const PAGE_EDGE_ZONE_EM = 2.5;

function plainLines(page: ParagraphPage): Line[] {
  return page.items.flatMap((item) => (item.kind === 'line' && !item.reading.inColumn ? [item.reading.line] : []));
}

/** The usual baseline-to-baseline distance of consecutive lines, per size. */
function pitchBySize(pages: readonly ParagraphPage[]): Map<number, number> {
  const samples = new Map<number, number[]>();
  for (const page of pages) {
    const lines = plainLines(page);
    for (let i = 1; i < lines.length; i += 1) {
      const upper = lines[i - 1]!;
      const lower = lines[i]!;
      const pitch = lower.baseline - upper.baseline;
      if (Math.abs(upper.size - lower.size) > SIZE_TOLERANCE) continue;
      if (pitch < PITCH_RANGE_EM[0] * upper.size || pitch > PITCH_RANGE_EM[1] * upper.size) continue;
      const key = sizeKey(upper.size);
      const values = samples.get(key);
      if (values === undefined) samples.set(key, [pitch]);
      else values.push(pitch);
    }
  }
  const pitches = new Map<number, number>();
  for (const [size, values] of samples) {
    const usual = mode(values, PITCH_BIN);
    if (usual !== undefined) pitches.set(size, usual);
  }
  return pitches;
}

interface PlacedLine {
  line: Line;
  inColumn: boolean;
  page: number;
  area: TextArea;
  centred: boolean;
}

function leftGap(line: Line, area: TextArea): number {
  return line.left - area.left;
}

function rightGap(line: Line, area: TextArea): number {
  return area.right - line.right;
}

function isSymmetric(line: Line, area: TextArea): boolean {
  const left = leftGap(line, area);
  const right = rightGap(line, area);
  const size = line.size;
  return left >= CENTRED_MIN_GAP_EM * size && right >= CENTRED_MIN_GAP_EM * size && Math.abs(left - right) <= CENTRED_TOLERANCE_EM * size;
}

function startsAtIndent(line: Line, area: TextArea): boolean {
  return area.indent !== undefined && Math.abs(leftGap(line, area) - area.indent) <= EDGE_TOLERANCE_EM * line.size;
}

/**
 * Lines that share one edge with a neighbour but not the other belong to a left- or
 * right-aligned block: an indented one-line paragraph can sit as far from both margins as a
 * centred title does.
 */
function isAlignedOnOneSide(line: Line, neighbour: Line | undefined): boolean {
  if (neighbour === undefined) return false;
  const tolerance = EDGE_TOLERANCE_EM * line.size;
  const sharesLeft = Math.abs(line.left - neighbour.left) <= tolerance;
  const sharesRight = Math.abs(line.right - neighbour.right) <= tolerance;
  return sharesLeft !== sharesRight;
}

function reachesRightMargin(placed: PlacedLine): boolean {
  return rightGap(placed.line, placed.area) <= RIGHT_SLACK_EM * placed.line.size;
}

/**
 * A line that ends short of the margin because its successor opens with a word or number too
 * long to fit ("联系电话：22836512、" / "13713445877；").
 */
function isWrappedBeforeLongWord(previous: PlacedLine, next: PlacedLine): boolean {
  const word = leadingWordWidth(next.line);
  return word > 0 && rightGap(previous.line, previous.area) <= word + RIGHT_SLACK_EM * previous.line.size;
}

function isIndented(placed: PlacedLine): boolean {
  return leftGap(placed.line, placed.area) > INDENT_MIN_EM * placed.line.size;
}

function endsTextArea(placed: PlacedLine): boolean {
  return placed.line.bottom >= placed.area.bottom - PAGE_EDGE_ZONE_EM * placed.line.size;
}

function startsTextArea(placed: PlacedLine): boolean {
  return placed.line.top <= placed.area.top + PAGE_EDGE_ZONE_EM * placed.line.size;
}

/**
 * A line aligned under the text after a label ("附件：", "抄送：") continues it (GB/T 9704-2012
 * 7.3.4: a long attachment name wraps under its first character), wherever the line above ended;
 * a line opening with the next item number is the next attachment.
 */
function hangsUnderLabel(previous: PlacedLine, next: PlacedLine): boolean {
  if (opensWithItemNumber(next.line)) return false;
  return labelEndsOf(previous.line).some((end) => Math.abs(next.line.left - end) <= EDGE_TOLERANCE_EM * next.line.size);
}


function alignmentOf(lines: readonly PlacedLine[]): NonNullable<ParagraphStyle['align']> {
  if (lines.every((placed) => placed.centred)) return 'center';
  if (lines.length === 1) {
    const { line, area } = lines[0]!;
    if (leftGap(line, area) - rightGap(line, area) >= RIGHT_LEAN_EM * line.size) return 'right';
  }
  const wrapped = lines.slice(0, -1);
  const continued = lines.slice(1);
  if (wrapped.length > 0 && wrapped.every(reachesRightMargin) && continued.every((placed) => !isIndented(placed))) return 'justify';
  return 'left';
}

function paragraphOf(lines: readonly PlacedLine[]): SourceParagraph {
  let text = '';
  for (const placed of lines) text = joinWrapped(text, placed.line.text);
  const weights = new Map<number, number>();
  let bold = 0;
  let total = 0;
  for (const { line } of lines) {
    const weight = visibleLength(line.text);
    weights.set(line.size, (weights.get(line.size) ?? 0) + weight);
    if (line.bold) bold += weight;
    total += weight;
  }
  const size = [...weights].sort((a, b) => b[1] - a[1])[0]?.[0] ?? lines[0]!.line.size;
  // Sizes come out of matrices as 15.96 or 16.08; the typesetter chose 16 (三号).
  const style: ParagraphStyle = { align: alignmentOf(lines), fontSize: sizeKey(size) };
  if (bold * 2 > total) style.bold = true;
  return { kind: 'paragraph', text, page: lines[0]!.page, style, ...ocrMarkOf(lines.map(({ line }) => line)) };
}

class ParagraphBuilder {
  private readonly areas: TextAreas;
  private readonly pitches: ReadonlyMap<number, number>;

  constructor(pages: readonly ParagraphPage[]) {
    this.areas = new TextAreas(pages.map((page) => ({ width: page.width, scanned: page.scanned, lines: plainLines(page) })));
    this.pitches = pitchBySize(pages);
  }

  private isUsualSpacing(upper: Line, lower: Line): boolean {
    const pitch = lower.baseline - upper.baseline;
    const usual = this.pitches.get(sizeKey(upper.size));
    const limit = usual === undefined ? FALLBACK_PITCH_EM * upper.size : PITCH_GAP_FACTOR * usual;
    return pitch > 0 && pitch <= limit;
  }

  /** Consecutive lines of one block: same size, ordinary line spacing, neither in a side-by-side block. */
  private areNeighbours(upper: ReadingLine | undefined, lower: ReadingLine | undefined): boolean {
    if (upper === undefined || lower === undefined || upper.inColumn || lower.inColumn) return false;
    return Math.abs(upper.line.size - lower.line.size) <= SIZE_TOLERANCE && this.isUsualSpacing(upper.line, lower.line);
  }

  /**
   * Centred: as far from both margins, not at the usual paragraph indent, and not aligned on one
   * side only with a neighbour.
   */
  private isCentred(readings: readonly ReadingLine[], index: number, area: TextArea): boolean {
    const reading = readings[index]!;
    const line = reading.line;
    if (!isSymmetric(line, area) || startsAtIndent(line, area)) return false;
    const previous = readings[index - 1];
    const next = readings[index + 1];
    if (this.areNeighbours(previous, reading) && isAlignedOnOneSide(line, previous?.line)) return false;
    return !(this.areNeighbours(reading, next) && isAlignedOnOneSide(line, next?.line));
  }

  /** The page's items, each line placed against its text area and its neighbours. */
  place(page: ParagraphPage): Array<PlacedLine | PageTable> {
    const readings = page.items.flatMap((item) => (item.kind === 'line' ? [item.reading] : []));
    const placed = new Map<ReadingLine, PlacedLine>();
    readings.forEach((reading, index) => {
      const area = this.areas.areaFor(page, reading.line.size);
      const centred = !reading.inColumn && this.isCentred(readings, index, area);
      placed.set(reading, { line: reading.line, inColumn: reading.inColumn, page: page.number, area, centred });
    });
    return page.items.map((item) => (item.kind === 'table' ? item.table : placed.get(item.reading)!));
  }

  /** Whether `next` continues the paragraph whose last line is `previous`. */
  continues(previous: PlacedLine, next: PlacedLine): boolean {
    const upper = previous.line;
    const lower = next.line;
    if (previous.inColumn || next.inColumn || upper.letterSpaced || lower.letterSpaced) return false;
    if (Math.abs(upper.size - lower.size) > SIZE_TOLERANCE) return false;
    const samePage = previous.page === next.page;
    if (samePage && !this.isUsualSpacing(upper, lower)) return false;
    if (!samePage && !(endsTextArea(previous) && startsTextArea(next))) return false;
    if (previous.centred && next.centred) return samePage;
    if (previous.centred || next.centred) return false;
    if (hangsUnderLabel(previous, next)) return true;
    const wrapped = reachesRightMargin(previous) || isWrappedBeforeLongWord(previous, next);
    return wrapped && !isIndented(next);
  }
}

// Column edges of a table and its continuation on the next page agree within this many points.
const COLUMN_EDGE_TOLERANCE = 2;

function sameColumns(a: PageTable, b: PageTable): boolean {
  return a.columnEdges.length === b.columnEdges.length && a.columnEdges.every((edge, i) => Math.abs(edge - b.columnEdges[i]!) <= COLUMN_EDGE_TOLERANCE);
}

function sameRow(a: readonly SourceCell[] | undefined, b: readonly SourceCell[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((cell, i) => cell.text === b[i]!.text);
}

/** A table the previous page ended with, which this page may continue. */
interface OpenTable {
  table: PageTable;
  block: SourceTable;
  page: number;
  /** The text of each page's part, scored, for the confidence of the whole. */
  parts: ScoredText[];
}

function scoredRows(rows: readonly SourceCell[][], confidence: number | undefined): ScoredText {
  return { text: rows.flatMap((row) => row.map((cell) => cell.text)).join(''), confidence };
}

/** Paragraphs and tables of the whole document, in reading order. */
export function buildParagraphs(pages: readonly ParagraphPage[]): SourceBlock[] {
  const builder = new ParagraphBuilder(pages);
  const blocks: SourceBlock[] = [];
  let current: PlacedLine[] = [];
  let open: OpenTable | undefined;
  const flush = (): void => {
    if (current.length > 0) blocks.push(paragraphOf(current));
    current = [];
  };
  for (const page of pages) {
    const items = builder.place(page);
    items.forEach((item, index) => {
      if ('line' in item) {
        const previous = current[current.length - 1];
        if (previous !== undefined && !builder.continues(previous, item)) flush();
        current.push(item);
        open = undefined;
        return;
      }
      flush();
      // A table broken by a page break goes on as the first thing on the next page, with the same
      // columns; a repeated header row is dropped.
      if (open !== undefined && index === 0 && open.page === page.number - 1 && sameColumns(open.table, item)) {
        const rows = sameRow(item.rows[0], open.block.rows[0]) ? item.rows.slice(1) : item.rows;
        open.block.rows.push(...rows);
        const parts = [...open.parts, scoredRows(rows, item.confidence)];
        Object.assign(open.block, ocrMarkOf(parts));
        open = { ...open, table: item, page: page.number, parts };
      } else {
        const parts = [scoredRows(item.rows, item.confidence)];
        const block: SourceTable = { kind: 'table', rows: [...item.rows], page: page.number, ...ocrMarkOf(parts) };
        blocks.push(block);
        open = { table: item, block, page: page.number, parts };
      }
      if (index !== items.length - 1) open = undefined;
    });
  }
  flush();
  return blocks;
}
