import { describe, expect, it } from 'vitest';
import type { PixelBox } from '../../src/ingest/ocr/engine.js';
import { cellImages, MAX_TABLE_CELLS, ruledAreas, tableCells, tablesToRead, hasInk } from '../../src/ingest/ocr/ruled-areas.js';
import { findRulingLines, rulingSegments, rulingsClearOfText, type GreyImage } from '../../src/ingest/ocr/ruling-lines.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedRun, RulingSegment } from '../../src/ingest/positioned/types.js';
import type { SourceTable } from '../../src/model/document.js';

// Synthetic scans at the resolution OCR reads pages at: 200 dpi, 200/72 pixels to the point.
const SCALE = 200 / 72;
const PAPER = 242;
const INK = 40;

function paper(width: number, height: number): GreyImage {
  return { grey: new Uint8Array(width * height).fill(PAPER), width, height };
}

/** Inks every pixel whose centre lies within `thickness / 2` of the segment from (x1, y1) to (x2, y2), in pixels. */
function stroke(image: GreyImage, [x1, y1]: readonly [number, number], [x2, y2]: readonly [number, number], thickness: number): void {
  const half = thickness / 2;
  const length2 = (x2 - x1) ** 2 + (y2 - y1) ** 2;
  for (let y = Math.max(0, Math.floor(Math.min(y1, y2) - half)); y <= Math.min(image.height - 1, Math.ceil(Math.max(y1, y2) + half)); y += 1) {
    for (let x = Math.max(0, Math.floor(Math.min(x1, x2) - half)); x <= Math.min(image.width - 1, Math.ceil(Math.max(x1, x2) + half)); x += 1) {
      const [px, py] = [x + 0.5, y + 0.5];
      const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * (x2 - x1) + (py - y1) * (y2 - y1)) / length2));
      if (Math.hypot(px - (x1 + t * (x2 - x1)), py - (y1 + t * (y2 - y1))) <= half) image.grey[y * image.width + x] = INK;
    }
  }
}

/** A point turned by `degrees` clockwise about `centre`, as a sheet askew on the scanner glass turns. */
function turned([x, y]: readonly [number, number], degrees: number, [cx, cy]: readonly [number, number]): [number, number] {
  const angle = (degrees * Math.PI) / 180;
  return [cx + (x - cx) * Math.cos(angle) - (y - cy) * Math.sin(angle), cy + (x - cx) * Math.sin(angle) + (y - cy) * Math.cos(angle)];
}

/** Draws the rules of a grid with column edges `xs` and row edges `ys` (pixels), turned by `degrees`. */
function drawGrid(image: GreyImage, xs: readonly number[], ys: readonly number[], degrees: number, thickness: number): void {
  const centre: [number, number] = [image.width / 2, image.height / 2];
  const line = (from: [number, number], to: [number, number]): void => stroke(image, turned(from, degrees, centre), turned(to, degrees, centre), thickness);
  for (const x of xs) line([x, ys[0]!], [x, ys[ys.length - 1]!]);
  for (const y of ys) line([xs[0]!, y], [xs[xs.length - 1]!, y]);
}

const isHorizontal = (segment: RulingSegment): boolean => segment.y1 === segment.y2;

function sorted(segments: readonly RulingSegment[]): { horizontal: RulingSegment[]; vertical: RulingSegment[] } {
  return {
    horizontal: segments.filter(isHorizontal).sort((a, b) => a.y1 - b.y1),
    vertical: segments.filter((segment) => !isHorizontal(segment)).sort((a, b) => a.x1 - b.x1),
  };
}

/** A run of 12 pt text centred in a box of the grid, in points, as OCR gives it. */
function runIn(text: string, left: number, top: number, right: number, bottom: number): PositionedRun {
  const size = 12;
  const width = [...text].length * size;
  return { text, x: (left + right - width) / 2, y: (top + bottom) / 2 + 0.4 * size, width, fontSize: size, confidence: 0.9 };
}

