import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatNumber, numberParagraphs } from '../../src/ingest/docx-numbering.js';
import { readDocx } from '../../src/ingest/docx.js';
import type { SourceBlock } from '../../src/model/document.js';
import { fixturesDir } from '../helpers.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function paragraph(text: string, properties = ''): string {
  return `<w:p><w:pPr>${properties}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function numbered(text: string, numId: number, ilvl = 0): string {
  return paragraph(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);
}

function level(ilvl: number, format: string, text: string, start = 1, suffix = ''): string {
  return `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/>${suffix}</w:lvl>`;
}

const NUMBERING = `<w:numbering ${W}>
  <w:abstractNum w:abstractNumId="0">${level(0, 'chineseCounting', '%1、')}${level(1, 'chineseCounting', '（%2）')}${level(2, 'decimal', '%3.')}${level(3, 'decimal', '（%4）')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '第%1条', 1, '<w:suff w:val="space"/>')}</w:abstractNum>
  <w:abstractNum w:abstractNumId="2">${level(0, 'decimalEnclosedCircleChinese', '%1')}</w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>`;

const STYLES = `<w:styles ${W}>
  <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>`;

async function docx(body: string, extraParts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/_rels/document.xml.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  zip.file('word/document.xml', `<w:document ${W}><w:body>${body}</w:body></w:document>`);
  zip.file('word/numbering.xml', NUMBERING);
  zip.file('word/styles.xml', STYLES);
  for (const [name, content] of Object.entries(extraParts)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}

function texts(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

describe('Word list numbers rebuilt from numbering.xml', () => {
  it('puts back 一、（一）1.（1）, nesting and restarting as Word does', async () => {
    const body = [
      numbered('指导思想', 1),
      numbered('工作任务', 1),
      numbered('新闻报道', 1, 1),
      numbered('网络宣传', 1, 1),
      numbered('固定宣传', 1, 2),
      numbered('市区主干道', 1, 3),
      numbered('流动宣传', 1, 2),
      numbered('工作要求', 1),
      numbered('加强领导', 1, 1),
    ].join('');
    const { value } = await readDocx(await docx(body));
    expect(texts(value.blocks)).toEqual(['一、指导思想', '二、工作任务', '（一）新闻报道', '（二）网络宣传', '1.固定宣传', '（1）市区主干道', '2.流动宣传', '三、工作要求', '（一）加强领导']);
  });

  it('numbers paragraphs whose style carries the numbering, and honours numId 0', async () => {
    const body = [paragraph('总体要求', '<w:pStyle w:val="Heading1"/>'), paragraph('不编号', '<w:pStyle w:val="Heading1"/><w:numPr><w:numId w:val="0"/></w:numPr>'), paragraph('主要任务', '<w:pStyle w:val="Heading1"/>')].join('');
    const { value } = await readDocx(await docx(body));
    expect(value.blocks).toEqual([
      { kind: 'paragraph', text: '一、总体要求', style: { heading: 1 } },
      { kind: 'paragraph', text: '不编号', style: { heading: 1 } },
      { kind: 'paragraph', text: '二、主要任务', style: { heading: 1 } },
    ]);
  });

  it('keeps a word break after 第1条 and formats circled numbers', async () => {
    const { value } = await readDocx(await docx([numbered('为了规范管理，制定本办法。', 2), numbered('本办法自发布之日起施行。', 2), numbered('每个广场', 4)].join('')));
    expect(texts(value.blocks)).toEqual(['第1条 为了规范管理，制定本办法。', '第2条 本办法自发布之日起施行。', '①每个广场']);
  });

  it('restarts a level where a num instance overrides its start', () => {
    const xml = `<w:document ${W}><w:body>${[numbered('甲', 1), numbered('子', 1, 1), numbered('丑', 1, 1), numbered('寅', 3, 1)].join('')}</w:body></w:document>`;
    expect(numberParagraphs(xml, NUMBERING, STYLES).map((paragraph) => paragraph.label)).toEqual(['一、', '（一）', '（二）', '（一）']);
  });

  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [15, 'chineseCounting', '十五'],
    [21, 'chineseCountingThousand', '二十一'],
    [105, 'chineseCounting', '一百零五'],
    [10, 'ideographDigital', '一〇'],
    [3, 'chineseLegalSimplified', '叁'],
    [12, 'chineseLegalSimplified', '拾贰'],
    [3, 'ideographTraditional', '丙'],
    [4, 'upperRoman', 'IV'],
    [28, 'lowerLetter', 'bb'],
    [7, 'decimalZero', '07'],
    [12, 'decimalFullWidth', '１２'],
  ])('formats %d as %s: %s', (n, format, text) => {
    expect(formatNumber(n, format)).toBe(text);
  });
});

describe('readDocx', () => {
  it('reads the fixture notice: Word numbering back, tables as rows and cells, no header or footer text', async () => {
    const { value, messages } = await readDocx(new Uint8Array(readFileSync(join(fixturesDir, 'notices', 'seed-001.docx'))));
    const paragraphs = texts(value.blocks);
    expect(paragraphs).toContain('一、指导思想');
    expect(paragraphs).toContain('（十五）利用中国（东莞）国际科技周活动平台加强质量强市宣传（市科技局负责，强市办协助）。');
    expect(paragraphs.some((text) => /^[—-]\s*\d+\s*[—-]$/.test(text))).toBe(false);
    const table = value.blocks.find((block) => block.kind === 'table');
    expect(table?.kind === 'table' && table.rows[0]!.map((cell) => cell.text)).toEqual(['序号', '事项', '完成时限', '责任单位', '协助单位', '备注']);
    expect(messages).toEqual([]);
  });

  it('answers E_CORRUPT_DOCX when a part of the package does not inflate', async () => {
    const bytes = await docx(numbered('指导思想', 1));
    const zip = await JSZip.loadAsync(bytes);
    const damaged = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    // Flip bytes inside the compressed data of the first entry, leaving the ZIP directory intact.
    const copy = damaged.slice();
    for (let i = 60; i < 90; i += 1) copy[i] = copy[i]! ^ 0xff;
    await expect(readDocx(copy)).rejects.toMatchObject({ code: 'E_CORRUPT_DOCX' });
  });

  it.each([
    ['a broken ZIP', async () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'E_CORRUPT_DOCX'],
    ['a ZIP without a Word document', async () => new JSZip().file('readme.txt', 'hello').generateAsync({ type: 'uint8array' }), 'E_NOT_DOCX'],
    ['an Excel workbook', async () => new JSZip().file('xl/workbook.xml', '<workbook/>').generateAsync({ type: 'uint8array' }), 'E_NOT_DOCX'],
    ['an OFD package', async () => new JSZip().file('OFD.xml', '<ofd:OFD/>').generateAsync({ type: 'uint8array' }), 'E_UNSUPPORTED_FORMAT'],
  ])('refuses %s with its own code', async (_, make, code) => {
    await expect(readDocx(await make())).rejects.toMatchObject({ code });
  });
});
