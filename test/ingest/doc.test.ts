import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { writeWordDocument, type WordDocumentSpec } from '../../scripts/fixtures/write-doc.js';
import { readDoc } from '../../src/ingest/doc.js';
import type { SourceBlock } from '../../src/model/document.js';
import { GongwenError } from '../../src/model/errors.js';
import { parseBytes } from '../../src/pipeline.js';
import { fixturesDir } from '../helpers.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, 'notices', name)));

function texts(blocks: readonly SourceBlock[]): string[] {
  return blocks.map((block) =>
    block.kind === 'paragraph' ? block.text : block.kind === 'table' ? block.rows.map((row) => row.map((cell) => cell.text).join(' | ')).join(' / ') : '',
  );
}

async function blocksOf(spec: WordDocumentSpec): Promise<SourceBlock[]> {
  return (await readDoc(writeWordDocument(spec))).value.blocks;
}

/** A compound file holding the given streams, as cfb writes it. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, content] of Object.entries(streams)) CFB.utils.cfb_add(container, name, content);
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

/** The document with one stream changed in place. */
function withStream(document: Uint8Array, name: string, change: (bytes: Uint8Array) => void): Uint8Array {
  const container = CFB.read(Buffer.from(document), { type: 'buffer' });
  const entry = CFB.find(container, name)!;
  const bytes = Uint8Array.from(entry.content as Uint8Array);
  change(bytes);
  entry.content = bytes;
  return new Uint8Array(CFB.write(container, { type: 'buffer' }) as Uint8Array);
}

async function failure(bytes: Uint8Array): Promise<GongwenError> {
  const error = await readDoc(bytes).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GongwenError);
  expect((error as Error).message).not.toContain('\n');
  return error as GongwenError;
}

const NOTICE: WordDocumentSpec = {
  body: [
    { kind: 'paragraph', text: '关于开展检查的通知', align: 'center' },
    { kind: 'paragraph', text: '各镇人民政府：' },
    { kind: 'paragraph', text: '现将有关事项通知如下。' },
  ],
};

describe('readDoc on the seed notices', () => {
  it('reads paragraphs in order, with their alignment, and leaves nothing of the header and footer', async () => {
    const { value, messages } = await readDoc(fixture('seed-001.doc'));
    expect(messages).toEqual([]);
    expect(value.blocks.slice(0, 3)).toEqual([
      { kind: 'paragraph', text: '东莞市质量强市领导小组办公室文件', style: { align: 'center' } },
      { kind: 'paragraph', text: '东质强办〔2013〕41号', style: { align: 'center' } },
      { kind: 'paragraph', text: '关于印发《创建全国质量强市示范城市验收宣传工作方案》的通知', style: { align: 'center' } },
    ]);
    expect(texts(value.blocks)).not.toContain('— 1 —');
    expect(texts(value.blocks).join('\n')).not.toMatch(/[\x00-\x08\x0b-\x1f]|undefined|PAGE/);
  });

  it('reads a table as rows of cells and keeps a tab inside a paragraph (the 版记 line) a tab', async () => {
    const { blocks } = (await readDoc(fixture('seed-001.doc'))).value;
    const tables = blocks.filter((block) => block.kind === 'table');
    expect(tables.at(-1)).toEqual({
      kind: 'table',
      rows: [['姓名', '所属 部门', '职务', '性 别', '联系电话', '移动电话', '电子邮箱'].map((text) => ({ text }))],
    });
    expect(blocks.at(-1)).toEqual({ kind: 'paragraph', text: '东莞市质量技术监督局办公室\t2013年11月6日印发' });
  });

  it('puts a text box (the 发文机关标志) before the paragraph that anchors it, and keeps field results without their codes', async () => {
    const { blocks } = (await readDoc(fixture('seed-000.doc'))).value;
    expect(texts(blocks).slice(0, 2)).toEqual(['乳山市质量强市工作领导小组文件', '乳质强字〔2018〕2号']);
    const email = texts(blocks).find((text) => text.includes('rsszlk@126.com'));
    expect(email).toBe('邮 箱：rsszlk@126.com， 电话：6664315');
  });

  it.each([
    ['seed-000.doc', '乳质强字〔2018〕2号', '关于印发乳山市落实威海市创建全国质量强市示范城市宣传工作方案的通知', '2018-04-15'],
    ['seed-001.doc', '东质强办〔2013〕41号', '关于印发《创建全国质量强市示范城市验收宣传工作方案》的通知', '2013-11-06'],
  ])('gives %s its document number, title and date through the whole pipeline', async (name, docNumber, title, signDate) => {
    const record = await parseBytes(fixture(name), { fileName: name });
    expect([record.source.format, record.docNumber?.normalized, record.title, record.signDate]).toEqual(['doc', docNumber, title, signDate]);
  });
});

