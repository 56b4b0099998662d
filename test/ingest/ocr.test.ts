import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract, ingest, layout, parseBytes, terminateOcr, toRecord, type NoticeRecord, type OcrProgress } from '../../src/index.js';
import { pageImage } from '../../src/ingest/ocr/page-image.js';
import { recognisePage } from '../../src/ingest/ocr/recognise.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { getDocument } from '../../src/ingest/pdfjs.js';
import { GongwenError } from '../../src/model/errors.js';
import type { IngestedDocument } from '../../src/model/document.js';
import { fixturesDir, repositoryRoot } from '../helpers.js';

// OCR reads a page in seconds, not milliseconds; these tests read six pages in all. The seed's
// values are those of seed 001 (fixtures/README.md).
const OCR_TIMEOUT = 240_000;
const SEED_DOC_NUMBER = '东质强办〔2013〕41号';
const SEED_TITLE = '关于印发《创建全国质量强市示范城市验收宣传工作方案》的通知';
const SEED_DATE = '2013-11-06';

const scan = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, 'scans', name)));

async function failureOf(promise: Promise<unknown>): Promise<GongwenError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof GongwenError) return error;
    throw error;
  }
  throw new Error('expected a GongwenError');
}

afterAll(terminateOcr);

describe('a scanned notice (fixtures/scans/scanned-notice.pdf)', () => {
  const progress: OcrProgress[] = [];
  let record: NoticeRecord;

  beforeAll(async () => {
    record = await parseBytes(scan('scanned-notice.pdf'), { fileName: 'scanned-notice.pdf', onProgress: (event) => progress.push(event) });
  }, OCR_TIMEOUT);

  it('yields the seed’s 发文字号, title and date through the ordinary extractors', () => {
    expect(record.docNumber?.normalized).toBe(SEED_DOC_NUMBER);
    expect(record.title).toBe(SEED_TITLE);
    expect(record.docType).toBe('通知');
    expect(record.signDate).toBe(SEED_DATE);
    expect(record.recipients?.list).toEqual(['各镇（街道）', '市各相关单位']);
  });

  it('says which page OCR read, and why, in the source and the messages', () => {
    expect(record.source.ocrPages).toEqual([1]);
    expect(record.messages).toContainEqual(expect.objectContaining({ ruleId: 'ingest:pdf-ocr', severity: 'info', page: 1 }));
  });

  it('marks every block and every finding with its OCR confidence', () => {
    expect(record.blocks.length).toBeGreaterThan(5);
    for (const block of record.blocks) {
      expect(block.ocr?.confidence).toBeGreaterThan(0);
      expect(block.ocr?.confidence).toBeLessThanOrEqual(1);
    }
    for (const finding of [record.docNumber, record.recipients, record.provenance.title, record.provenance.signDate, ...record.provenance.issuers]) {
      expect(finding?.ocr?.confidence).toBeGreaterThan(0);
    }
  });

  it('reports progress as the page starts and as it ends', () => {
    expect(progress).toEqual([
      { page: 1, pages: 1, done: 0 },
      { page: 1, pages: 1, done: 1 },
    ]);
  });
});

describe('a scanned cover in front of a born-digital page (fixtures/scans/mixed-cover.pdf)', () => {
  const progress: OcrProgress[] = [];
  let ingested: IngestedDocument;
  let record: NoticeRecord;

  beforeAll(async () => {
    const reading = await ingest(scan('mixed-cover.pdf'), { onProgress: (event) => progress.push(event) });
    ingested = reading.value;
    const document = layout(ingested).value;
    record = toRecord(document, extract(document).value, reading.messages);
  }, OCR_TIMEOUT);

  it('recognises only the cover', () => {
    expect(ingested.source.ocrPages).toEqual([1]);
    expect(progress.map((event) => event.page)).toEqual([1, 1]);
    expect(ingested.blocks.filter((block) => block.page === 1).every((block) => block.kind !== 'metadata' && block.ocr !== undefined)).toBe(true);
    expect(ingested.blocks.filter((block) => block.page === 2).every((block) => block.kind !== 'metadata' && block.ocr === undefined)).toBe(true);
  });

  it('reads the cover’s fields and marks them, and leaves the text layer’s findings unmarked', () => {
    expect(record.docNumber).toMatchObject({ normalized: SEED_DOC_NUMBER, ocr: expect.anything() });
    expect(record.signDate).toBe(SEED_DATE);
    // Page 2 opens the enclosed 方案, which cites the notice that set up the campaign.
    const cited = record.citedDocuments.find((document) => document.docNumber.normalized === '东宣通〔2013〕28号');
    expect(cited?.docNumber.span[0]).toBeGreaterThan(record.blocks.find((block) => block.page === 2)!.span[0]);
    expect(cited?.docNumber.ocr).toBeUndefined();
  });
});

