import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type NoticeRecord } from '../../src/index.js';
import { fixturesDir } from '../helpers.js';

const noticesDir = join(fixturesDir, 'notices');
const FORMATS = ['txt', 'html', 'docx', 'pdf', 'ofd'] as const;

/** The document fields a notice states in every format; 发布日期 exists only on a portal page. */
function documentFields(record: NoticeRecord) {
  return {
    title: record.title,
    docType: record.docType,
    docNumber: record.docNumber?.normalized ?? null,
    issuers: record.issuers,
    recipients: record.recipients?.raw.replace(/\s+/g, '') ?? null,
    recipientList: record.recipients?.list.map((item) => item.replace(/\s+/g, '')) ?? [],
    signDate: record.signDate,
    printDate: record.printDate,
    citedDocNumbers: record.citedDocuments.map((cited) => cited.docNumber.normalized),
    citedTitles: record.citedDocuments.map((cited) => cited.title?.replace(/\s+/g, '') ?? null),
    attachments: record.attachments.map((attachment) => attachment.title),
    phones: record.contacts.phones,
    emails: record.contacts.emails,
  };
}

describe.each(['seed-000', 'seed-001'])('the same notice through TXT, HTML, DOCX, PDF and OFD: %s', (seed) => {
  it('gives the same document fields in every format', async () => {
    const records = await Promise.all(FORMATS.map((format) => parse(join(noticesDir, `${seed}.${format}`))));
    const [reference, ...others] = records.map(documentFields);
    expect(reference!.title).not.toBeNull();
    expect(reference!.docNumber).not.toBeNull();
    others.forEach((fields, i) => expect({ format: FORMATS[i + 1], ...fields }).toEqual({ format: FORMATS[i + 1], ...reference }));
  });

  it('records the format, encoding, size, hash and page count of each source', async () => {
    const sources = await Promise.all(FORMATS.map(async (format) => (await parse(join(noticesDir, `${seed}.${format}`))).source));
    expect(sources.map((source) => [source.format, source.encoding ?? null, source.pages === undefined ? null : source.pages > 1])).toEqual([
      ['text', 'gb18030', null],
      ['html', 'gb18030', null],
      ['docx', null, null],
      ['pdf', null, true],
      ['ofd', null, true],
    ]);
    for (const source of sources) expect(source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
