import type { Part, TableBlock } from '../model/document.js';
import { overlaps, type Span } from '../model/span.js';
import { compact } from '../ingest/characters.js';
import { findDocNumbers } from './doc-number.js';
import { blankSpans } from './text.js';
import type { ExtractionContext, Line } from './context.js';
import { landmarks } from './landmarks.js';
import { DEADLINE_COLUMN, TASK_COLUMN } from './lexicon/tasks.js';

/**
 * Where a notice assigns work: the body below the addressees and the attachments, line by line
 * and cell by cell. The title, the signature, the attachment note and the 版记 assign nothing,
 * so the task extractors (units, quotas, deadlines, tasks) read only these regions, through a
 * text in which document numbers, cited titles and contact details are masked.
 */

export interface CellPlace {
  /** Index of the table in `document.blocks`. */
  block: number;
  /** Row counted from the table's header row, which is 0; a title row above the header is negative. */
  row: number;
  /** The last row the cell covers (its row plus its row span, less one). */
  lastRow: number;
  /** Column in the table's grid, counting the columns that spanning cells cover. */
  column: number;
  /** Text of the header row in this column, white space removed ('' when none). */
  header: string;
}

export interface Region {
  span: Span;
  kind: 'line' | 'cell';
  part: Part;
  /** The line a line region is (undefined for a cell). */
  line?: Line;
  /** The place of a cell region (undefined for a line). */
  cell?: CellPlace;
}

/** Stands for a masked character: it is no digit, letter, ideograph, space or punctuation. */
export const MASK = '\uFFFC';

const CITED_TITLE = /《[^《》\n]{1,120}》/g;
const URL = /(?:https?:\/\/|www\.)[\w\-.~:/?#@!$&'*+,;=%]+/gi;

const HEADER_WORD = new RegExp(`${TASK_COLUMN.source}|${DEADLINE_COLUMN.source}|序号|备注|单位|部门`);
const MAX_TITLE_ROWS = 2;

/**
 * The header row: the first row with several cells one of which names a column (事项, 责任单位,
 * 完成时限 …). A table may open with a title row spanning all its columns (`…任务分解表`).
 */
function headerRow(context: ExtractionContext, grid: ReadonlyArray<ReadonlyArray<{ span: Span }>>): number {
  for (let row = 0; row <= MAX_TITLE_ROWS && row < grid.length; row += 1) {
    const cells = grid[row]!;
    if (cells.length >= 2 && cells.some((cell) => HEADER_WORD.test(compact(context.slice(cell.span))))) return row;
  }
  return 0;
}

function tableRegions(context: ExtractionContext, table: TableBlock, block: number): Region[] {
  const part = context.partOf(table.span);
  const grid: Array<Array<{ column: number; span: Span; rowSpan: number }>> = [];
  const covered = new Set<string>();
  table.rows.forEach((row, rowIndex) => {
    const placed: Array<{ column: number; span: Span; rowSpan: number }> = [];
    let column = 0;
    for (const cell of row.cells) {
      while (covered.has(`${rowIndex}:${column}`)) column += 1;
      const rowSpan = cell.rowSpan ?? 1;
      placed.push({ column, span: cell.span, rowSpan });
      const width = cell.colSpan ?? 1;
      for (let down = 1; down < rowSpan; down += 1) {
        for (let across = 0; across < width; across += 1) covered.add(`${rowIndex + down}:${column + across}`);
      }
      column += width;
    }
    grid.push(placed);
  });
  const header = grid.length > 1 ? headerRow(context, grid) : -1;
  const headers = new Map<number, string>();
  for (const cell of grid[header] ?? []) headers.set(cell.column, compact(context.slice(cell.span)));
  return grid.flatMap((cells, row) =>
    cells
      .filter((cell) => cell.span[1] > cell.span[0])
      .map((cell): Region => ({
        span: cell.span,
        kind: 'cell',
        part,
        cell: { block, row: row - Math.max(header, 0), lastRow: row - Math.max(header, 0) + cell.rowSpan - 1, column: cell.column, header: headers.get(cell.column) ?? '' },
      })),
  );
}

function findRegions(context: ExtractionContext): Region[] {
  const marks = landmarks(context);
  const excluded = new Set<Line>([...marks.title, ...marks.signature, ...(marks.signDate ? [marks.signDate.line] : [])]);
  if (marks.addressee) excluded.add(marks.addressee);
  const attachmentNotes = context.fields.attachments.map((attachment) => attachment.span);
  // The body follows the addressees, or the title where a notice has none (a plan, a 办法).
  const bodyFrom = marks.addressee?.span[1] ?? marks.title.at(-1)?.span[1] ?? context.mainLines[marks.bodyStart]?.span[0] ?? 0;
  const lineOf = new Map(context.lines.map((line) => [line.index, line]));
  const regions: Region[] = [];
  context.document.blocks.forEach((block, index) => {
    const part = context.partOf(block.span);
    if (part.kind === 'record' || block.type === 'metadata' || block.type === 'record' || block.type === 'attachment') return;
    if (part.kind === 'main' && block.span[0] < bodyFrom) return;
    if (block.type === 'table') {
      regions.push(...tableRegions(context, block, index));
      return;
    }
    const line = lineOf.get(index);
    if (line === undefined || excluded.has(line)) return;
    if (attachmentNotes.some((span) => overlaps(span, line.span)) || /^\s*附\s*件\s*[:：]/.test(line.text)) return;
    regions.push({ span: line.span, kind: 'line', part, line });
  });
  return regions;
}

function findMasked(context: ExtractionContext, regions: readonly Region[]): string {
  const spans: Array<[number, number]> = [];
  for (const region of regions) {
    const text = context.slice(region.span);
    const base = region.span[0];
    for (const number of findDocNumbers(text)) spans.push([base + number.start, base + number.end]);
    for (const pattern of [CITED_TITLE, URL]) for (const match of text.matchAll(pattern)) spans.push([base + match.index, base + match.index + match[0].length]);
  }
  for (const contact of context.fields.contacts) spans.push(contact.span);
  return blankSpans(context.text, spans, MASK);
}

interface Reading {
  regions: Region[];
  masked: string;
}

const cache = new WeakMap<ExtractionContext, Reading>();

function reading(context: ExtractionContext): Reading {
  let found = cache.get(context);
  if (found === undefined) {
    const regions = findRegions(context);
    found = { regions, masked: findMasked(context, regions) };
    cache.set(context, found);
  }
  return found;
}

/** The lines and cells in which a notice assigns work, in reading order. */
export function taskRegions(context: ExtractionContext): readonly Region[] {
  return reading(context).regions;
}

/**
 * The document text with document numbers, 《cited titles》, URLs, telephone numbers and e-mail
 * addresses replaced by MASK, one for one, so that offsets into it are offsets into the text
 * and `〔2018〕2号` can never be read as a date or a quota.
 */
export function maskedText(context: ExtractionContext): string {
  return reading(context).masked;
}