describe('ruling lines found in a scanned page', () => {
  it('finds the rules of a table on a sheet turned by a degree, straightened, with their corners meeting', () => {
    const image = paper(1300, 520);
    const xs = [100, 260, 700, 1200];
    const ys = [100, 200, 300, 400];
    drawGrid(image, xs, ys, 1, 3);
    const rulings = findRulingLines(image, SCALE);
    expect(rulings.filter((ruling) => ruling.direction === 'horizontal')).toHaveLength(4);
    expect(rulings.filter((ruling) => ruling.direction === 'vertical')).toHaveLength(4);
    for (const ruling of rulings) expect(ruling.thickness).toBeCloseTo(3, 0);

    const { horizontal, vertical } = sorted(rulingSegments(rulings, SCALE));
    // Each line is straightened about its middle, which the turn moves by a pixel or two at most.
    horizontal.forEach((segment, index) => expect(Math.abs(segment.y1 * SCALE - ys[index]!)).toBeLessThan(3));
    vertical.forEach((segment, index) => expect(Math.abs(segment.x1 * SCALE - xs[index]!)).toBeLessThan(3));
    // Straightened, the ends of a 1100-pixel rule a degree askew lie 19 pixels apart: they must
    // still land exactly on the lines they meet.
    const rowYs = horizontal.map((segment) => segment.y1);
    const columnXs = vertical.map((segment) => segment.x1);
    for (const segment of vertical) expect([segment.y1, segment.y2]).toEqual([rowYs[0], rowYs[3]]);
    for (const segment of horizontal) expect([segment.x1, segment.x2]).toEqual([columnXs[0], columnXs[3]]);
  });

  it('hands the table builder rules it rebuilds the table from, in the units and orientation of OCR runs', () => {
    const image = paper(1300, 520);
    const xs = [100, 260, 700, 1200];
    const ys = [100, 200, 300, 400];
    drawGrid(image, xs, ys, -0.6, 2);
    const texts = [
      ['序号', '任务', '责任单位'],
      ['1', '制定方案', '市质监局'],
      ['2', '开展宣传', '各镇（街道）'],
    ];
    const runs = texts.flatMap((row, r) => row.map((text, c) => runIn(text, xs[c]! / SCALE, ys[r]! / SCALE, xs[c + 1]! / SCALE, ys[r + 1]! / SCALE)));
    const rulings = rulingSegments(findRulingLines(image, SCALE), SCALE);
    const { blocks } = layoutPositionedPages([{ number: 1, width: 1300 / SCALE, height: 520 / SCALE, runs, rulings }]).value;
    expect(blocks).toHaveLength(1);
    expect((blocks[0] as SourceTable).rows.map((row) => row.map((cell) => cell.text))).toEqual(texts);
  });

  it('bridges the breaks of a dashed or speckled rule, but not the gaps of a dotted leader', () => {
    const image = paper(1200, 300);
    // Dashes of 14 pixels with gaps of 4 (0.5 mm), and a solid rule with specks of paper in it.
    for (let x = 100; x < 1100; x += 18) stroke(image, [x, 100], [Math.min(x + 12, 1100), 100], 2);
    stroke(image, [100, 160], [1100, 160], 2);
    for (const x of [230, 231, 500, 777, 778, 779]) for (let y = 150; y < 170; y += 1) image.grey[y * image.width + x] = PAPER;
    // Dots 3 pixels across every 12 pixels, a leader of 。。。 or ……
    for (let x = 100; x < 1100; x += 12) stroke(image, [x, 220], [x, 220], 3);
    const { horizontal, vertical } = sorted(rulingSegments(findRulingLines(image, SCALE), SCALE));
    expect(vertical).toEqual([]);
    expect(horizontal.map((segment) => Math.round(segment.y1 * SCALE))).toEqual([100, 160]);
    for (const segment of horizontal) {
      expect(segment.x1 * SCALE).toBeCloseTo(100, -1);
      expect(segment.x2 * SCALE).toBeCloseTo(1100, -1);
    }
  });

  it('takes a rule several pixels thick as one line, and leaves bars thicker than any rule', () => {
    const image = paper(1200, 600);
    stroke(image, [100, 100], [1100, 102], 6);
    stroke(image, [300, 200], [300, 550], 5);
    // 12 pixels is 1.5 mm: a bar, a redaction, the edge of a photograph.
    stroke(image, [100, 300], [1100, 300], 12);
    stroke(image, [900, 200], [900, 550], 12);
    const rulings = findRulingLines(image, SCALE);
    expect(rulings.map((ruling) => ruling.direction)).toEqual(['horizontal', 'vertical']);
    expect(rulings[0]!.thickness).toBeGreaterThan(5);
    expect(rulings[0]!.thickness).toBeLessThan(7.5);
  });

  it('does not take strokes of text for rules: single strokes are too short, and strokes in a row are strokes of the words read there', () => {
    const image = paper(1400, 700);
    // Characters of 16 pt (44 pixels to the em) in lines 1.5 em apart, 10 pixels between
    // characters: strokes (一 二 十 口 丨 of various heights) no longer than an em.
    const shapes: Array<Array<[[number, number], [number, number]]>> = [
      [[[0.1, 0.5], [0.9, 0.5]]],
      [[[0.15, 0.3], [0.85, 0.3]], [[0.05, 0.75], [0.95, 0.75]]],
      [[[0.05, 0.45], [0.95, 0.45]], [[0.5, 0.05], [0.5, 0.95]]],
      [[[0.1, 0.1], [0.9, 0.1]], [[0.1, 0.9], [0.9, 0.9]], [[0.1, 0.1], [0.1, 0.9]], [[0.9, 0.1], [0.9, 0.9]]],
      [[[0.5, 0.0], [0.5, 1.0]]],
    ];
    let seed = 7;
    const next = (): number => (seed = (seed * 16807) % 2147483647) % shapes.length;
    for (let line = 0; line < 8; line += 1) {
      for (let column = 0; column < 24; column += 1) {
        const [left, top] = [60 + column * 54, 60 + line * 66];
        for (const [from, to] of shapes[next()]!) stroke(image, [left + from[0] * 44, top + from[1] * 44], [left + to[0] * 44, top + to[1] * 44], 3);
      }
    }
    expect(findRulingLines(image, SCALE)).toEqual([]);

    // Set close, as type is, 三三三 has its strokes in rows long enough to pass for rules; the
    // words recognised there claim them.
    const close = paper(1400, 200);
    const words: PixelBox[] = [];
    for (let column = 0; column < 6; column += 1) {
      const left = 60 + column * 48;
      for (const y of [0.15, 0.5, 0.85]) stroke(close, [left + 2, 60 + y * 44], [left + 42, 60 + y * 44], 3);
      words.push({ x0: left, y0: 60, x1: left + 44, y1: 104 });
    }
    const chained = findRulingLines(close, SCALE);
    expect(chained.length).toBeGreaterThan(0);
    expect(rulingsClearOfText(chained, words, SCALE)).toEqual([]);
  });

  it('leaves out the strokes of letterhead type, which cross like rules inside the character they belong to', () => {
    const image = paper(800, 400);
    // 田 set at 60 pt (167 pixels to the em), its strokes 160 pixels long and 4 thick.
    const [left, top, em] = [300, 100, 160];
    const rules: Array<[[number, number], [number, number]]> = [
      [[left, top], [left + em, top]],
      [[left, top + em / 2], [left + em, top + em / 2]],
      [[left, top + em], [left + em, top + em]],
      [[left, top], [left, top + em]],
      [[left + em / 2, top], [left + em / 2, top + em]],
      [[left + em, top], [left + em, top + em]],
    ];
    for (const [from, to] of rules) stroke(image, from, to, 4);
    const rulings = findRulingLines(image, SCALE);
    expect(ruledAreas(rulings, image, SCALE)).toHaveLength(1);
    const character: PixelBox = { x0: left - 2, y0: top - 2, x1: left + em + 2, y1: top + em + 2 };
    expect(rulingsClearOfText(rulings, [character], SCALE)).toEqual([]);
    // A rule misread as a character ("一") is no character: its box is as thin as the rule.
    const misread: PixelBox = { x0: left - 2, y0: top - 3, x1: left + em + 2, y1: top + 3 };
    expect(rulingsClearOfText(rulings, [misread], SCALE)).toHaveLength(rulings.length);
  });

  it('finds an underline but no table in an underlined word', () => {
    const image = paper(1400, 300);
    stroke(image, [300, 140], [476, 140], 2);
    const rulings = rulingSegments(findRulingLines(image, SCALE), SCALE);
    expect(rulings).toHaveLength(1);
    const runs: PositionedRun[] = [
      { text: '请于', x: 100 / SCALE, y: 134 / SCALE, width: 32, fontSize: 16, confidence: 0.9 },
      { text: '四月十日前', x: 300 / SCALE, y: 134 / SCALE, width: 80, fontSize: 16, confidence: 0.9 },
      { text: '报送。', x: 480 / SCALE, y: 134 / SCALE, width: 48, fontSize: 16, confidence: 0.9 },
    ];
    const { blocks } = layoutPositionedPages([{ number: 1, width: 1400 / SCALE, height: 300 / SCALE, runs, rulings }]).value;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph']);
  });
});

