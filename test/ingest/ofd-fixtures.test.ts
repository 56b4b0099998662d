import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatReading } from '../../src/ingest/format.js';
import { readOfd } from '../../src/ingest/ofd.js';
import type { SourceTable } from '../../src/model/document.js';
import type { Message } from '../../src/model/messages.js';
import { compact, expectedLines, noticesDir, readLines, SEEDS } from './seed-lines.js';

// The seed notices as OFD packages (scripts/fixtures/make-ofd-fixtures.ts): each line set in pieces
// out of order (every third right to left) with DeltaX lists in the `g` shorthand, the title in
// points through a CTM, tables ruled cell by cell with multi-line cells in one TextCode, the 版记
// between thin filled rules, the running header drawn from a template page on pages 2 on, the seal
// of the first signing organ an electronic signature and that of the second a Stamp annotation.
// Their plain-text renders carry the same paragraphs, one per line.

describe('readOfd on the seed notices', () => {
  const read = {} as Record<(typeof SEEDS)[number], { value: FormatReading; messages: readonly Message[] }>;

  beforeAll(async () => {
    for (const seed of SEEDS) read[seed] = await readOfd(new Uint8Array(readFileSync(join(noticesDir, `${seed}.ofd`))));
  });

  it('reads seed 000 in the order of its text, without page numbers or the template running header', () => {
    expect(readLines(read['seed-000'].value.blocks)).toEqual(expectedLines('seed-000'));
    expect(read['seed-000'].messages).toEqual([]);
  });

  it('reads seed 001 in the order of its text, a table broken over three pages whole', () => {
    const { blocks } = read['seed-001'].value;
    const expected = expectedLines('seed-001');
    // The 版记 sets organ and date on one baseline, which the text render puts on two lines.
    expect(readLines(blocks).filter((line) => !line.endsWith('印发'))).toEqual(expected.filter((line) => line !== '东莞市质量技术监督局办公室' && line !== '2013年11月6日印发'));
    expect(readLines(blocks).at(-1)).toBe('东莞市质量技术监督局办公室2013年11月6日印发');
    expect(read['seed-001'].messages).toEqual([]);
  });

  it('rebuilds the ruled tables as rows and cells, multi-line cells whole', () => {
    const tables = read['seed-001'].value.blocks.filter((block): block is SourceTable => block.kind === 'table');
    expect(tables.map((table) => [table.page, table.rows.length, table.rows[0]!.length])).toEqual([
      [7, 16, 6],
      [12, 1, 7],
    ]);
    expect(tables[0]!.rows[0]!.map((cell) => cell.text)).toEqual(['序号', '事项', '完成时限', '责任单位', '协助单位', '备注']);
    // Every row of 附件 1 as the text render has it, cells wrapped over several lines joined again.
    const rows = tables[0]!.rows.map((row) => row.map((cell) => compact(cell.text)).join('\t'));
    expect(rows).toEqual(expectedLines('seed-001').filter((line) => line.includes('\t')).slice(0, 16));
  });

  it('leaves out the running header the template page draws, as page furniture', () => {
    for (const [seed, organ] of [
      ['seed-000', '乳山市质量强市工作领导小组'],
      ['seed-001', '东莞市质量强市领导小组办公室'],
    ] as const) {
      const { blocks, pages } = read[seed].value;
      expect(pages).toBeGreaterThan(2);
      // The organ's name stands alone only where it signs the notice, on page 1.
      const alone = blocks.filter((block) => block.kind === 'paragraph' && compact(block.text) === organ);
      expect(alone.map((block) => block.page)).toEqual([1]);
    }
  });

  it('records the seals: an electronic signature and a Stamp annotation', () => {
    expect(read['seed-000'].value.stamps).toEqual([{ page: 1, kind: 'signature' }]);
    expect(read['seed-001'].value.stamps).toEqual([
      { page: 1, kind: 'signature' },
      { page: 1, kind: 'seal' },
    ]);
  });

  it('counts the pages', () => {
    expect([read['seed-000'].value.pages, read['seed-001'].value.pages]).toEqual([8, 12]);
  });
});
