import { groupsOf } from '../positioned/groups.js';
import type { PixelBox } from './engine.js';
import { fittedAt, limitsAt, type GreyImage, type PixelRuling } from './ruling-lines.js';

/**
 * Tables on a scan, cut up for the recogniser. Read with the rest of the page as one block of
 * text, a table loses its text: the rules split and join lines, and a cell's two lines beside
 * its neighbour's one are read as a single line. Its cells are read one by one instead, each as
 * a block of its own, with the rules painted out. Rulings that meet make a table only when they
 * close every cell, which the boxes and arrows of a flow chart do not.
 */

// Painted-out rules take this many pixels of blur on either side with them.
const ERASE_MARGIN = 1.5;
// White round a cell's image: the recogniser misreads text that touches the edge of its image.
const CELL_MARGIN = 10;
// A rule divides two cells when it runs along at least this share of the side they share.
const BORDER_COVERAGE = 0.5;
// At most this many cells of a page are read one by one. Each takes some 30 ms of OCR, so this
// many take 9 s; a form filling an A4 page (40 rows of 7) stays under it. Manuscript paper
// (方格稿纸, 5 mm squares: some 1,900 to the page) or a finer printed grid (9,400 at 2.3 mm) would
// take minutes a page and turn its prose into a grid of one-character cells: a page with more
// cells than this is read whole, as one without tables.
export const MAX_TABLE_CELLS = 300;
// A pixel darker than this is ink, for telling a cell written in from an empty one: midway
// between paper (some 240 on a scan) and print (under 60). The page's own threshold (Otsu's, in
// ruling-lines.ts) is not needed for so coarse a question.
const INK_LEVEL = 128;
// Fewer dark pixels than a speck this many millimetres across are the scanner's noise or what
// painting out the rules left behind, not writing: a full stop of 10.5 pt text is 0.4 mm or more.
const MIN_INK_MM = 0.3;

/** Where rulings divide the image into cells, and those rulings. */
export interface RuledArea {
  /** In pixels, the rulings' ends and thickness included. */
  box: PixelBox;
  rulings: PixelRuling[];
}

/** The image of a cell, rules painted out, and where its top left corner lies on the page image. */
export interface CellImage {
  image: GreyImage;
  x: number;
  y: number;
}

/**
 * Whether two rulings of different directions cross or meet, within `reach` pixels. Each is taken
 * where it runs by the other, not at its middle: on a sheet 2° askew the ends of a rule 1100
 * pixels long lie 19 pixels either side of its middle.
 */
function meet(a: PixelRuling, b: PixelRuling, reach: number): boolean {
  const aAcross = fittedAt(a, fittedAt(b, a.at));
  const bAcross = fittedAt(b, fittedAt(a, b.at));
  return bAcross >= a.start - reach && bAcross <= a.end + reach && aAcross >= b.start - reach && aAcross <= b.end + reach;
}

function boundsOf(rulings: readonly PixelRuling[], image: GreyImage, margin: number): PixelBox {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ruling of rulings) {
    const ends = [fittedAt(ruling, ruling.start), fittedAt(ruling, ruling.end)];
    const acrossLow = Math.min(...ends) - ruling.thickness / 2;
    const acrossHigh = Math.max(...ends) + ruling.thickness / 2;
    const [x0, x1, y0, y1] = ruling.direction === 'horizontal' ? [ruling.start, ruling.end, acrossLow, acrossHigh] : [acrossLow, acrossHigh, ruling.start, ruling.end];
    box.x0 = Math.min(box.x0, x0);
    box.x1 = Math.max(box.x1, x1);
    box.y0 = Math.min(box.y0, y0);
    box.y1 = Math.max(box.y1, y1);
  }
  return {
    x0: Math.max(0, Math.floor(box.x0 - margin)),
    y0: Math.max(0, Math.floor(box.y0 - margin)),
    x1: Math.min(image.width, Math.ceil(box.x1 + margin)),
    y1: Math.min(image.height, Math.ceil(box.y1 + margin)),
  };
}

