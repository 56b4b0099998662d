import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { kindFromFileName } from '../../src/ingest/sniff.js';
import { packageFormat } from '../../src/ingest/zip-package.js';
import { checkInflatedSizes, DOCX_PACKAGE, OFD_PACKAGE, readCentralDirectory } from '../../src/ingest/zip-limits.js';
import { GongwenError } from '../../src/model/errors.js';
import { fixturesDir } from '../helpers.js';

const notice = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, 'notices', name)));
const cut = (bytes: Uint8Array): Uint8Array => bytes.subarray(0, Math.floor(bytes.length * 0.6));

async function failure(promise: Promise<unknown>): Promise<GongwenError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GongwenError);
  return error as GongwenError;
}

describe('packageFormat: DOCX or OFD from the ZIP directory', () => {
  it.each([
    ['a Word document', () => notice('seed-000.docx'), 'docx'],
    ['an OFD (OFD.xml at the root)', () => notice('seed-000.ofd'), 'ofd'],
    ['an OFD cut short, by the names its local headers still give', () => cut(notice('seed-001.ofd')), 'ofd'],
    ['a Word document cut short', () => cut(notice('seed-000.docx')), 'docx'],
    ['bytes that only start like a ZIP', () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'docx'],
  ])('%s: %s', (_, bytes, format) => {
    expect(packageFormat(bytes())).toBe(format);
  });

  it('sends a ZIP that is neither to the DOCX reader, which says what it is not', async () => {
    const archive = await new JSZip().file('readme.txt', 'hello').file('sub/OFD.xml', '<x/>').generateAsync({ type: 'uint8array' });
    expect(packageFormat(archive)).toBe('docx');
    const error = await failure(ingest(archive, { fileName: 'archive.zip' }));
    expect(error.code).toBe('E_NOT_DOCX');
    expect(error.message).toMatch(/neither a Word document nor an OFD/);
  });
});

describe('ingest of ZIP packages', () => {
  it('reads an OFD as OFD, its .ofd name agreeing with a ZIP package', async () => {
    expect(kindFromFileName('通知.OFD')).toBe('zip');
    const { value, messages } = await ingest(notice('seed-000.ofd'), { fileName: 'seed-000.ofd' });
    expect(value.source).toMatchObject({ format: 'ofd', fileName: 'seed-000.ofd', pages: 8, stamps: [{ page: 1, kind: 'signature' }] });
    expect(messages).toEqual([]);
  });

  it.each([
    ['an OFD', 'seed-001.ofd', 'E_CORRUPT_OFD'],
    ['a DOCX', 'seed-001.docx', 'E_CORRUPT_DOCX'],
  ])('answers %s cut short with the code of its format', async (_, file, code) => {
    expect((await failure(ingest(cut(notice(file))))).code).toBe(code);
  });
});

describe('zip-limits for both package formats', () => {
  it('reads the names of the central directory', () => {
    const names = readCentralDirectory(notice('seed-000.ofd'), OFD_PACKAGE).entries.map((entry) => entry.name);
    expect(names.slice(0, 3)).toEqual(['OFD.xml', 'Doc_0/Document.xml', 'Doc_0/PublicRes.xml']);
  });

  it('answers a bomb and a damaged directory with the codes of the format', async () => {
    const bomb = await new JSZip().file('part.xml', '0'.repeat(4 * 1024 * 1024)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => checkInflatedSizes(bomb, OFD_PACKAGE)).toThrow(expect.objectContaining({ code: 'E_OFD_TOO_LARGE' }));
    expect(() => checkInflatedSizes(bomb, DOCX_PACKAGE)).toThrow(expect.objectContaining({ code: 'E_DOCX_TOO_LARGE' }));
    const broken = cut(notice('seed-000.ofd'));
    expect(() => readCentralDirectory(broken, OFD_PACKAGE)).toThrow(expect.objectContaining({ code: 'E_CORRUPT_OFD', message: expect.stringMatching(/^the ZIP package has no central directory/) }));
    expect(() => readCentralDirectory(broken, DOCX_PACKAGE)).toThrow(expect.objectContaining({ code: 'E_CORRUPT_DOCX' }));
  });
});
