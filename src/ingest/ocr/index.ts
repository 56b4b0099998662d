/**
 * OCR of PDF pages that have no usable text layer: the page's image (its scan, or the page as
 * pdf.js draws it) is recognised by tesseract.js with the simplified-Chinese model shipped in
 * @tesseract.js-data/chi_sim, and the words come back as positioned runs that the PDF reader lays
 * out like any other page, with the ruling lines of the tables found in a scan. The recogniser
 * and the canvas it draws on are loaded with the first page that needs them (`recognise.ts`);
 * what is here costs nothing to import.
 */

/** Reported as each page to be recognised starts and as it ends. */
export interface OcrProgress {
  /** The page being recognised, 1-based. */
  page: number;
  /** How many pages of the document OCR reads. */
  pages: number;
  /** How many of those are finished: `pages` after the last one. */
  done: number;
}

export interface OcrOptions {
  /**
   * Recognise pages without a usable text layer by OCR (default true). With false, a PDF none of
   * whose pages has text fails with E_NO_TEXT_LAYER, and such pages of other PDFs are left out.
   */
  ocr?: boolean;
  /** Called as each OCR page starts and ends; scans take seconds a page, text layers milliseconds. */
  onProgress?: (progress: OcrProgress) => void;
}

export { terminateOcr } from './engine.js';
export { repairRecognisedBlock } from './repairs.js';
export type { PageImageSource, PlacedImage } from './page-image.js';