/**
 * The areas where rulings that meet one another make at least two cells: tables and forms. A
 * frame round a paragraph (one cell) is none.
 */
export function ruledAreas(rulings: readonly PixelRuling[], image: GreyImage, scale: number): RuledArea[] {
  const { reach, maxGap } = limitsAt(scale);
  const links: Array<[number, number]> = [];
  rulings.forEach((a, i) => {
    rulings.forEach((b, j) => {
      if (j > i && a.direction !== b.direction && meet(a, b, reach)) links.push([i, j]);
    });
  });
  const areas: RuledArea[] = [];
  for (const group of groupsOf(rulings.length, links)) {
    const lines = group.map((index) => rulings[index]!);
    const horizontal = lines.filter((ruling) => ruling.direction === 'horizontal').length;
    const vertical = lines.length - horizontal;
    if (horizontal >= 2 && vertical >= 2 && Math.max(horizontal, vertical) >= 3) areas.push({ box: boundsOf(lines, image, maxGap), rulings: lines });
  }
  return areas;
}

/** Positions closer than `reach` taken as one, with the ends of the range added where no ruling lies. */
function edgesOf(positions: readonly number[], low: number, high: number, reach: number): number[] {
  const edges: number[] = [];
  let group: number[] = [];
  const close = (): void => {
    if (group.length > 0) edges.push(group.reduce((sum, position) => sum + position, 0) / group.length);
    group = [];
  };
  for (const position of [...positions].sort((a, b) => a - b)) {
    if (group.length > 0 && position - group[group.length - 1]! > reach) close();
    group.push(position);
  }
  close();
  if (edges.length === 0 || edges[0]! - low > reach) edges.unshift(low);
  if (high - edges[edges.length - 1]! > reach) edges.push(high);
  return edges;
}

function overlap(start: number, end: number, from: number, to: number): number {
  return Math.max(0, Math.min(end, to) - Math.max(start, from));
}

/** A ruling in the frame of a table turned straight: where it lies across, and from where to where it runs along. */
interface StraightRuling {
  at: number;
  start: number;
  end: number;
}

/**
 * The rulings of an area turned straight. A sheet askew on the glass turns a table as a whole: its
 * rulings' middles, where `at` is taken, lie off the grid by the slope times their distance from
 * the table's middle (a rule dividing only the last column of a table 1100 pixels wide, 2° askew,
 * 15 pixels off its row's long rules). Every point is turned back about the middle of the area by
 * the slope of its rulings, weighted by length: horizontal ones for heights, vertical ones for widths.
 */
function straightened(rulings: readonly PixelRuling[], box: PixelBox): StraightRuling[] {
  const slope = (direction: PixelRuling['direction']): number => {
    const lines = rulings.filter((ruling) => ruling.direction === direction);
    const length = lines.reduce((sum, ruling) => sum + ruling.end - ruling.start, 0);
    return length > 0 ? lines.reduce((sum, ruling) => sum + ruling.slope * (ruling.end - ruling.start), 0) / length : 0;
  };
  const [slopeH, slopeV] = [slope('horizontal'), slope('vertical')];
  const [cx, cy] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  // A point (along, across) of a ruling, turned: its along and across in the straight frame.
  return rulings.map((ruling) => {
    const turn = (along: number): [number, number] => {
      const across = fittedAt(ruling, along);
      const [x, y] = ruling.direction === 'horizontal' ? [along, across] : [across, along];
      const [sx, sy] = [x - slopeV * (y - cy), y - slopeH * (x - cx)];
      return ruling.direction === 'horizontal' ? [sx, sy] : [sy, sx];
    };
    const [start] = turn(ruling.start);
    const [end] = turn(ruling.end);
    const [, at] = turn(ruling.anchor);
    return { at, start: Math.min(start, end), end: Math.max(start, end) };
  });
}