describe('ruled areas of a scan, cut into cells for the recogniser', () => {
  const grid = (xs: readonly number[], ys: readonly number[], open: (x: number, row: number) => boolean = () => false): GreyImage => {
    const image = paper(1000, 500);
    for (const y of ys) stroke(image, [xs[0]!, y], [xs[xs.length - 1]!, y], 2);
    xs.forEach((x, edge) => {
      for (let row = 0; row + 1 < ys.length; row += 1) if (!open(edge, row)) stroke(image, [x, ys[row]!], [x, ys[row + 1]!], 2);
    });
    return image;
  };

  it('takes rules that make two cells or more for a table, and a frame round a paragraph for none', () => {
    const table = grid([100, 400, 900], [100, 250, 400]);
    expect(ruledAreas(findRulingLines(table, SCALE), table, SCALE)).toHaveLength(1);
    const frame = grid([100, 900], [100, 400]);
    expect(ruledAreas(findRulingLines(frame, SCALE), frame, SCALE)).toEqual([]);
  });

  it('joins the squares of the grid that no rule divides into one merged cell', () => {
    // Three columns, three rows; the first row has no rule between its second and third column.
    const image = grid([100, 300, 600, 900], [100, 200, 300, 400], (edge, row) => edge === 2 && row === 0);
    const [area] = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    const cells = tableCells(area!, SCALE);
    expect(cells).toHaveLength(8);
    const merged = cells!.find((cell) => cell.y0 < 150 && cell.x0 > 250);
    expect(merged).toBeDefined();
    expect(merged!.x1 - merged!.x0).toBeGreaterThan(590);
  });

  it('takes no flow chart for a table: the space between its boxes is not closed by rules', () => {
    const image = paper(1000, 300);
    // Two boxes side by side and the arrow from one to the other.
    for (const [left, right] of [
      [100, 350],
      [600, 850],
    ] as const) {
      stroke(image, [left, 100], [right, 100], 2);
      stroke(image, [left, 200], [right, 200], 2);
      stroke(image, [left, 100], [left, 200], 2);
      stroke(image, [right, 100], [right, 200], 2);
    }
    stroke(image, [350, 150], [600, 150], 2);
    const areas = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    expect(areas).toHaveLength(1);
    expect(tableCells(areas[0]!, SCALE)).toBeUndefined();
  });

  it('takes no table from rules that leave a space other than a rectangle', () => {
    // A frame with a box drawn into its lower right corner: the rest of it is an L.
    const image = grid([100, 900], [100, 400]);
    stroke(image, [500, 250], [900, 250], 2);
    stroke(image, [500, 250], [500, 400], 2);
    const areas = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    expect(areas).toHaveLength(1);
    expect(tableCells(areas[0]!, SCALE)).toBeUndefined();
  });

  it('paints the rules out of the cells’ images and keeps what is written inside', () => {
    const image = grid([100, 400, 900], [100, 250, 400]);
    // A mark in the first cell, clear of the rules.
    stroke(image, [200, 170], [300, 170], 6);
    const [area] = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    const cells = cellImages(image, area!, tableCells(area!, SCALE)!);
    expect(cells).toHaveLength(4);
    const inked = cells.map(({ image: cell }) => cell.grey.filter((level) => level < 128).length);
    expect(inked[0]).toBeGreaterThan(500);
    expect(inked.slice(1)).toEqual([0, 0, 0]);
    // Each image is placed where its cell is on the page.
    const first = cells[0]!;
    expect(first.x).toBeLessThan(110);
    expect(first.y).toBeLessThan(110);
    expect(first.x + first.image.width).toBeGreaterThan(390);
  });
});