describe('readDoc on the structures of a Word file', () => {
  it('keeps the header and footer stories out of the body', async () => {
    const blocks = await blocksOf({ ...NOTICE, header: '页眉文字不属于正文', footer: '第\x13 PAGE \x141\x15页' });
    expect(texts(blocks)).toEqual(['关于开展检查的通知', '各镇人民政府：', '现将有关事项通知如下。']);
  });

  it('tells cell marks from tabs, keeps the paragraphs of a cell and closes the table at the next paragraph', async () => {
    const blocks = await blocksOf({
      body: [
        { kind: 'paragraph', text: '附件\t1' },
        { kind: 'table', rows: [['单位', '联系人\n电话'], ['市局', '张三\n12345678']] },
        { kind: 'paragraph', text: '抄送：市政府办公室。' },
      ],
    });
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '附件\t1' },
      {
        kind: 'table',
        rows: [
          [{ text: '单位' }, { text: '联系人\n电话' }],
          [{ text: '市局' }, { text: '张三\n12345678' }],
        ],
      },
      { kind: 'paragraph', text: '抄送：市政府办公室。' },
    ]);
  });

  it('places a footnote right after the paragraph that refers to it', async () => {
    const blocks = await blocksOf({
      body: [
        { kind: 'paragraph', text: '按照专项规定执行。', footnote: '专项规定指省财政厅2023年印发的规定。' },
        { kind: 'paragraph', text: '特此通知。' },
      ],
    });
    expect(texts(blocks)).toEqual(['按照专项规定执行。', '专项规定指省财政厅2023年印发的规定。', '特此通知。']);
  });

  it('puts each text box at its own anchor', async () => {
    const blocks = await blocksOf({
      body: [
        { kind: 'paragraph', text: '甲文件', textBox: ['第一个文本框'] },
        { kind: 'paragraph', text: '乙段落' },
        { kind: 'paragraph', text: '丙段落', textBox: ['第二个文本框', '第二行'] },
      ],
    });
    expect(texts(blocks)).toEqual(['第一个文本框', '甲文件', '乙段落', '第二个文本框', '第二行', '丙段落']);
  });

  it('drops the optional hyphens WPS stores around blanks, which word-extractor writes as "undefined"', async () => {
    const blocks = await blocksOf({ body: [{ kind: 'paragraph', text: '一、\x1f\x1f所辖的（机构名称）参与投标。' }] });
    expect(texts(blocks)).toEqual(['一、所辖的（机构名称）参与投标。']);
  });
});

