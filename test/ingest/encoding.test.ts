import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeText } from '../../src/ingest/encoding.js';

const NOTICE = '关于印发乳山市落实威海市创建全国质量强市示范城市宣传工作方案的通知，各镇人民政府：请认真组织实施。';

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(NOTICE, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(NOTICE, 'utf8')]), 'utf-8'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NOTICE, 'utf16le').swap16()]), 'utf-16be'],
    ['GBK without any marker', iconv.encode(NOTICE, 'gbk'), 'gb18030'],
    ['GB18030 without any marker', iconv.encode(`${NOTICE}䶮`, 'gb18030'), 'gb18030'],
  ])('%s', (_, bytes, encoding) => {
    const decoded = decodeText(new Uint8Array(bytes));
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.startsWith(NOTICE)).toBe(true);
    expect(decoded.messages).toEqual([]);
  });

  it('detects Big5 rather than reading it as GB18030 mojibake', () => {
    const traditional = '關於印發乳山市落實威海市創建全國質量強市示範城市宣傳工作方案的通知，請認真組織實施。';
    expect(decodeText(new Uint8Array(iconv.encode(traditional, 'big5'))).text).toBe(traditional);
  });

  it('decodes a page that declares gb2312 but uses a GBK-only character', () => {
    const bytes = new Uint8Array(iconv.encode('朱镕基', 'gbk'));
    expect(decodeText(bytes, 'gb2312')).toMatchObject({ text: '朱镕基', encoding: 'gb18030', messages: [] });
  });

  it('overrules a declaration the bytes contradict, with a warning', () => {
    const decoded = decodeText(new Uint8Array(Buffer.from(NOTICE, 'utf8')), 'gb2312');
    expect(decoded.text).toBe(NOTICE);
    expect(decoded.messages).toEqual([expect.objectContaining({ ruleId: 'ingest:charset-mismatch', found: 'utf-8', expected: 'gb18030' })]);
  });

  it('warns about an unknown charset label and detects instead', () => {
    const decoded = decodeText(new Uint8Array(iconv.encode(NOTICE, 'gbk')), 'x-unknown-charset');
    expect(decoded.text).toBe(NOTICE);
    expect(decoded.messages.map((message) => message.ruleId)).toContain('ingest:unknown-charset');
  });

  it.each([
    ['GB2312', 'gb18030'],
    ['gbk', 'gb18030'],
    ['x-gbk', 'gb18030'],
    ['UTF8', 'utf-8'],
    ['Big5', 'big5'],
    ['windows-1252', 'windows-1252'],
  ])('maps the label %s to %s', (label, encoding) => {
    expect(canonicalEncoding(label)).toBe(encoding);
  });
});
