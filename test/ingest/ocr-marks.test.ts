import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { SourceBlock } from '../../src/model/document.js';
import { NoticeRecordSchema, toRecord } from '../../src/normalise/index.js';
import { documentFromBlocks } from '../helpers.js';

// A notice whose first page was a scan (read by OCR) and whose second came with a text layer.
const SCANNED = { confidence: 0.82 };
const TASK = '一、各单位于2013年11月20日前报送方案，每月开展不少于2次宣传活动。';
const BLOCKS: SourceBlock[] = [
  { kind: 'paragraph', text: '东质强办〔2013〕41号', page: 1, style: { align: 'center' }, ocr: { confidence: 0.7 } },
  { kind: 'paragraph', text: '关于开展质量月宣传活动的通知', page: 1, style: { align: 'center', fontSize: 22 }, ocr: SCANNED },
  { kind: 'paragraph', text: '各镇（街道），市各相关单位：', page: 1, ocr: SCANNED },
  { kind: 'paragraph', text: '现将有关事项通知如下，联系电话：22836512。', page: 1, ocr: SCANNED },
  { kind: 'paragraph', text: TASK, page: 2 },
  { kind: 'paragraph', text: '东莞市质量强市领导小组办公室', page: 2, style: { align: 'right' } },
  { kind: 'paragraph', text: '2013年11月6日', page: 2, style: { align: 'right' } },
];

function recordOf(blocks: SourceBlock[]) {
  const document = documentFromBlocks(blocks, 'pdf');
  return toRecord(document, extract(document).value, []);
}

describe('OCR confidence in the record', () => {
  const record = recordOf(BLOCKS);

  it('marks the blocks read by OCR, and only those', () => {
    expect(record.blocks.filter((block) => block.page === 1).every((block) => block.ocr !== undefined)).toBe(true);
    expect(record.blocks.filter((block) => block.page === 2).some((block) => block.ocr !== undefined)).toBe(false);
    expect(record.blocks[0]).toMatchObject({ ocr: { confidence: 0.7 } });
  });

  it('marks every finding that stands in OCR text with the confidence of that text', () => {
    expect(record.docNumber).toMatchObject({ normalized: '东质强办〔2013〕41号', ocr: { confidence: 0.7 } });
    expect(record.recipients).toMatchObject({ ocr: SCANNED });
    expect(record.provenance.title).toMatchObject({ ocr: SCANNED });
    expect(record.contacts.occurrences).toEqual([expect.objectContaining({ value: '22836512', ocr: SCANNED })]);
  });

  it('leaves findings in text-layer text unmarked', () => {
    expect(record.signDate).toBe('2013-11-06');
    expect(record.provenance.signDate?.ocr).toBeUndefined();
    expect(record.deadlines.length).toBeGreaterThan(0);
    expect(record.quotas.length).toBeGreaterThan(0);
    for (const finding of [...record.deadlines, ...record.quotas, ...record.tasks]) expect(finding.ocr).toBeUndefined();
  });

  it('marks a finding that reaches into OCR text with the lowest confidence it reaches', () => {
    const scannedTask: SourceBlock = { kind: 'paragraph', text: TASK, page: 2, ocr: { confidence: 0.6 } };
    const task = recordOf([...BLOCKS.slice(0, 4), scannedTask, ...BLOCKS.slice(5)]).tasks[0];
    expect(task).toMatchObject({ ocr: { confidence: 0.6 } });
    expect(task?.units.every((unit) => unit.ocr?.confidence === 0.6)).toBe(true);
  });

  it('keeps the marks through validation and JSON', () => {
    const again = NoticeRecordSchema.parse(JSON.parse(JSON.stringify(record)));
    expect(again.docNumber?.ocr).toEqual({ confidence: 0.7 });
    expect(again.blocks[1]?.ocr).toEqual(SCANNED);
  });
});
