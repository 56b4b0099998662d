import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptedPdf } from '../../scripts/fixtures/encrypted-pdf.js';
import { greyPng } from '../../scripts/fixtures/png.js';
import { expandInputs } from '../../src/batch/inputs.js';
import { MAX_RATIO } from '../../src/ingest/zip-limits.js';
import { isGongwenError, parse, type ErrorCode, type GongwenError, type NoticeRecord } from '../../src/index.js';

// Every input is made here, in a temporary folder, so that the bad files stay out of fixtures/.
let dir: string;
beforeAll(() => {
  // By its real path, as the walk reports links by theirs.
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'gongwen-bad-input-')));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, bytes);
  return path;
}

async function failure(input: string | Uint8Array, options: { maxBytes?: number; fileName?: string } = {}): Promise<GongwenError> {
  try {
    await parse(input, options);
  } catch (error) {
    if (isGongwenError(error)) return error;
    throw error;
  }
  throw new Error('parse did not fail');
}

/** The file is refused with `code` and a one-line message that ends with what to do. */
async function expectRefused(input: string | Uint8Array, code: ErrorCode, problem: RegExp, options: { maxBytes?: number; fileName?: string } = {}): Promise<void> {
  const error = await failure(input, options);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(problem);
  expect(error.message).not.toContain('\n');
}

const NOTICE = ['关于做好质量月活动宣传工作的通知', '各镇人民政府：', '为做好质量月宣传工作，现将有关事项通知如下。', '乳山市质量强市工作领导小组', '2018年4月15日'];

