import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles, type ConversionOutcome } from '../../src/batch/convert.js';
import type { InputFile } from '../../src/batch/inputs.js';
import type { OcrProgress } from '../../src/index.js';
import { fixturesDir } from '../helpers.js';

// One scanned page (fixtures/scans/scanned-notice.pdf); recognising it takes seconds on two cores.
const SCAN: InputFile = { path: join(fixturesDir, 'scans', 'scanned-notice.pdf'), outputName: 'scanned-notice.pdf' };
const OCR_TIMEOUT_MS = 180_000;

async function convertScan(options: Parameters<typeof convertFiles>[1]): Promise<ConversionOutcome> {
  const outcomes: ConversionOutcome[] = [];
  for await (const outcome of convertFiles([SCAN], { jobs: 1, ...options })) outcomes.push(outcome);
  expect(outcomes).toHaveLength(1);
  return outcomes[0]!;
}

describe('scans in the batch runner', () => {
  it('recognises a scan in a worker, reports each OCR page, and gives the document time for its pages', { timeout: OCR_TIMEOUT_MS }, async () => {
    const events: OcrProgress[] = [];
    // Far less than a page of OCR takes: only the time added per OCR page lets it finish.
    const outcome = await convertScan({ timeoutMs: 1500, ocrPageTimeoutMs: 120_000, onProgress: (input, progress) => {
      expect(input).toBe(SCAN);
      events.push(progress);
    } });
    expect(outcome.error).toBeUndefined();
    expect(outcome.status).toBe('converted');
    expect(events[0]).toEqual({ page: 1, pages: 1, done: 0 });
    expect(events.at(-1)).toEqual({ page: 1, pages: 1, done: 1 });
    expect(JSON.parse(outcome.json!).source.ocrPages).toEqual([1]);
  });

  it('ends a scan whose OCR runs over its time with E_TIMEOUT, naming the OCR pages', { timeout: OCR_TIMEOUT_MS }, async () => {
    const outcome = await convertScan({ timeoutMs: 1500, ocrPageTimeoutMs: 1 });
    expect(outcome.error?.code).toBe('E_TIMEOUT');
    expect(outcome.error?.message).toMatch(/1 of whose pages need OCR/);
  });

  it('leaves scans alone with ocr: false, which fail with E_NO_TEXT_LAYER', async () => {
    const outcome = await convertScan({ ocr: false });
    expect(outcome.error?.code).toBe('E_NO_TEXT_LAYER');
  });
});
