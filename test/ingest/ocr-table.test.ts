import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBytes, terminateOcr, type NoticeRecord } from '../../src/index.js';
import { fixturesDir } from '../helpers.js';

// The task table of fixtures/scans/scanned-task-table.pdf, as make-scan-fixtures.ts sets it.
const TASKS = [
  ['序号', '任务', '责任单位', '完成时限'],
  ['1', '制定本单位宣传工作方案并报送市质量强市办', '各镇（街道）', '2013年11月20日前'],
  ['2', '在主要路段设置公益广告牌', '市城管局', '2013年11月30日前'],
  ['3', '组织开展质量月宣传活动', '市质监局', '2013年12月15日前'],
];
// OCR misreads a character now and then, short text standing alone in a cell most of all: a
// cell may be two characters off, the table as a whole a tenth of its characters.
const CELL_EDITS = 2;
const TABLE_EDIT_SHARE = 0.1;

/** Levenshtein distance between two strings, in characters. */
function edits(a: string, b: string): number {
  const [from, to] = [[...a], [...b]];
  let previous = Array.from({ length: to.length + 1 }, (_, index) => index);
  for (let i = 1; i <= from.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= to.length; j += 1) current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (from[i - 1] === to[j - 1] ? 0 : 1)));
    previous = current;
  }
  return previous[to.length]!;
}

afterAll(terminateOcr);

describe('a scanned notice with a ruled table (fixtures/scans/scanned-task-table.pdf)', () => {
  let record: NoticeRecord;

  beforeAll(async () => {
    const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'scans', 'scanned-task-table.pdf')));
    record = await parseBytes(bytes, { fileName: 'scanned-task-table.pdf' });
  }, 240_000);

  const textOf = (span: readonly [number, number]): string => record.text.slice(span[0], span[1]);
  const tables = (): Extract<NoticeRecord['blocks'][number], { type: 'table' }>[] =>
    record.blocks.filter((block): block is Extract<NoticeRecord['blocks'][number], { type: 'table' }> => block.type === 'table');

  it('rebuilds the table from the rules in the scan: four rows of four cells, none merged', () => {
    expect(tables()).toHaveLength(1);
    const [table] = tables();
    expect(table!.rows.map((row) => row.cells.length)).toEqual([4, 4, 4, 4]);
    for (const cell of table!.rows.flatMap((row) => row.cells)) expect(cell).not.toHaveProperty('colSpan');
    for (const cell of table!.rows.flatMap((row) => row.cells)) expect(cell).not.toHaveProperty('rowSpan');
    expect(table!.ocr?.confidence).toBeGreaterThan(0.5);
  });

  it('puts the text of each cell in its cell, wrapped lines joined', () => {
    const cells = tables()[0]!.rows.map((row) => row.cells.map((cell) => textOf(cell.span)));
    const distances = TASKS.map((row, r) => row.map((expected, c) => edits(cells[r]?.[c] ?? '', expected)));
    for (const row of distances) for (const distance of row) expect(distance).toBeLessThanOrEqual(CELL_EDITS);
    const characters = TASKS.flat().reduce((sum, text) => sum + [...text].length, 0);
    expect(distances.flat().reduce((sum, distance) => sum + distance, 0)).toBeLessThanOrEqual(TABLE_EDIT_SHARE * characters);
  });

  it('places the table between the paragraph that announces it and the signature, its text nowhere else', () => {
    const texts = record.blocks.map((block) => (block.type === 'table' ? '<table>' : textOf(block.span)));
    const table = texts.indexOf('<table>');
    expect(texts[table - 1]).toContain('现将有关任务分解如下');
    expect(texts[table + 1]).toMatch(/东.市质量强市领导小组办公室/u);
    expect(texts.filter((text) => text.includes('公益广告牌') || text.includes('市城管局'))).toEqual([]);
  });
});
