import type { SourceCell } from '../../model/document.js';
import { meanConfidence } from './confidence.js';
import { groupsOf } from './groups.js';
import { buildLines } from './lines.js';
import { joinWrapped } from './spacing.js';
import type { RulingSegment } from './types.js';
import type { TextBox } from './upright.js';

/** A table found on a page, with its cells' text already assembled. */
export interface PageTable {
  /** Its top border: where it falls among the lines of the page. */
  top: number;
  /** x of each column edge, left to right; continuation tables on the next page are matched on these. */
  columnEdges: number[];
  rows: SourceCell[][];
  /** Mean OCR confidence (0–1) of the characters in the cells; absent for a text layer. */
  confidence?: number;
}

interface HorizontalRule {
  y: number;
  x1: number;
  x2: number;
}

interface VerticalRule {
  x: number;
  y1: number;
  y2: number;
}

// How far a ruling may lean and still count as horizontal or vertical (points).
const AXIS_TOLERANCE = 1;
// Rulings closer than this are one line: double borders, rounding, touching cell borders.
const SNAP = 2;
// Grid rows and columns thinner than this come from borders drawn twice, not from cells.
const MIN_CELL_SIZE = 4;
// A cell border must run along at least this share of a grid row or column to separate it.
const BOUNDARY_COVERAGE = 0.5;
// A frame around a paragraph (one cell) or a rule under a 版头 (no cell) is not a table, so a
// table has at least two rows and two columns; a single row counts only with this many filled
// cells (the header of a form to fill in: 姓名 | 所属部门 | 职务 …).
const SINGLE_ROW_MIN_CELLS = 3;
// A line inside a cell that ends more than this many ems (plus padding) short of the cell's
// right border was broken on purpose; one that reaches it was wrapped.
const CELL_WRAP_SLACK_EM = 2;
const CELL_PADDING = 4;