describe('tables on a sheet turned on the scanner glass, found, closed and cut into cells', () => {
  /** Rules 2 pixels thick of the grid with edges `xs` and `ys`, turned by `degrees`, on paper `width` × `height`, cut into cells. */
  const cellsOf = (width: number, height: number, xs: readonly number[], ys: readonly number[], degrees: number): PixelBox[] | undefined => {
    const image = paper(width, height);
    drawGrid(image, xs, ys, degrees, 2);
    const areas = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    expect(areas).toHaveLength(1);
    return tableCells(areas[0]!, SCALE);
  };
  /** Whether the cells are the squares of the grid, a few pixels off at most (the turn moves each rule's middle a little). */
  const expectGrid = (cells: PixelBox[] | undefined, xs: readonly number[], ys: readonly number[]): void => {
    expect(cells).toBeDefined();
    expect(cells).toHaveLength((xs.length - 1) * (ys.length - 1));
    const ordered = [...cells!].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
    ordered.forEach((cell, index) => {
      const [row, column] = [Math.floor(index / (xs.length - 1)), index % (xs.length - 1)];
      expect(Math.abs(cell.x0 - xs[column]!)).toBeLessThan(4);
      expect(Math.abs(cell.x1 - xs[column + 1]!)).toBeLessThan(4);
      expect(Math.abs(cell.y0 - ys[row]!)).toBeLessThan(4);
      expect(Math.abs(cell.y1 - ys[row + 1]!)).toBeLessThan(4);
    });
  };

  // Not 2°: a rule drawn at 2° is fitted at tan 2° give or take its pixels' noise, the steepest
  // slope findRulingLines takes, and a long one may fall just outside it.
  for (const degrees of [1, -1, 2, -2]) {
    it(`rebuilds a 3 × 3 grid 1100 pixels wide turned by ${degrees}°`, () => {
      const xs = [100, 260, 700, 1200];
      const ys = [100, 200, 300, 400];
      expectGrid(cellsOf(1300, 520, xs, ys, degrees), xs, ys);
    });
  }

  for (const degrees of [2, -2]) {
    it(`rebuilds a 3 × 3 grid 500 pixels wide turned by ${degrees}°`, () => {
      const xs = [50, 200, 350, 550];
      const ys = [60, 160, 260, 360];
      expectGrid(cellsOf(600, 420, xs, ys, degrees), xs, ys);
    });
  }

  it('rebuilds a table whose short rule divides only its last column, on a sheet turned by 1.9°', () => {
    // The rule under the first row's last cell only: the first row's other cells span two rows.
    const image = paper(1300, 520);
    const xs = [100, 400, 700, 1200];
    const centre: [number, number] = [image.width / 2, image.height / 2];
    const line = (from: [number, number], to: [number, number]): void => stroke(image, turned(from, 1.9, centre), turned(to, 1.9, centre), 2);
    for (const x of xs) line([x, 100], [x, 400]);
    for (const y of [100, 300, 400]) line([100, y], [1200, y]);
    line([700, 200], [1200, 200]);
    const areas = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    expect(areas).toHaveLength(1);
    const cells = tableCells(areas[0]!, SCALE);
    expect(cells).toHaveLength(7);
    expect(cells!.filter((cell) => cell.y1 - cell.y0 > 150)).toHaveLength(2);
  });
});

