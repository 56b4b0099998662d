import type { PDFPageProxy } from '../pdfjs.js';
import type { PositionedRun, RulingSegment } from '../positioned/types.js';
import { recognise, type PixelBox, type RecognisedLine } from './engine.js';
import { pageImage, pgmOf, type PageImageSource, type PlacedImage } from './page-image.js';
import { cellImages, hasInk, ruledAreas, tablesToRead, type RuledArea } from './ruled-areas.js';
import { findRulingLines, rulingSegments, rulingsClearOfText } from './ruling-lines.js';
import { keptWordBoxes, runsOfLines } from './runs.js';

export interface RecognisedPage {
  /** The words, in page points; none when nothing on the page could be read. */
  runs: PositionedRun[];
  /**
   * Ruling lines found in the scan, in page points. A page drawn by pdf.js has none here: its
   * rulings are those of its drawing, which the reader has already taken exactly, and boxes it
   * draws otherwise (shapes of a flow chart) are not tables.
   */
  rulings: RulingSegment[];
  /** What was read: the page's scanned image, or a rendering of the page. */
  source: PageImageSource;
}

function contains(area: PixelBox, box: PixelBox): boolean {
  const x = (box.x0 + box.x1) / 2;
  const y = (box.y0 + box.y1) / 2;
  return x >= area.x0 && x <= area.x1 && y >= area.y0 && y <= area.y1;
}

function shifted(box: PixelBox, dx: number, dy: number): PixelBox {
  return { x0: box.x0 + dx, y0: box.y0 + dy, x1: box.x1 + dx, y1: box.y1 + dy };
}

/** Lines recognised on an image whose top left corner lies at (x, y) on the page image, placed on the page image. */
function placedAt(lines: readonly RecognisedLine[], x: number, y: number): RecognisedLine[] {
  return lines.map((line) => ({
    words: line.words.map((word) => ({ ...word, box: shifted(word.box, x, y) })),
    box: shifted(line.box, x, y),
    baseline: shifted(line.baseline, x, y),
  }));
}

/** The lines with the words inside the areas left out. */
function outside(lines: readonly RecognisedLine[], areas: readonly RuledArea[]): RecognisedLine[] {
  return lines
    .map((line) => ({ ...line, words: line.words.filter((word) => !areas.some((area) => contains(area.box, word.box))) }))
    .filter((line) => line.words.length > 0);
}

/**
 * Reads the text and the ruling lines of a page of `width` × `height` points that paints
 * `images` (decoded by pdf.js). On a scan, the cells of the areas its rulings divide (tables) are
 * read again one by one, in place of what the reading of the whole page made of them.
 */
export async function recognisePage(page: PDFPageProxy, width: number, height: number, images: readonly PlacedImage[]): Promise<RecognisedPage> {
  const { image, pixels, scale, source } = await pageImage(page, width, height, images);
  const lines = await recognise(image);
  if (source !== 'scan') return { runs: runsOfLines(lines, scale), rulings: [], source };
  // Strokes of large type (a letterhead) are long enough to pass for rules: those of the words
  // read are known once the page is read.
  const rulings = rulingsClearOfText(findRulingLines(pixels, scale), keptWordBoxes(lines), scale);
  // A page ruled into more cells than tables have (manuscript paper) has none: it is read whole.
  const tables = tablesToRead(ruledAreas(rulings, pixels, scale), scale);
  const areas = tables.map(({ area }) => area);
  const cellLines: RecognisedLine[] = [];
  for (const { area, cells } of tables) {
    for (const cell of cellImages(pixels, area, cells)) {
      // An empty cell would cost as much as a full one to read, for nothing.
      if (hasInk(cell.image, scale)) cellLines.push(...placedAt(await recognise({ bytes: pgmOf(cell.image), dpi: image.dpi }), cell.x, cell.y));
    }
  }
  const read = [...outside(lines, areas), ...cellLines];
  // Only the rules of tables are handed over: lines elsewhere (the rule under a letterhead, the
  // arrows of a flow chart, strokes of the text in cells read only now) make no table.
  return { runs: runsOfLines(read, scale), rulings: rulingSegments(areas.flatMap((area) => area.rulings), scale), source };
}
