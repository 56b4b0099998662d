import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { SourceBlock, SourceTable } from '../../src/model/document.js';
import { readPdf } from '../../src/ingest/pdf.js';

// PDFs drawn on the spot with pdf-lib (Helvetica, so Latin text) for what the fixtures do not
// show: page rotation, drawing order unrelated to reading order, borders drawn as filled bars.

async function pdfOf(draw: (page: PDFPage, font: PDFFont) => void, rotation = 0): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  const page = document.addPage([595, 842]);
  page.setRotation(degrees(rotation));
  draw(page, font);
  return document.save();
}

function paragraphs(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

describe('readPdf on generated PDFs', () => {
  it('reads a landscape page (/Rotate 90, text turned to match) upright and in order', async () => {
    const lines = ['First line of the landscape page', 'Second line comes next', 'Third line closes it'];
    const bytes = await pdfOf((page, font) => {
      lines.forEach((text, i) => page.drawText(text, { x: 100 + i * 30, y: 100, size: 14, font, rotate: degrees(90) }));
    }, 90);
    const { value } = await readPdf(bytes);
    expect(paragraphs(value.blocks).join(' ')).toBe(lines.join(' '));
  });

  it('reads lines in reading order whatever order they were drawn in', async () => {
    const lines = ['Article one applies to everyone.', 'Article two applies to nobody.', 'Article three is void.'];
    const bytes = await pdfOf((page, font) => {
      // Bottom line first, and each line drawn as its second half, then its first half.
      [...lines].reverse().forEach((text, i) => {
        const y = 600 + i * 60;
        const cut = text.indexOf(' ', 10);
        page.drawText(text.slice(cut), { x: 80 + font.widthOfTextAtSize(text.slice(0, cut), 14), y, size: 14, font });
        page.drawText(text.slice(0, cut), { x: 80, y, size: 14, font });
      });
    });
    const { value } = await readPdf(bytes);
    expect(paragraphs(value.blocks)).toEqual(lines);
  });

  it('finds a table whose borders are thin filled bars, as Word and WPS draw them', async () => {
    const xs = [80, 200, 400];
    const ys = [700, 670, 640];
    const cells = [
      ['Item', 'Owner'],
      ['Publicity film', 'Broadcaster'],
    ];
    const bytes = await pdfOf((page, font) => {
      page.drawText('The tasks are shared out as follows:', { x: 80, y: 730, size: 12, font });
      for (const y of ys) page.drawRectangle({ x: xs[0]!, y, width: xs[2]! - xs[0]!, height: 0.75, color: rgb(0, 0, 0) });
      for (const x of xs) page.drawRectangle({ x, y: ys[2]!, width: 0.75, height: ys[0]! - ys[2]!, color: rgb(0, 0, 0) });
      cells.forEach((row, r) => row.forEach((text, c) => page.drawText(text, { x: xs[c]! + 5, y: ys[r]! - 20, size: 12, font })));
    });
    const { value } = await readPdf(bytes);
    const table = value.blocks.find((block): block is SourceTable => block.kind === 'table');
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual(cells);
    expect(paragraphs(value.blocks)).toEqual(['The tasks are shared out as follows:']);
  });
});
