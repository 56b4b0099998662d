import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SourceBlock, SourceTable } from '../../src/model/document.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { fixturesDir } from '../helpers.js';
import { expectedLines, noticesDir, readLines, SEEDS } from './seed-lines.js';

// The seed notices typeset as 公文 PDFs (fixtures/README.md): non-embedded STSong-Light with
// UniGB-UCS2-H, lines shown in pieces out of order (every third right to left), page numbers and a
// running header drawn first, a table broken over three pages. Their plain-text renders carry the
// same paragraphs, one per line, and serve as the expected reading.
const seedsPresent = SEEDS.every((seed) => existsSync(join(noticesDir, `${seed}.pdf`)) && existsSync(join(noticesDir, `${seed}.txt`)));
if (!seedsPresent) console.warn(`skipping PDF tests on the seed notices: ${noticesDir} lacks seed-00x.pdf/.txt (npm run fixtures makes them)`);

async function blocksOf(seed: string): Promise<SourceBlock[]> {
  return (await readPdf(new Uint8Array(readFileSync(join(noticesDir, `${seed}.pdf`))))).value.blocks;
}

describe.skipIf(!seedsPresent)('readPdf on the seed notices', () => {
  it('reads seed 000 in the order of its text, without page numbers or running header', async () => {
    const read = readLines(await blocksOf('seed-000'));
    expect(read).toEqual(expectedLines('seed-000'));
  });

  it('reads seed 001 in the order of its text, a table broken over three pages whole', async () => {
    const blocks = await blocksOf('seed-001');
    const tables = blocks.filter((block): block is SourceTable => block.kind === 'table');
    // 附件 1 (header and 15 rows over pages 7–9) and the one-row form of 附件 3.
    expect(tables.map((table) => [table.page, table.rows.length])).toEqual([
      [7, 16],
      [12, 1],
    ]);
    const expected = expectedLines('seed-001');
    const read = readLines(blocks);
    // The 版记 sets organ and date on one baseline, which the text render puts on two lines.
    expect(read.filter((line) => !line.endsWith('印发'))).toEqual(expected.filter((line) => line !== '东莞市质量技术监督局办公室' && line !== '2013年11月6日印发'));
    expect(read.at(-1)).toBe('东莞市质量技术监督局办公室2013年11月6日印发');
  });
});

describe('look-alike characters in a text layer', () => {
  it('folds Kangxi radicals and CJK Radicals Supplement characters into the ideographs they stand for', async () => {
    const { value } = await readPdf(new Uint8Array(readFileSync(join(fixturesDir, 'traps', 'kangxi-radicals.pdf'))));
    const text = value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('\n');
    expect(text).toContain('关于印发西安市文明城市创建工作方案的通知');
    expect(text).toContain('青年志愿服务组织');
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/u);
  });
});
