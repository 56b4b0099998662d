import type { SourceBlock } from '../../model/document.js';
import { info, type Message } from '../../model/messages.js';
import { result, type Result } from '../../model/result.js';
import { BARE_PAGE_NUMBER, isPageNumberLine } from '../lexicon/furniture.js';
import { readColumnsInOrder, type ReadingLine } from './columns.js';
import { removePageFurniture } from './furniture.js';
import { buildLines, type Line } from './lines.js';
import { buildParagraphs, type PageItem, type ParagraphPage } from './paragraphs.js';
import { findTables, type PageTable } from './tables.js';
import { checkTextLayer } from './text-layer.js';
import type { PageTextLayer, PositionedPage } from './types.js';
import { uprightPage, type UprightPage } from './upright.js';

export type { PageTextLayer, PositionedPage, PositionedRun, RulingSegment, TextLayerState } from './types.js';

export interface PositionedLayout {
  /** Paragraphs and tables of all readable pages, in reading order. */
  blocks: SourceBlock[];
  /** One entry per input page: whether its text layer was used, absent or damaged. */
  pages: PageTextLayer[];
}

interface ReadablePage {
  page: UprightPage;
  layer: PageTextLayer;
  lines: Line[];
  tables: PageTable[];
}

/** Tables go before the first line that starts below their top edge. */
function interleave(lines: readonly ReadingLine[], tables: readonly PageTable[]): PageItem[] {
  const pending = [...tables].sort((a, b) => a.top - b.top);
  const items: PageItem[] = [];
  for (const reading of lines) {
    while (pending.length > 0 && pending[0]!.top < reading.line.top) items.push({ kind: 'table', table: pending.shift()! });
    items.push({ kind: 'line', reading });
  }
  for (const table of pending) items.push({ kind: 'table', table });
  return items;
}

/**
 * Text at another angle is reported unless it is a page number: landscape pages of a portrait
 * document carry the document's page number turned on their edge.
 */
function offAngleMessage(page: UprightPage): Message | undefined {
  const text = page.offAngleText.replace(/\s+/gu, '');
  if (text === '' || isPageNumberLine(text) || BARE_PAGE_NUMBER.test(text)) return undefined;
  const count = [...text].length;
  return info('ingest:off-angle-text', `${count} character${count === 1 ? '' : 's'} set at an angle to the text of page ${page.number} (a stamp, watermark or margin note) ${count === 1 ? 'was' : 'were'} left out`, {
    page: page.number,
  });
}

/**
 * Lays out positioned text: pages → lines → furniture removed → side-by-side blocks ordered →
 * tables placed → paragraphs joined across lines and pages. Pages without a usable text layer
 * are reported in `pages` and contribute nothing.
 */
export function layoutPositionedPages(pages: readonly PositionedPage[]): Result<PositionedLayout> {
  const messages: Message[] = [];
  const layers: PageTextLayer[] = [];
  const readable: ReadablePage[] = [];
  for (const input of pages) {
    const page = uprightPage(input);
    const checked = checkTextLayer(page.number, page.boxes);
    layers.push(checked.layer);
    if (checked.layer.state !== 'text') continue;
    const offAngle = offAngleMessage(page);
    if (offAngle !== undefined) messages.push(offAngle);
    const { tables, rest } = findTables(page.rulings, checked.boxes);
    readable.push({ page, layer: checked.layer, lines: buildLines(rest), tables });
  }
  const kept = removePageFurniture(readable.map(({ page, lines }) => ({ height: page.height, lines })));
  const paragraphPages: ParagraphPage[] = [];
  readable.forEach(({ page, tables, layer }, index) => {
    const lines = kept[index] ?? [];
    // A page whose only text is furniture (a scan with a stamped page number, an image page of
    // a flow chart) has no text layer worth the name.
    if (lines.length === 0 && tables.length === 0) {
      layer.state = 'none';
      return;
    }
    const scanned = page.boxes.some((box) => box.confidence !== undefined);
    paragraphPages.push({ number: page.number, width: page.width, scanned, items: interleave(readColumnsInOrder(lines), tables) });
  });
  return result({ blocks: buildParagraphs(paragraphPages), pages: layers }, messages);
}