describe('readDoc refusing files', () => {
  const notice = writeWordDocument(NOTICE);

  it.each([
    ['an Excel workbook', { Workbook: new Uint8Array(64) }, /Excel or WPS spreadsheet/],
    ['a PowerPoint presentation', { 'PowerPoint Document': new Uint8Array(64) }, /PowerPoint/],
    ['a compound file of unknown streams', { Contents: new Uint8Array(64), Notes: new Uint8Array(8) }, /holding .*"Contents"/],
  ])('answers E_NOT_DOC for %s, naming what it is', async (_, streams, message) => {
    const error = await failure(compoundFile(streams));
    expect(error.code).toBe('E_NOT_DOC');
    expect(error.message).toMatch(message);
  });

  it('answers E_ENCRYPTED_DOC for a password-protected Word file and for an encrypted Office 2007 package', async () => {
    const protectedDoc = withStream(notice, 'WordDocument', (bytes) => void (bytes[0x0b] = bytes[0x0b]! | 0x01));
    expect(await failure(protectedDoc)).toMatchObject({ code: 'E_ENCRYPTED_DOC', message: expect.stringMatching(/password to open/) });
    const encryptedPackage = compoundFile({ EncryptionInfo: new Uint8Array(16), EncryptedPackage: new Uint8Array(16) });
    expect(await failure(encryptedPackage)).toMatchObject({ code: 'E_ENCRYPTED_DOC', message: expect.stringMatching(/encrypted \.docx/) });
  });

  it('answers E_UNSUPPORTED_FORMAT for a Word 6.0/95 file', async () => {
    const word95 = withStream(notice, 'WordDocument', (bytes) => void (bytes[2] = 0x68));
    expect(await failure(word95)).toMatchObject({ code: 'E_UNSUPPORTED_FORMAT', message: expect.stringMatching(/Word 6\.0\/95/) });
  });

  it('answers E_CORRUPT_DOC for a truncated file, naming the truncation', async () => {
    const error = await failure(notice.subarray(0, Math.floor(notice.length / 2)));
    expect(error.code).toBe('E_CORRUPT_DOC');
    expect(error.message).toMatch(/truncated|cut short/);
  });

  it('answers E_CORRUPT_DOC for a sector chain that goes round in a circle, instead of following it for ever', async () => {
    // Seed 001's WordDocument stream is large enough to live in regular sectors.
    const bytes = fixture('seed-001.doc');
    const view = new DataView(bytes.buffer);
    const fatOffset = (view.getUint32(76, true) + 1) * 512;
    const wordDocument = CFB.find(CFB.read(Buffer.from(bytes), { type: 'buffer' }), 'WordDocument')!;
    view.setUint32(fatOffset + (wordDocument.start + 1) * 4, wordDocument.start, true);
    expect(await failure(bytes)).toMatchObject({ code: 'E_CORRUPT_DOC', message: expect.stringMatching(/circle/) });
  });

  it('says a fast-saved file whose piece table cannot be followed is fast-saved', async () => {
    const fastSaved = withStream(notice, 'WordDocument', (bytes) => {
      bytes[0x0a] = bytes[0x0a]! | 0x04;
      const view = new DataView(bytes.buffer);
      view.setUint32(0x9a + 33 * 8 + 4, 3, true);
    });
    expect(await failure(fastSaved)).toMatchObject({ code: 'E_CORRUPT_DOC', message: expect.stringMatching(/fast-saved.*re-save it from Word or WPS/) });
  });

  it('answers E_CORRUPT_DOC when the table stream the file names is missing', async () => {
    const wordDocument = CFB.find(CFB.read(Buffer.from(notice), { type: 'buffer' }), 'WordDocument')!;
    const error = await failure(compoundFile({ WordDocument: Uint8Array.from(wordDocument.content as Uint8Array) }));
    expect(error).toMatchObject({ code: 'E_CORRUPT_DOC', message: expect.stringMatching(/table stream 1Table/) });
  });
});

describe('readDoc on hostile files', () => {
  const seed = (): Uint8Array => fixture('seed-001.doc');
  const setWord = (offset: number, value: number) => (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset).setUint32(offset, value, true);
  async function failure(bytes: Uint8Array): Promise<GongwenError> {
    const error = await readDoc(bytes).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GongwenError);
    expect((error as GongwenError).code).toBe('E_CORRUPT_DOC');
    return error as GongwenError;
  }

  it('refuses two root entries of one name, so word-extractor cannot read another stream than the one checked', async () => {
    const bytes = seed();
    const view = new DataView(bytes.buffer);
    const directory = (view.getUint32(48, true) + 1) * 512;
    const entries = Array.from({ length: 8 }, (_, i) => directory + i * 128);
    const name = (at: number) => new TextDecoder('utf-16le').decode(bytes.subarray(at, at + Math.max(0, view.getUint16(at + 64, true) - 2)));
    const word = entries.find((at) => name(at) === 'WordDocument')!;
    const other = entries.find((at) => at !== word && at !== directory && bytes[at + 66] === 2)!;
    bytes.copyWithin(other, word, word + 66);
    bytes[other + 2] = 0x4f; // 'O': "WOrdDocument"
    expect((await failure(bytes)).message).toMatch(/two entries at its root are named/);
  });

  it('refuses a mini stream cutoff other than 4096, and says when the signature is wrong', async () => {
    const bytes = seed();
    new DataView(bytes.buffer).setUint32(56, 4095, true);
    expect((await failure(bytes)).message).toMatch(/mini stream cutoff to 4095/);
    expect((await failure(new Uint8Array(1024))).message).toMatch(/does not start with the compound file signature/);
  });

  it('refuses story lengths the piece table does not hold, before word-extractor runs', async () => {
    const bytes = withStream(seed(), 'WordDocument', setWord(0x4c, 0x7fffffff));
    expect((await failure(bytes)).message).toMatch(/stories hold \d+ characters, more than/);
  });

  it('refuses a paragraph bin table naming more pages than the WordDocument stream holds', async () => {
    const bytes = withStream(seed(), 'WordDocument', setWord(0x106, 4 + 8 * 200_000));
    expect((await failure(bytes)).message).toMatch(/paragraph property bin table lists 200000 pages/);
  });

  it('reads a file with only the obfuscation flag set: it is not encrypted', async () => {
    const bytes = withStream(seed(), 'WordDocument', (word) => {
      word[0x0b]! |= 0x80;
    });
    expect((await readDoc(bytes)).value.blocks.length).toBeGreaterThan(0);
  });
});
