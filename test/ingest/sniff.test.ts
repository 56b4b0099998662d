import { describe, expect, it } from 'vitest';
import { kindFromFileName, sniffFormat } from '../../src/ingest/sniff.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('sniffFormat', () => {
  it.each([
    ['%PDF-1.7\n…', 'pdf'],
    ['\n\n%PDF-1.4 junk before the header', 'pdf'],
    ['PK\u0003\u0004rest-of-zip', 'zip'],
    ['<!DOCTYPE html><html><body>x</body></html>', 'html'],
    ['  <p align="center">关于…的通知</p>', 'html'],
    ['\ufeff<div class="TRS_Editor">正文</div>', 'html'],
    ['关于印发方案的通知\n各镇人民政府：', 'text'],
    ['<<这不是网页>> 关于印发方案的通知', 'text'],
    ['文件头为 %PDF-1.4 的文件是 PDF', 'text'],
    ['<p>以 %PDF- 开头的文件</p>', 'html'],
    ['{\\rtf1\\ansi', 'rtf'],
  ])('%j is %s', (content, kind) => {
    expect(sniffFormat(bytes(content)).kind).toBe(kind);
  });

  it.each([
    [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'ole'],
    [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a], 'image'],
    [[0xff, 0xd8, 0xff, 0xe0], 'image'],
    [[0x00, 0x01, 0x02, 0x03, 0x04, 0xff, 0x00], 'binary'],
    [[0xff, 0xfe, 0x73, 0x51, 0x8e, 0x4e], 'text'],
  ])('recognises %j as %s', (signature, kind) => {
    expect(sniffFormat(new Uint8Array(signature)).kind).toBe(kind);
  });

  it('takes UTF-16 with a byte-order mark for text and reads HTML in it', () => {
    const html = new Uint8Array([0xff, 0xfe, ...Buffer.from('<html><body>x</body></html>', 'utf16le')]);
    expect(sniffFormat(html).kind).toBe('html');
  });

  it('reads only a hint from the file name', () => {
    expect(kindFromFileName('通知.PDF')).toBe('pdf');
    expect(kindFromFileName('notice.docx')).toBe('zip');
    expect(kindFromFileName('README')).toBeUndefined();
  });
});