/** Whether one of `rules` lies at `at` and runs along most of the stretch from `from` to `to`. */
function divided(rules: readonly StraightRuling[], at: number, from: number, to: number, reach: number): boolean {
  return rules.some((rule) => Math.abs(rule.at - at) <= reach && overlap(rule.start, rule.end, from, to) >= BORDER_COVERAGE * (to - from));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

/**
 * The cells of a ruled area if it is a table, in pixels of the page image: the grid of every
 * ruling's position, its squares joined wherever no rule divides them (merged cells). In a table
 * every cell is a rectangle closed by rules on all four sides; the space between the boxes of a
 * flow chart, or round a diagram, is not, and such an area is no table (undefined).
 */
export function tableCells(area: RuledArea, scale: number): PixelBox[] | undefined {
  const { reach, minCharacter } = limitsAt(scale);
  const straight = straightened(area.rulings, area.box);
  const horizontal = straight.filter((_, index) => area.rulings[index]!.direction === 'horizontal');
  const vertical = straight.filter((_, index) => area.rulings[index]!.direction === 'vertical');
  // The outer edges are where the rulings reach, turned straight, not the area's box: that is
  // widened by their tilt, thickness and gaps, and its border would lie a row or column off the
  // outer rules of a table askew.
  const low = (across: readonly StraightRuling[], along: readonly StraightRuling[]): number => Math.min(...across.map((ruling) => ruling.at), ...along.map((ruling) => ruling.start));
  const high = (across: readonly StraightRuling[], along: readonly StraightRuling[]): number => Math.max(...across.map((ruling) => ruling.at), ...along.map((ruling) => ruling.end));
  const xs = edgesOf(vertical.map((ruling) => ruling.at), low(vertical, horizontal), high(vertical, horizontal), reach);
  const ys = edgesOf(horizontal.map((ruling) => ruling.at), low(horizontal, vertical), high(horizontal, vertical), reach);
  const columns = xs.length - 1;
  const rows = ys.length - 1;
  // Whether a rule runs along row edge `edge` over column `column`, or along column edge `edge` over row `row`.
  const ruledAcross = (edge: number, column: number): boolean => divided(horizontal, ys[edge]!, xs[column]!, xs[column + 1]!, reach);
  const ruledDown = (edge: number, row: number): boolean => divided(vertical, xs[edge]!, ys[row]!, ys[row + 1]!, reach);
  // Square (row, column) is number row · columns + column; neighbours no rule divides are joined.
  const joined: Array<[number, number]> = [];
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const square = row * columns + column;
      if (column + 1 < columns && !ruledDown(column + 1, row)) joined.push([square, square + 1]);
      if (row + 1 < rows && !ruledAcross(row + 1, column)) joined.push([square, square + columns]);
    }
  }
  const cells: PixelBox[] = [];
  for (const squares of groupsOf(rows * columns, joined)) {
    const top = Math.min(...squares.map((square) => Math.floor(square / columns)));
    const bottom = Math.max(...squares.map((square) => Math.floor(square / columns))) + 1;
    const left = Math.min(...squares.map((square) => square % columns));
    const right = Math.max(...squares.map((square) => square % columns)) + 1;
    const rectangle = squares.length === (bottom - top) * (right - left);
    const across = range(left, right).every((column) => ruledAcross(top, column) && ruledAcross(bottom, column));
    const down = range(top, bottom).every((row) => ruledDown(left, row) && ruledDown(right, row));
    if (!rectangle || !across || !down) return undefined;
    const cell = { x0: Math.round(xs[left]!), x1: Math.round(xs[right]!), y0: Math.round(ys[top]!), y1: Math.round(ys[bottom]!) };
    // Squares thinner than a character lie between the two rules of a double border.
    if (cell.x1 - cell.x0 >= minCharacter && cell.y1 - cell.y0 >= minCharacter) cells.push(cell);
  }
  return cells;
}