describe('the cells of a page sent to the recogniser, at most a few hundred', () => {
  it('takes no table from the grid of manuscript paper: its squares are characters, not cells', () => {
    // 方格稿纸: squares of 20 pixels (2.5 mm), 40 × 40 of them, some two thousand cells.
    const image = paper(900, 900);
    const edges = Array.from({ length: 41 }, (_, index) => 50 + index * 20);
    for (const at of edges) {
      stroke(image, [edges[0]!, at], [edges[edges.length - 1]!, at], 2);
      stroke(image, [at, edges[0]!], [at, edges[edges.length - 1]!], 2);
    }
    const areas = ruledAreas(findRulingLines(image, SCALE), image, SCALE);
    expect(areas).toHaveLength(1);
    expect(tableCells(areas[0]!, SCALE)!.length).toBeGreaterThan(MAX_TABLE_CELLS);
    expect(tablesToRead(areas, SCALE)).toEqual([]);
  });

  it('reads the cells of ordinary tables, and only those with ink in them', () => {
    const image = paper(1000, 500);
    for (const y of [100, 250, 400]) stroke(image, [100, y], [900, y], 2);
    for (const x of [100, 400, 900]) stroke(image, [x, 100], [x, 400], 2);
    stroke(image, [200, 170], [300, 170], 4);
    const tables = tablesToRead(ruledAreas(findRulingLines(image, SCALE), image, SCALE), SCALE);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells).toHaveLength(4);
    const cells = cellImages(image, tables[0]!.area, tables[0]!.cells);
    expect(cells.map((cell) => hasInk(cell.image, SCALE))).toEqual([true, false, false, false]);
  });
});
