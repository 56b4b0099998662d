import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type NoticeRecord } from '../../src/index.js';
import { readDoc } from '../../src/ingest/doc.js';
import type { SourceBlock } from '../../src/model/document.js';
import { corpusDocsDir, noteWhenSharedAbsent, sharedAvailable } from '../helpers.js';

noteWhenSharedAbsent('the .doc corpus tests');

const docDir = join(corpusDocsDir, 'doc');
const HAINAN = 'hainan-2024-nongji-goumai-butie-shishifangan-notice';

async function blocksOf(name: string): Promise<SourceBlock[]> {
  return (await readDoc(new Uint8Array(readFileSync(join(docDir, name))))).value.blocks;
}

function paragraphIndex(blocks: readonly SourceBlock[], start: string): number {
  return blocks.findIndex((block) => block.kind === 'paragraph' && block.text.startsWith(start));
}

/** The document fields both renderings of the 海南 notice state. */
function documentFields(record: NoticeRecord) {
  return {
    title: record.title,
    docType: record.docType,
    docNumber: record.docNumber?.normalized ?? null,
    issuers: record.issuers,
    recipients: record.recipients?.raw ?? null,
    signDate: record.signDate,
    publishDate: record.publishDate,
    printDate: record.printDate,
    citedDocNumbers: record.citedDocuments.map((cited) => cited.docNumber.normalized),
    // The LibreOffice PDF lost the 、 that ended a printed line in 《农业农村部、财政部关于…》
    // (pdftotext reads it the same way), so titles are compared without 、.
    citedTitles: record.citedDocuments.map((cited) => cited.title?.replace(/、/g, '') ?? null),
    contacts: record.contacts,
  };
}

describe.skipIf(!sharedAvailable)('readDoc on the corpus of real .doc files', () => {
  it('converts every file, WPS-saved and fast-saved ones included, with no control characters or word-extractor residue', async () => {
    const names = readdirSync(docDir).filter((name) => name.endsWith('.doc'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const record = await parse(join(docDir, name));
      expect(record.source.format, name).toBe('doc');
      expect(record.text, name).not.toMatch(/[\x00-\x08\x0b-\x1f]|undefined/);
    }
  });

  it('reads a wide table whose row ends Word moved to the Data stream as rows, not one long line', async () => {
    const tables = (await blocksOf('nfra-shanghai-2014-a26f192c-notice.doc')).filter((block) => block.kind === 'table');
    const first = tables[0]!;
    expect(first.kind === 'table' && first.rows.length).toBe(18);
    expect(first.kind === 'table' && first.rows[0]!.map((cell) => cell.text)).toEqual(['序号', '费用科目名称', '口径要求', '分摊因子']);
  });

  it('puts the cover page text box of an attachment where it is anchored, not before the notice', async () => {
    const blocks = await blocksOf('nansha-2018-xinxing-yanfa-jigou-ruku-banshi-zhinan.doc');
    const box = paragraphIndex(blocks, '申报单位：');
    expect(paragraphIndex(blocks, '关于申报南沙区创建期新型研发机构入库的办事指南')).toBe(0);
    expect(box).toBeGreaterThan(paragraphIndex(blocks, '南沙区创建期新型研发机构科研入库'));
    expect(box).toBeLessThan(paragraphIndex(blocks, '申报时间'));
  });

  it('gives the 海南 notice the same document fields as the PDF LibreOffice made from it', async () => {
    const doc = await parse(join(docDir, `${HAINAN}.doc`));
    const pdf = await parse(join(corpusDocsDir, 'pdf', `${HAINAN}-LO-converted.pdf`));
    expect(documentFields(doc)).toEqual(documentFields(pdf));
    expect(doc.docNumber).toBeNull();
    expect(doc.signDate).toBe('2024-07-01');
  });

  // The .doc wraps the attachment title with a paragraph mark (…机具种类范 / 围), as its author
  // lined 围 up under the title by hand; the PDF reader joins the two printed lines, layout
  // joins the two paragraphs.
  it('gives the 海南 notice the same attachment titles as its PDF', async () => {
    const doc = await parse(join(docDir, `${HAINAN}.doc`));
    const pdf = await parse(join(corpusDocsDir, 'pdf', `${HAINAN}-LO-converted.pdf`));
    expect(doc.attachments.map((attachment) => attachment.title)).toEqual(pdf.attachments.map((attachment) => attachment.title));
  });
});
