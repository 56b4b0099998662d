import { BARE_PAGE_NUMBER, isChromeLine, isPageNumberLine, SCANNER_WATERMARKS } from '../lexicon/furniture.js';
import { RECORD_LINE_PATTERNS } from '../lexicon/notice-parts.js';
import type { Line } from './lines.js';

/**
 * Page furniture: page numbers, running headers and footers. Position alone is not evidence
 * (removing by position deletes body text: MinerU #3364, docling #1272), so a line must sit in
 * the top or bottom band of its page AND either read as a page number or repeat on many pages.
 * Scanner stamps and the portal chrome of browser prints are furniture wherever they sit.
 */

// GB/T 9704-2012 5.2 puts the 版心 37 mm below the top and 35 mm above the bottom of a 297 mm
// page (12 %); headers, footers and page numbers live in those margins. Producers shift them a
// little (corpus tangshan-13 sets its page numbers 12.2 % from the foot), hence the allowance.
const BAND_SHARE = 0.15;
// A header or footer repeats on at least half of the pages, and on two at the very least.
const REPEAT_SHARE = 0.5;
const REPEAT_MIN_PAGES = 2;

export interface FurniturePage {
  height: number;
  /** Lines top to bottom. */
  lines: Line[];
}

type Band = 'top' | 'bottom';

function bandOf(line: Line, height: number): Band | undefined {
  if (line.bottom <= BAND_SHARE * height) return 'top';
  if (line.top >= (1 - BAND_SHARE) * height) return 'bottom';
  return undefined;
}

/** Page numbers change from page to page; the rest of a running header does not. */
function repetitionKey(band: Band, text: string): string {
  return `${band}:${text.replace(/\s+/gu, '').replace(/\d+/g, '#')}`;
}

function isRecordLine(text: string): boolean {
  const compact = text.replace(/\s+/gu, '');
  return RECORD_LINE_PATTERNS.some((pattern) => pattern.test(compact));
}

function isScannerWatermark(text: string): boolean {
  return SCANNER_WATERMARKS.some((pattern) => text.replace(pattern, '').trim() === '');
}

function repeatedKeys(pages: readonly FurniturePage[]): Set<string> {
  const pagesPerKey = new Map<string, number>();
  for (const page of pages) {
    const keys = new Set<string>();
    for (const line of page.lines) {
      const band = bandOf(line, page.height);
      if (band !== undefined) keys.add(repetitionKey(band, line.text));
    }
    for (const key of keys) pagesPerKey.set(key, (pagesPerKey.get(key) ?? 0) + 1);
  }
  const needed = Math.max(REPEAT_MIN_PAGES, Math.ceil(REPEAT_SHARE * pages.length));
  return new Set([...pagesPerKey].filter(([, count]) => count >= needed).map(([key]) => key));
}

/**
 * Lines of one band that are furniture. A bare number ("3") only counts as a page number when
 * nothing but other furniture lies between it and the edge of the page.
 */
function furnitureInBand(lines: readonly Line[], band: Band, height: number, repeated: ReadonlySet<string>): Set<Line> {
  const furniture = new Set<Line>();
  const fromEdge = band === 'top' ? lines : [...lines].reverse();
  let atEdge = true;
  for (const line of fromEdge) {
    if (bandOf(line, height) !== band) break;
    if (isRecordLine(line.text)) {
      atEdge = false;
      continue;
    }
    const isFurniture =
      isPageNumberLine(line.text) ||
      repeated.has(repetitionKey(band, line.text)) ||
      (atEdge && BARE_PAGE_NUMBER.test(line.text.trim()));
    if (isFurniture) furniture.add(line);
    else atEdge = false;
  }
  return furniture;
}

/** Removes furniture from every page, judging repetition across the whole document. */
export function removePageFurniture(pages: readonly FurniturePage[]): Line[][] {
  const repeated = repeatedKeys(pages);
  return pages.map((page) => {
    const furniture = new Set([
      ...furnitureInBand(page.lines, 'top', page.height, repeated),
      ...furnitureInBand(page.lines, 'bottom', page.height, repeated),
    ]);
    return page.lines.filter(
      (line) => !furniture.has(line) && (isRecordLine(line.text) || !(isChromeLine(line.text) || isScannerWatermark(line.text))),
    );
  });
}
