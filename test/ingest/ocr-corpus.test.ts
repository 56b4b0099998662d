import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, terminateOcr, type NoticeRecord } from '../../src/index.js';
import { corpusDocsDir } from '../helpers.js';

// The 116-page 函 of the corpus (../shared, not part of the repository): two scanned cover pages
// (red letterhead, document number, addressees; the signature and date under the red seal) in
// front of born-digital attachments.
const MIXED = join(corpusDocsDir, 'pdf', 'nanning-2025-nanzhujianhan-671-ranqi-tiaoli-zhengqiu-yijian-han-MIXED-scanned-cover.pdf');
const present = existsSync(MIXED);
if (!present) console.warn(`skipping OCR tests on the corpus: ${MIXED} is absent`);

afterAll(terminateOcr);

describe.skipIf(!present)('the scanned cover of a 116-page 函', () => {
  let record: NoticeRecord;

  beforeAll(async () => {
    record = await parse(MIXED);
  }, 240_000);

  it('yields its document number, addressees and date through the ordinary extractors', () => {
    expect(record.docNumber).toMatchObject({ normalized: '南住建函〔2025〕671号', ocr: expect.anything() });
    expect(record.recipients?.list).toEqual(['各县（市、区）人民政府', '开发区管委会', '市直各有关单位', '南宁市燃气协会', '各燃气企业']);
    expect(record.signDate).toBe('2025-04-02');
    expect(record.provenance.signDate?.ocr?.confidence).toBeGreaterThan(0.5);
  });

  it('recognises the two cover pages and only those', () => {
    expect(record.source.ocrPages).toEqual([1, 2]);
    expect(record.blocks.filter((block) => block.ocr !== undefined).every((block) => block.page === 1 || block.page === 2)).toBe(true);
    expect(record.blocks.some((block) => block.page === 3 && block.ocr === undefined)).toBe(true);
  });
});
