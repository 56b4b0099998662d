import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/index.js';
import { parse } from '../../src/pipeline.js';
import { GongwenError } from '../../src/model/errors.js';
import { fixturesDir } from '../helpers.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

describe('ingest', () => {
  it('reads the format from the bytes; a misleading file name is only a warning', async () => {
    const pdf = new Uint8Array(readFileSync(join(fixturesDir, 'notices', 'seed-001.pdf')));
    const { value, messages } = await ingest(pdf, { fileName: 'notice.docx' });
    expect(value.source.format).toBe('pdf');
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'ingest:format-mismatch', severity: 'warning', found: 'pdf', expected: 'zip' }));
  });

  it('describes the source: format, encoding, size and SHA-256', async () => {
    const bytes = text('关于印发方案的通知');
    const { value } = await ingest(bytes, { fileName: 'a.txt' });
    expect(value.source).toEqual({
      fileName: 'a.txt',
      format: 'text',
      encoding: 'utf-8',
      bytes: 27,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'E_EMPTY_FILE'],
    ['a file of white space', text(' \n\t \n'), 'E_NO_TEXT'],
    ['a Word 97–2003 file cut short after its signature', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'E_CORRUPT_DOC'],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'E_UNSUPPORTED_FORMAT'],
    ['binary garbage', new Uint8Array([0, 1, 2, 3, 250, 251, 0, 9]), 'E_UNSUPPORTED_FORMAT'],
  ])('refuses %s with a typed error', async (_, bytes, code) => {
    const error = await ingest(bytes).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GongwenError);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses a file over the size limit before reading it', async () => {
    await expect(ingest(text('关于印发方案的通知'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'E_FILE_TOO_LARGE' });
  });
});

describe('parse', () => {
  it('answers E_NO_TEXT when nothing but portal chrome is left', async () => {
    await expect(parse(text('无障碍 | 长者版\n【打印】【关闭】\n扫一扫在手机打开当前页\n— 1 —'))).rejects.toMatchObject({ code: 'E_NO_TEXT' });
  });

  it('reads pages nested thousands of elements deep without running out of stack', async () => {
    const page = `<html><body>${'<font>'.repeat(20000)}<p>关于开展检查的通知</p><p>各镇人民政府：</p><p>现将有关事项通知如下，请认真执行。</p></body></html>`;
    const record = await parse(text(page));
    expect([record.title, record.recipients?.raw]).toEqual(['关于开展检查的通知', '各镇人民政府']);
  });
});