describe('a page with no scan to take', () => {
  it(
    'is drawn by pdf.js and read the same',
    async () => {
      const document = await getDocument({ data: scan('scanned-notice.pdf'), isEvalSupported: false, verbosity: 0 }).promise;
      try {
        const page = await document.getPage(1);
        const { width, height } = page.getViewport({ scale: 1 });
        // No placed images: as for a page of vector drawings, or text whose Unicode mapping is lost.
        const { runs, source } = await recognisePage(page, width, height, []);
        expect(source).toBe('rendering');
        expect(runs.map((run) => run.text).join('')).toContain('关于印发《创建全国质量强市示范城市');
        expect(runs.every((run) => run.confidence !== undefined && run.x >= 0 && run.x < width && run.y > 0 && run.y < height)).toBe(true);
      } finally {
        await document.destroy();
      }
    },
    OCR_TIMEOUT,
  );
});

describe('the image OCR reads', () => {
  it('draws a page declared 5 m square smaller, within 64 million pixels, not at 200 dpi', async () => {
    const pdf = await PDFDocument.create();
    const side = 14_400;
    pdf.addPage([side, side]).drawRectangle({ x: 100, y: 100, width: 5000, height: 20, color: rgb(0, 0, 0) });
    const document = await getDocument({ data: await pdf.save(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const page = await document.getPage(1);
      const { pixels, scale, image } = await pageImage(page, side, side, []);
      expect(pixels.width * pixels.height).toBeLessThanOrEqual(64_000_000);
      expect(pixels.width).toBe(Math.round(side * scale));
      expect(image.dpi).toBe(Math.round(scale * 72));
      expect(scale).toBeLessThan(200 / 72);
    } finally {
      await document.destroy();
    }
  });

  it('draws a page declared kilometres long and a hair wide no longer than 32,767 pixels', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([3e7, 0.1]);
    const document = await getDocument({ data: await pdf.save(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const { pixels } = await pageImage(await document.getPage(1), 3e7, 0.1, []);
      expect(pixels.width).toBeLessThanOrEqual(32_767);
      expect(pixels.height).toBe(1);
    } finally {
      await document.destroy();
    }
  });
});

describe('when OCR cannot help', () => {
  it('leaves a damaged page set in fonts the file does not embed: drawn, it would show placeholders', async () => {
    const progress: OcrProgress[] = [];
    const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'traps', 'damaged-text-layer.pdf')));
    const { value, messages } = await readPdf(bytes, { onProgress: (event) => progress.push(event) });
    expect(progress).toEqual([]);
    expect(value.ocrPages).toBeUndefined();
    expect(messages).toEqual([expect.objectContaining({ ruleId: 'ingest:pdf-damaged-text-layer', page: 2 })]);
  });

  it('with ocr: false, fails a scan with E_NO_TEXT_LAYER and recognises nothing', async () => {
    const progress: OcrProgress[] = [];
    const error = await failureOf(parseBytes(scan('scanned-notice.pdf'), { ocr: false, onProgress: (event) => progress.push(event) }));
    expect(error.code).toBe('E_NO_TEXT_LAYER');
    expect(error.message).toMatch(/the only page has no text layer/);
    expect(progress).toEqual([]);
  });

  it(
    'still ends the image-only trap (grey bars, no text) in a typed error',
    async () => {
      const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'traps', 'image-only.pdf')));
      const error = await failureOf(parseBytes(bytes));
      expect(error.code).toBe('E_NO_TEXT_LAYER');
      expect(error.message).toMatch(/none of the 2 pages has a text layer \(a scan\?\) and OCR recognised no text on them/);
    },
    OCR_TIMEOUT,
  );
});

describe('the OCR worker', () => {
  it(
    'does not keep a process alive once its scan is read',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gongwen-ocr-exit-'));
      const script = join(dir, 'parse-scan.mts');
      const index = pathToFileURL(join(repositoryRoot, 'src', 'index.ts')).href;
      const fixture = join(fixturesDir, 'scans', 'scanned-notice.pdf');
      writeFileSync(script, `import { parse } from ${JSON.stringify(index)};\nconst record = await parse(${JSON.stringify(fixture)});\nprocess.stdout.write(String(record.docNumber?.normalized));\n`);
      const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(stdout).toBe(SEED_DOC_NUMBER);
      expect(status).toBe(0);
    },
    OCR_TIMEOUT,
  );
});