function axisRules(segments: readonly RulingSegment[]): { horizontal: HorizontalRule[]; vertical: VerticalRule[] } {
  const horizontal: HorizontalRule[] = [];
  const vertical: VerticalRule[] = [];
  for (const { x1, y1, x2, y2 } of segments) {
    if (Math.abs(y1 - y2) <= AXIS_TOLERANCE) horizontal.push({ y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) <= AXIS_TOLERANCE) vertical.push({ x: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  }
  return { horizontal, vertical };
}

/** Joins rulings on one line whose extents touch or overlap. */
function mergeCollinear<T>(rules: readonly T[], position: (rule: T) => number, start: (rule: T) => number, end: (rule: T) => number, make: (position: number, start: number, end: number) => T): T[] {
  const sorted = [...rules].sort((a, b) => position(a) - position(b));
  const merged: T[] = [];
  let index = 0;
  while (index < sorted.length) {
    const group = [sorted[index]!];
    index += 1;
    while (index < sorted.length && position(sorted[index]!) - position(group[group.length - 1]!) <= SNAP) {
      group.push(sorted[index]!);
      index += 1;
    }
    const at = group.reduce((sum, rule) => sum + position(rule), 0) / group.length;
    group.sort((a, b) => start(a) - start(b));
    let from = start(group[0]!);
    let to = end(group[0]!);
    for (const rule of group.slice(1)) {
      if (start(rule) <= to + SNAP) {
        to = Math.max(to, end(rule));
      } else {
        merged.push(make(at, from, to));
        from = start(rule);
        to = end(rule);
      }
    }
    merged.push(make(at, from, to));
  }
  return merged;
}

function crosses(h: HorizontalRule, v: VerticalRule): boolean {
  return v.x >= h.x1 - SNAP && v.x <= h.x2 + SNAP && h.y >= v.y1 - SNAP && h.y <= v.y2 + SNAP;
}

/** Groups rulings that touch one another: each group is a candidate table. */
function connectedGroups(horizontal: readonly HorizontalRule[], vertical: readonly VerticalRule[]): Array<{ horizontal: HorizontalRule[]; vertical: VerticalRule[] }> {
  const links: Array<[number, number]> = [];
  horizontal.forEach((h, hi) => {
    vertical.forEach((v, vi) => {
      if (crosses(h, v)) links.push([hi, horizontal.length + vi]);
    });
  });
  return groupsOf(horizontal.length + vertical.length, links).map((group) => ({
    horizontal: group.filter((index) => index < horizontal.length).map((index) => horizontal[index]!),
    vertical: group.filter((index) => index >= horizontal.length).map((index) => vertical[index - horizontal.length]!),
  }));
}

/** Distinct positions, merging those closer than a cell can be narrow. */
function edgesOf(positions: readonly number[]): number[] {
  const sorted = [...positions].sort((a, b) => a - b);
  const edges: number[] = [];
  let group: number[] = [];
  for (const position of sorted) {
    if (group.length > 0 && position - group[group.length - 1]! > MIN_CELL_SIZE) {
      edges.push(group.reduce((sum, value) => sum + value, 0) / group.length);
      group = [];
    }
    group.push(position);
  }
  if (group.length > 0) edges.push(group.reduce((sum, value) => sum + value, 0) / group.length);
  return edges;
}

function coverage(from: number, to: number, spanFrom: number, spanTo: number): number {
  const overlap = Math.min(to, spanTo) - Math.max(from, spanFrom);
  return spanTo > spanFrom ? Math.max(0, overlap) / (spanTo - spanFrom) : 0;
}

class Grid {
  constructor(
    readonly columnEdges: number[],
    readonly rowEdges: number[],
    private readonly horizontal: readonly HorizontalRule[],
    private readonly vertical: readonly VerticalRule[],
  ) {}

  get rowCount(): number {
    return this.rowEdges.length - 1;
  }

  get columnCount(): number {
    return this.columnEdges.length - 1;
  }

  /** Whether a border is drawn at column edge `edge` along grid row `row`. */
  hasVerticalBorder(edge: number, row: number): boolean {
    const x = this.columnEdges[edge]!;
    const top = this.rowEdges[row]!;
    const bottom = this.rowEdges[row + 1]!;
    return this.vertical.some((v) => Math.abs(v.x - x) <= MIN_CELL_SIZE && coverage(v.y1, v.y2, top, bottom) >= BOUNDARY_COVERAGE);
  }

  /** Whether a border is drawn at row edge `edge` along grid column `column`. */
  hasHorizontalBorder(edge: number, column: number): boolean {
    const y = this.rowEdges[edge]!;
    const left = this.columnEdges[column]!;
    const right = this.columnEdges[column + 1]!;
    return this.horizontal.some((h) => Math.abs(h.y - y) <= MIN_CELL_SIZE && coverage(h.x1, h.x2, left, right) >= BOUNDARY_COVERAGE);
  }

  /** Drops inner edges along which no border separates anything: they only split merged cells. */
  withoutIdleEdges(): Grid {
    const rowEdges = this.rowEdges.filter(
      (_, edge) => edge === 0 || edge === this.rowCount || range(this.columnCount).some((column) => this.hasHorizontalBorder(edge, column)),
    );
    const columnEdges = this.columnEdges.filter(
      (_, edge) => edge === 0 || edge === this.columnCount || range(this.rowCount).some((row) => this.hasVerticalBorder(edge, row)),
    );
    return new Grid(columnEdges, rowEdges, this.horizontal, this.vertical);
  }
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

interface CellDraft {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  boxes: TextBox[];
}

/** Merges grid cells not separated by a border into spanning cells, row by row. */
function cellsOf(grid: Grid): { cells: CellDraft[]; owner: CellDraft[][] } {
  const owner: Array<Array<CellDraft | undefined>> = range(grid.rowCount).map(() => range(grid.columnCount).map(() => undefined));
  const cells: CellDraft[] = [];
  for (let row = 0; row < grid.rowCount; row += 1) {
    for (let column = 0; column < grid.columnCount; column += 1) {
      if (owner[row]![column] !== undefined) continue;
      let colSpan = 1;
      while (column + colSpan < grid.columnCount && !grid.hasVerticalBorder(column + colSpan, row) && owner[row]![column + colSpan] === undefined) {
        colSpan += 1;
      }
      let rowSpan = 1;
      while (
        row + rowSpan < grid.rowCount &&
        range(colSpan).every((offset) => !grid.hasHorizontalBorder(row + rowSpan, column + offset) && owner[row + rowSpan]![column + offset] === undefined)
      ) {
        rowSpan += 1;
      }
      const cell: CellDraft = { row, column, rowSpan, colSpan, boxes: [] };
      cells.push(cell);
      for (let r = row; r < row + rowSpan; r += 1) for (let c = column; c < column + colSpan; c += 1) owner[r]![c] = cell;
    }
  }
  return { cells, owner: owner as CellDraft[][] };
}

/** Index of the interval of `edges` containing `value`, or -1 outside them. */
function intervalIndex(edges: readonly number[], value: number): number {
  if (value < edges[0]! || value > edges[edges.length - 1]!) return -1;
  let low = 0;
  let high = edges.length - 2;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (edges[middle]! <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

function cellText(cell: CellDraft, right: number): string {
  let text = '';
  let previous: { right: number; size: number } | undefined;
  for (const line of buildLines(cell.boxes)) {
    if (previous === undefined) text = line.text;
    else if (previous.right >= right - CELL_PADDING - CELL_WRAP_SLACK_EM * previous.size) text = joinWrapped(text, line.text);
    else text += `\n${line.text}`;
    previous = line;
  }
  return text;
}

function sourceCell(cell: CellDraft, grid: Grid): SourceCell {
  const source: SourceCell = { text: cellText(cell, grid.columnEdges[cell.column + cell.colSpan]!) };
  if (cell.colSpan > 1) source.colSpan = cell.colSpan;
  if (cell.rowSpan > 1) source.rowSpan = cell.rowSpan;
  return source;
}

function gridOf(group: { horizontal: HorizontalRule[]; vertical: VerticalRule[] }): Grid | undefined {
  if (group.horizontal.length === 0 || group.vertical.length === 0) return undefined;
  const left = Math.min(...group.horizontal.map((h) => h.x1));
  const right = Math.max(...group.horizontal.map((h) => h.x2));
  const top = Math.min(...group.vertical.map((v) => v.y1));
  const bottom = Math.max(...group.vertical.map((v) => v.y2));
  const columnEdges = edgesOf([left, right, ...group.vertical.map((v) => v.x)]);
  const rowEdges = edgesOf([top, bottom, ...group.horizontal.map((h) => h.y)]);
  const grid = new Grid(columnEdges, rowEdges, group.horizontal, group.vertical).withoutIdleEdges();
  const isGrid = grid.rowCount >= 2 && grid.columnCount >= 2;
  const isSingleRow = grid.rowCount === 1 && grid.columnCount >= SINGLE_ROW_MIN_CELLS;
  return isGrid || isSingleRow ? grid : undefined;
}

/** Whether the text found in a grid's cells makes it a table rather than a box drawn around text. */
function holdsTable(grid: Grid, cells: readonly CellDraft[]): boolean {
  const filled = cells.filter((cell) => cell.boxes.length > 0).length;
  return grid.rowCount === 1 ? filled >= SINGLE_ROW_MIN_CELLS : filled > 0;
}

/**
 * Finds tables drawn with ruling lines and moves the text inside them into their cells.
 * Returns the tables and the boxes left for running text.
 */
export function findTables(rulings: readonly RulingSegment[], boxes: readonly TextBox[]): { tables: PageTable[]; rest: TextBox[] } {
  const { horizontal, vertical } = axisRules(rulings);
  if (horizontal.length < 2 || vertical.length === 0) return { tables: [], rest: [...boxes] };
  const mergedHorizontal = mergeCollinear(horizontal, (h) => h.y, (h) => h.x1, (h) => h.x2, (y, x1, x2) => ({ y, x1, x2 }));
  const mergedVertical = mergeCollinear(vertical, (v) => v.x, (v) => v.y1, (v) => v.y2, (x, y1, y2) => ({ x, y1, y2 }));
  const grids = connectedGroups(mergedHorizontal, mergedVertical)
    .map(gridOf)
    .filter((grid): grid is Grid => grid !== undefined);
  if (grids.length === 0) return { tables: [], rest: [...boxes] };

  const placed = grids.map((grid) => ({ grid, ...cellsOf(grid) }));
  const rest: TextBox[] = [];
  for (const box of boxes) {
    const x = (box.left + box.right) / 2;
    const y = (box.top + box.bottom) / 2;
    const home = placed.find(({ grid }) => intervalIndex(grid.columnEdges, x) >= 0 && intervalIndex(grid.rowEdges, y) >= 0);
    if (home === undefined) {
      rest.push(box);
      continue;
    }
    home.owner[intervalIndex(home.grid.rowEdges, y)]![intervalIndex(home.grid.columnEdges, x)]!.boxes.push(box);
  }

  const tables: PageTable[] = [];
  for (const { grid, cells } of placed) {
    if (!holdsTable(grid, cells)) {
      for (const cell of cells) rest.push(...cell.boxes);
      continue;
    }
    const rows: SourceCell[][] = range(grid.rowCount).map(() => []);
    for (const cell of cells) rows[cell.row]!.push(sourceCell(cell, grid));
    const confidence = meanConfidence(cells.flatMap((cell) => cell.boxes));
    tables.push({ top: grid.rowEdges[0]!, columnEdges: grid.columnEdges, rows, ...(confidence === undefined ? {} : { confidence }) });
  }
  return { tables, rest };
}
