import type { Stamp } from '../model/document.js';
import { GongwenError } from '../model/errors.js';
import { warning, type Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import type { FormatReading } from './format.js';
import { openDocument, PageReader, type PageDrawing } from './ofd/document.js';
import { OfdPackage } from './ofd/package.js';
import { annotationStamps, isSealSized, signatureStamps } from './ofd/stamps.js';
import { layoutPositionedPages } from './positioned/index.js';
import type { PageTextLayer } from './positioned/types.js';

/**
 * OFD (GB/T 33190) → positioned text. The package is opened under the same ZIP limits as a DOCX;
 * its XML is read without any DTD or entity; every path it names must stay inside it. Each page
 * (with its templates) is reduced to runs of glyphs and ruling lines in points, and the
 * format-independent layout in `positioned/` does the rest, as for PDF.
 */

function imageSeals(drawings: readonly PageDrawing[]): Stamp[] {
  return drawings.flatMap((drawing) => drawing.images.filter(isSealSized).map((): Stamp => ({ page: drawing.number, kind: 'seal' })));
}

function noTextProblem(count: number): string {
  return count === 1 ? 'the only page of the OFD has no text (a scan?)' : `none of the ${count} pages of the OFD has text (scans?)`;
}

/** Errors for documents without usable text, and a warning for each page whose text is missing. */
function textLayerMessages(layers: readonly PageTextLayer[]): Message[] {
  const withText = layers.filter((layer) => layer.state !== 'none');
  if (withText.length === 0) throw new GongwenError('E_NO_TEXT', noTextProblem(layers.length), { details: { pages: layers.length } });
  const damaged = withText.filter((layer) => layer.state === 'damaged');
  if (damaged.length === withText.length) {
    const pages = damaged.map((layer) => layer.page);
    throw new GongwenError('E_DAMAGED_TEXT_LAYER', `the text of the OFD cannot be decoded on any page that has some (${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')})`, {
      details: { pages },
    });
  }
  return layers.flatMap((layer): Message[] => {
    if (layer.state === 'none') return [warning('ingest:ofd-no-text', `page ${layer.page} has no text (a scan?); its content is missing`, { page: layer.page })];
    if (layer.state === 'damaged') return [warning('ingest:ofd-damaged-text', `the text of page ${layer.page} cannot be decoded; it was left out`, { page: layer.page })];
    if (layer.undecodable === 0) return [];
    const count = layer.undecodable;
    return [
      warning('ingest:ofd-undecodable-characters', `${count} character${count === 1 ? '' : 's'} on page ${layer.page} could not be decoded and ${count === 1 ? 'was' : 'were'} left out`, {
        page: layer.page,
      }),
    ];
  });
}

/** Reads an OFD into paragraphs and tables in reading order, with the seals placed on its pages. */
export async function readOfd(bytes: Uint8Array): Promise<Result<FormatReading>> {
  const pkg = await OfdPackage.open(bytes);
  const document = await openDocument(pkg);
  const reader = new PageReader(pkg, document);
  const drawings: PageDrawing[] = [];
  for (const page of document.pages) drawings.push(await reader.draw(page));
  const stamps = (await signatureStamps(pkg, document)).concat(await annotationStamps(pkg, document), imageSeals(drawings)).sort((a, b) => a.page - b.page);
  const layout = layoutPositionedPages(drawings.map(({ number, width, height, runs, rulings }) => ({ number, width, height, runs, rulings })));
  const messages = pkg.messages.concat(textLayerMessages(layout.value.pages), layout.messages).sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return result({ blocks: layout.value.blocks, pages: document.pages.length, stamps }, messages);
}