/** A copy of the area of the page image with its rulings painted white. */
function withoutRulings(image: GreyImage, area: RuledArea): GreyImage {
  const { x0, y0, x1, y1 } = area.box;
  const width = x1 - x0;
  const height = y1 - y0;
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) grey.set(image.grey.subarray((y + y0) * image.width + x0, (y + y0) * image.width + x1), y * width);
  for (const ruling of area.rulings) {
    const half = ruling.thickness / 2 + ERASE_MARGIN;
    const horizontal = ruling.direction === 'horizontal';
    const [alongOrigin, acrossOrigin, alongCount, acrossCount] = horizontal ? [x0, y0, width, height] : [y0, x0, height, width];
    const [alongStride, acrossStride] = horizontal ? [1, width] : [width, 1];
    const from = Math.max(0, Math.floor(ruling.start - half) - alongOrigin);
    const to = Math.min(alongCount, Math.ceil(ruling.end + half) - alongOrigin);
    for (let along = from; along < to; along += 1) {
      const centre = fittedAt(ruling, along + alongOrigin + 0.5) - acrossOrigin;
      const low = Math.max(0, Math.ceil(centre - half - 0.5));
      const high = Math.min(acrossCount - 1, Math.floor(centre + half - 0.5));
      for (let across = low; across <= high; across += 1) grey[along * alongStride + across * acrossStride] = 255;
    }
  }
  return { grey, width, height };
}

/** The images of the cells of a ruled area, for the recogniser to read one by one. */
export function cellImages(image: GreyImage, area: RuledArea, cells: readonly PixelBox[]): CellImage[] {
  const cleared = withoutRulings(image, area);
  return cells.map((cell) => {
    const x0 = Math.max(cell.x0, area.box.x0);
    const y0 = Math.max(cell.y0, area.box.y0);
    const x1 = Math.min(cell.x1, area.box.x1);
    const y1 = Math.min(cell.y1, area.box.y1);
    const width = x1 - x0 + 2 * CELL_MARGIN;
    const height = y1 - y0 + 2 * CELL_MARGIN;
    const grey = new Uint8Array(width * height).fill(255);
    for (let y = y0; y < y1; y += 1) {
      const from = (y - area.box.y0) * cleared.width + (x0 - area.box.x0);
      grey.set(cleared.grey.subarray(from, from + (x1 - x0)), (y - y0 + CELL_MARGIN) * width + CELL_MARGIN);
    }
    return { image: { grey, width, height }, x: x0 - CELL_MARGIN, y: y0 - CELL_MARGIN };
  });
}

/** A table of a page: its ruled area and its cells, in pixels of the page image. */
export interface PageTable {
  area: RuledArea;
  cells: PixelBox[];
}

/**
 * The ruled areas of a page that are tables, with their cells, for the recogniser to read cell by
 * cell; none when they have more than MAX_TABLE_CELLS cells between them (a grid, not tables).
 */
export function tablesToRead(areas: readonly RuledArea[], scale: number): PageTable[] {
  const tables = areas.flatMap((area) => {
    const cells = tableCells(area, scale);
    return cells === undefined ? [] : [{ area, cells }];
  });
  return tables.reduce((sum, table) => sum + table.cells.length, 0) > MAX_TABLE_CELLS ? [] : tables;
}

/** Whether anything is written in the image of a cell (drawn at `scale` pixels per point): an empty cell is not sent to the recogniser. */
export function hasInk(image: GreyImage, scale: number): boolean {
  const minimum = Math.max(1, Math.round((MIN_INK_MM * (scale * 72)) / 25.4) ** 2);
  let inked = 0;
  for (let pixel = 0; pixel < image.grey.length; pixel += 1) {
    if (image.grey[pixel]! < INK_LEVEL && (inked += 1) >= minimum) return true;
  }
  return false;
}
