import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { GongwenError, type ErrorCode } from '../../src/model/errors.js';
import { isUndecodable } from '../../src/ingest/characters.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { corpusDocsDir, fixturesDir } from '../helpers.js';

const trapsDir = join(fixturesDir, 'traps');
const corpusDir = join(corpusDocsDir, 'pdf');

const trap = (name: string): string => join(trapsDir, name);
const TRAPS = ['encrypted.pdf', 'image-only.pdf', 'damaged-text-layer.pdf', 'cmap-unigb-ucs2-h.pdf'].map(trap);
const trapsPresent = TRAPS.every((path) => existsSync(path));
const corpusPresent = existsSync(corpusDir);
if (!trapsPresent) console.warn(`skipping PDF error tests on fixtures: ${trapsDir} lacks some trap PDFs (npm run fixtures makes them)`);
if (!corpusPresent) console.warn(`skipping PDF error tests on the corpus: ${corpusDir} is absent`);

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

function corpusFile(name: string): string {
  return join(corpusDir, `${name}.pdf`);
}

// Without OCR: what these tests check is what the reader says of a text layer.
const TEXT_LAYER_ONLY = { ocr: false };

async function failureOf(bytes: Uint8Array): Promise<GongwenError> {
  try {
    await readPdf(bytes, TEXT_LAYER_ONLY);
  } catch (error) {
    if (error instanceof GongwenError) return error;
    throw error;
  }
  throw new Error('readPdf did not fail');
}

async function expectFailure(bytes: Uint8Array, code: ErrorCode, message?: RegExp): Promise<void> {
  const error = await failureOf(bytes);
  expect(error.code).toBe(code);
  if (message !== undefined) expect(error.message).toMatch(message);
}

describe('readPdf: files it cannot read', () => {
  it('says E_CORRUPT_PDF for garbage that starts like a PDF', async () => {
    const garbage = new TextEncoder().encode(`%PDF-1.7\n${'垃圾 garbage \u0000\u0001 '.repeat(200)}`);
    await expectFailure(garbage, 'E_CORRUPT_PDF', /cannot be parsed/);
  });

  it('says E_CORRUPT_PDF for a header alone', async () => {
    await expectFailure(new TextEncoder().encode('%PDF-'), 'E_CORRUPT_PDF');
  });

  describe.skipIf(!trapsPresent)('on the trap fixtures', () => {
    it('says E_CORRUPT_PDF for a truncated file', async () => {
      const whole = bytesOf(trap('cmap-unigb-ucs2-h.pdf'));
      await expectFailure(whole.subarray(0, Math.floor(whole.length / 2)), 'E_CORRUPT_PDF');
    });

    it('says E_ENCRYPTED_PDF for a file that needs a password', async () => {
      await expectFailure(bytesOf(trap('encrypted.pdf')), 'E_ENCRYPTED_PDF', /password/);
    });

    it('says E_NO_TEXT_LAYER for a scan read without OCR, naming the page count and suggesting OCR', async () => {
      await expectFailure(bytesOf(trap('image-only.pdf')), 'E_NO_TEXT_LAYER', /none of the 2 pages has a text layer.*OCR/);
    });

    it('warns about a damaged page, with its page, and leaves its text out', async () => {
      const { value, messages } = await readPdf(bytesOf(trap('damaged-text-layer.pdf')), TEXT_LAYER_ONLY);
      expect(messages).toEqual([expect.objectContaining({ ruleId: 'ingest:pdf-damaged-text-layer', severity: 'warning', page: 2 })]);
      expect(value.pages).toBe(2);
      expect(value.blocks.every((block) => block.kind !== 'metadata' && block.page === 1)).toBe(true);
      const text = value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : '')).join('');
      expect([...text].some(isUndecodable)).toBe(false);
      expect(text).toContain('关于做好质量月活动宣传工作的通知');
    });

    it('says E_DAMAGED_TEXT_LAYER when every page with text is damaged', async () => {
      const source = await PDFDocument.load(bytesOf(trap('damaged-text-layer.pdf')));
      const onlyDamaged = await PDFDocument.create();
      const [page] = await onlyDamaged.copyPages(source, [1]);
      onlyDamaged.addPage(page);
      await expectFailure(await onlyDamaged.save(), 'E_DAMAGED_TEXT_LAYER', /cannot be decoded.*export the document again from its source/);
    });
  });

  describe.skipIf(!corpusPresent)('on the corpus', () => {
    it('says E_NO_TEXT_LAYER for a scanned opinion whose only text is the scanner app’s stamp', async () => {
      await expectFailure(bytesOf(corpusFile('moa-2025-nongji-butie-youjiyoubu-opinion-SCANNED')), 'E_NO_TEXT_LAYER', /none of the 8 pages/);
    });

    it('warns about the two scanned cover pages of a mixed file read without OCR, and reads the rest', async () => {
      const { value, messages } = await readPdf(
        bytesOf(corpusFile('nanning-2025-nanzhujianhan-671-ranqi-tiaoli-zhengqiu-yijian-han-MIXED-scanned-cover')),
        TEXT_LAYER_ONLY,
      );
      expect(messages.filter((message) => message.ruleId === 'ingest:pdf-no-text-layer').map((message) => message.page)).toEqual([1, 2]);
      expect(value.pages).toBe(116);
      expect(value.blocks[0]).toMatchObject({ page: 3 });
      expect(value.blocks.some((block) => block.kind === 'paragraph' && block.text === '南宁市城镇燃气管理条例（修订草案）')).toBe(true);
    });
  });
});
