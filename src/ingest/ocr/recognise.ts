import type { PDFPageProxy } from '../pdfjs.js';
import type { PositionedRun } from '../positioned/types.js';
import { recognise } from './engine.js';
import { pageImage, type PageImageSource, type PlacedImage } from './page-image.js';
import { runsOfLines } from './runs.js';

export interface RecognisedPage {
  /** The words, in page points; none when nothing on the page could be read. */
  runs: PositionedRun[];
  /** What was read: the page's scanned image, or a rendering of the page. */
  source: PageImageSource;
}

/** Reads the text of a page of `width` × `height` points that paints `images` (decoded by pdf.js). */
export async function recognisePage(page: PDFPageProxy, width: number, height: number, images: readonly PlacedImage[]): Promise<RecognisedPage> {
  const { image, scale, source } = await pageImage(page, width, height, images);
  return { runs: runsOfLines(await recognise(image), scale), source };
}