async function textPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([300, 300]).drawText('Notice on the quality month campaign', { x: 20, y: 250, size: 12, font });
  return doc.save();
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A Word package whose document.xml is `documentXml`. */
async function docx(documentXml: string): Promise<Uint8Array> {
  return new JSZip()
    .file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    .file('word/document.xml', documentXml)
    .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function wordDocument(paragraphs: readonly string[]): string {
  return `<w:document ${W}><w:body>${paragraphs.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`;
}

if (process.getuid?.() === 0) {
  console.warn('skipping the permission-denied tests (a file, a folder in a tree): running as root, which reads files and lists folders of mode 000 anyway');
}

describe('bad inputs: each is refused with a stable code, or read with a warning when its text is recoverable', () => {
  it('an empty file: E_EMPTY_FILE', async () => {
    await expectRefused(write('empty.txt', ''), 'E_EMPTY_FILE', /empty.*re-download/);
  });

  it('a truncated PDF: E_CORRUPT_PDF', async () => {
    const whole = await textPdf();
    await expectRefused(write('truncated.pdf', whole.subarray(0, Math.floor(whole.length / 2))), 'E_CORRUPT_PDF', /cannot be parsed.*re-download/);
  });

  it('a PDF with garbage after its header: E_CORRUPT_PDF', async () => {
    const garbage = new Uint8Array(2000).map((_, i) => (i * 37 + 11) % 256);
    const path = write('corrupt.pdf', new Uint8Array([...new TextEncoder().encode('%PDF-1.7\n'), ...garbage]));
    await expectRefused(path, 'E_CORRUPT_PDF', /truncated or damaged/);
  });

  it('an encrypted PDF: E_ENCRYPTED_PDF', async () => {
    const path = write('encrypted.pdf', encryptedPdf('secret', 'owner', ['Password protected notice']));
    await expectRefused(path, 'E_ENCRYPTED_PDF', /password.*unprotected copy/);
  });

  it('an image-only PDF: E_NO_TEXT_LAYER, naming the page count', async () => {
    const doc = await PDFDocument.create();
    const scan = await doc.embedPng(greyPng(60, 80, (x, y) => ((x + y) % 7 === 0 ? 40 : 230)));
    for (let page = 0; page < 2; page += 1) doc.addPage([300, 400]).drawImage(scan, { x: 0, y: 0, width: 300, height: 400 });
    await expectRefused(write('scan.pdf', await doc.save()), 'E_NO_TEXT_LAYER', /none of the 2 pages has a text layer.*OCR/);
  });

  it('a ZIP package that is not a DOCX: E_NOT_DOCX', async () => {
    const zip = await new JSZip().file('readme.txt', 'hello').file('data/table.csv', 'a,b').generateAsync({ type: 'uint8array' });
    await expectRefused(write('archive.docx', zip), 'E_NOT_DOCX', /no word\/document\.xml.*extract the notice/);
  });

  it.each([
    ['cut short', (bytes: Uint8Array) => bytes.subarray(0, Math.floor(bytes.length * 0.6))],
    // Damages the compressed data of the first part and leaves the ZIP directory intact.
    ['damaged inside a part', (bytes: Uint8Array) => bytes.map((byte, i) => (i >= 60 && i < 90 ? byte ^ 0xff : byte))],
  ])('a corrupt DOCX (%s): E_CORRUPT_DOCX', async (name, damage) => {
    const bytes = await docx(wordDocument(NOTICE));
    await expectRefused(write(`corrupt ${name}.docx`, damage(bytes)), 'E_CORRUPT_DOCX', /damaged; re-save it/);
  });

  it('a DOCX whose part inflates far beyond its size (a ZIP bomb): E_DOCX_TOO_LARGE, from its directory', async () => {
    // 16 MiB of one character packs into about 16 KiB, a thousand to one.
    const bomb = await docx(`<w:document ${W}><w:body><w:p><w:r><w:t>${'0'.repeat(16 * 1024 * 1024)}</w:t></w:r></w:p></w:body></w:document>`);
    const error = await failure(write('bomb.docx', bomb));
    expect(error.code).toBe('E_DOCX_TOO_LARGE');
    expect(error.message).toMatch(new RegExp(`word/document\\.xml inflates from \\d+ bytes to 16\\.0 MiB, more than ${MAX_RATIO} times.*ZIP bomb`));
  });

  it('a DOCX whose part inflates to more than its directory declares: E_DOCX_TOO_LARGE, stopped at the declared size', async () => {
    const bytes = Buffer.from(await docx(wordDocument(NOTICE.map((line) => line.repeat(200)))));
    // Declare 1000 bytes for word/document.xml, in its local header (size at +22 of the header,
    // whose name starts at +30) and in the central directory (size at +24, name at +46).
    const name = Buffer.from('word/document.xml');
    bytes.writeUInt32LE(1000, bytes.indexOf(name) - 30 + 22);
    bytes.writeUInt32LE(1000, bytes.lastIndexOf(name) - 46 + 24);
    await expectRefused(write('lying.docx', bytes), 'E_DOCX_TOO_LARGE', /word\/document\.xml inflates to more than the 1000 bytes the package declares/);
  });

  it.each([
    ['declares UTF-8 but is GBK', 'utf-8', 'gbk', 'gb18030'],
    ['declares gb2312 but is UTF-8', 'gb2312', 'utf-8', 'utf-8'],
  ])('HTML that %s: decoded from its bytes, with a warning', async (_, declared, actual, decodedAs) => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${declared}"><title>通知</title></head><body>${NOTICE.map((line) => `<p>${line}</p>`).join('')}</body></html>`;
    const record: NoticeRecord = await parse(write(`${declared}-as-${actual}.html`, iconv.encode(page, actual)));
    expect(record.source.encoding).toBe(decodedAs);
    expect(record.title).toBe(NOTICE[0]);
    expect(record.text).toContain('为做好质量月宣传工作');
    expect(record.messages).toContainEqual(
      expect.objectContaining({ ruleId: 'ingest:charset-mismatch', severity: 'warning', message: expect.stringContaining(`declared charset ${declared} does not fit the bytes`) }),
    );
  });

  it('binary garbage named .pdf: E_CORRUPT_PDF, and so on for each format read (elsewhere E_UNSUPPORTED_FORMAT)', async () => {
    const garbage = new Uint8Array(4096).map((_, i) => (i * 131 + (i >> 3)) % 256);
    await expectRefused(write('garbage.pdf', garbage), 'E_CORRUPT_PDF', /named like a PDF but holds binary data without a PDF header.*re-download/);
    await expectRefused(write('garbage.docx', garbage), 'E_CORRUPT_DOCX', /named like a DOCX but holds binary data without a ZIP signature/);
    await expectRefused(write('garbage.ofd', garbage), 'E_CORRUPT_OFD', /named like an OFD but holds binary data without a ZIP signature/);
    await expectRefused(write('garbage.doc', garbage), 'E_CORRUPT_DOC', /named like a DOC but holds binary data without an OLE signature/);
    await expectRefused(write('garbage.bin', garbage), 'E_UNSUPPORTED_FORMAT', /content is binary data, which gongwen does not read/);
  });

  it('a file over --max-size: E_FILE_TOO_LARGE, before it is read', async () => {
    const path = write('large.txt', NOTICE.join('\n').repeat(100));
    await expectRefused(path, 'E_FILE_TOO_LARGE', /the file is \d+ bytes, over the limit of 1024 bytes; raise the limit \(--max-size\)/, { maxBytes: 1024 });
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable file (permission denied): E_READ_FAILED', async () => {
    const path = write('unreadable.txt', NOTICE.join('\n'));
    chmodSync(path, 0o000);
    await expectRefused(path, 'E_READ_FAILED', /permission denied; check that the path exists and is readable/);
  });

  it('a path that cannot be read as a file (a directory, a missing file): E_READ_FAILED', async () => {
    mkdirSync(join(dir, 'folder.txt'));
    await expectRefused(join(dir, 'folder.txt'), 'E_READ_FAILED', /it is a directory; check that the path exists/);
    await expectRefused(join(dir, 'missing.txt'), 'E_READ_FAILED', /no such file/);
  });

  it('a path with spaces and Chinese characters: read, and found by a directory walk', async () => {
    const path = write('公文 目录/关于 质量月 的通知.txt', NOTICE.join('\n'));
    const record = await parse(path);
    expect(record.source.fileName).toBe('关于 质量月 的通知.txt');
    expect(record.title).toBe(NOTICE[0]);
    const { files, unmatched } = await expandInputs([join(dir, '公文 目录')]);
    expect(files.map((file) => file.outputName)).toEqual(['关于 质量月 的通知.txt']);
    expect(unmatched).toEqual([]);
  });

  it('a symbolic-link loop in a directory tree: walked once, the loop noted, the walk goes on', async () => {
    const tree = join(dir, 'tree');
    write('tree/a/b/notice.txt', NOTICE.join('\n'));
    write('tree/z/other.txt', NOTICE.join('\n'));
    symlinkSync(join(tree, 'a'), join(tree, 'a/b/up')); // a/b/up → a: a loop
    symlinkSync('self', join(tree, 'self')); // a link to itself
    symlinkSync('z', join(tree, 'z-again')); // a second way into z, not a loop
    symlinkSync('z/other.txt', join(tree, 'linked.txt')); // a linked file is read
    const { files, unmatched } = await expandInputs([tree]);
    expect(files.map((file) => file.outputName)).toEqual(['a/b/notice.txt', 'linked.txt', 'z/other.txt']);
    expect(unmatched).toEqual([
      `${join(tree, 'a/b/up')}: a symbolic link back to ${join(tree, 'a')}, which holds it (a loop); skipped`,
      `${join(tree, 'self')}: a symbolic link that leads back to itself; skipped`,
    ]);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable folder in a directory tree: noted, the walk goes on', async () => {
    write('locked-tree/open/notice.txt', NOTICE.join('\n'));
    write('locked-tree/shut/notice.txt', NOTICE.join('\n'));
    chmodSync(join(dir, 'locked-tree/shut'), 0o000);
    try {
      const { files, unmatched } = await expandInputs([join(dir, 'locked-tree')]);
      expect(files.map((file) => file.outputName)).toEqual(['notice.txt']);
      expect(unmatched).toEqual([`${join(dir, 'locked-tree/shut')}: permission denied; skipped`]);
    } finally {
      chmodSync(join(dir, 'locked-tree/shut'), 0o755);
    }
  });
});
