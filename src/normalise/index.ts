import type { NoticeDocument } from '../model/document.js';
import { GongwenError } from '../model/errors.js';
import type { Message } from '../model/messages.js';
import type { DocNumberFinding, DocumentFields, Evidence } from '../extract/findings.js';
import { VERSION } from '../version.js';
import { markOcrFindings } from './ocr.js';
import { NoticeRecordSchema, type DocNumber, type NoticeRecord, type Provenance } from './schema.js';

function provenance(evidence: Evidence): Provenance {
  return { raw: evidence.raw, span: evidence.span, source: evidence.source };
}

function docNumber(finding: DocNumberFinding): DocNumber {
  const { raw, normalized, organ, year, serial, repaired, span, source } = finding;
  return { raw, normalized, organ, year, serial, repaired, span, source };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** Turns the findings of the extractors into the published record and validates it. */
export function toRecord(document: NoticeDocument, fields: DocumentFields, messages: readonly Message[]): NoticeRecord {
  const contacts = fields.contacts;
  const record: NoticeRecord = {
    schemaVersion: 1,
    generator: { name: 'gongwen', version: VERSION },
    source: document.source,
    title: fields.title?.value ?? null,
    docType: (fields.docType?.value as NoticeRecord['docType']) ?? null,
    docNumber: fields.docNumber ? docNumber(fields.docNumber) : null,
    issuers: unique(fields.issuers.map((issuer) => issuer.value)),
    recipients: fields.recipients ? { raw: fields.recipients.raw, list: fields.recipients.list, span: fields.recipients.span } : null,
    signDate: fields.signDate?.value ?? null,
    publishDate: fields.publishDate?.value ?? null,
    printDate: fields.printDate?.value ?? null,
    citedDocuments: fields.citedDocuments.map((cited) => ({
      docNumber: docNumber(cited.docNumber),
      title: cited.title?.value ?? null,
      ...(cited.title ? { titleSpan: cited.title.span } : {}),
    })),
    attachments: fields.attachments.map((attachment) => ({
      title: attachment.title,
      ...(attachment.number === undefined ? {} : { number: attachment.number }),
      raw: attachment.raw,
      span: attachment.span,
    })),
    contacts: {
      phones: unique(contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value)),
      emails: unique(contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value)),
      people: fields.people.map((person) => ({
        name: person.name,
        ...(person.organisation === undefined ? {} : { organisation: person.organisation }),
        phones: person.phones,
        emails: person.emails,
        span: person.span,
      })),
      occurrences: contacts.map(({ kind, value, raw, span }) => ({ kind, value, raw, span })),
    },
    units: fields.units.map(({ name, roles, aliasOf, aliasSource, mentions }) => ({
      name,
      roles,
      ...(aliasOf === undefined ? {} : { aliasOf }),
      ...(aliasSource === undefined ? {} : { aliasSource }),
      raw: mentions[0]!.raw,
      span: mentions[0]!.span,
      mentions,
    })),
    quotas: fields.quotas,
    deadlines: fields.deadlines,
    tasks: fields.tasks,
    provenance: {
      issuers: fields.issuers.map(provenance),
      ...(fields.title ? { title: provenance(fields.title) } : {}),
      ...(fields.docType ? { docType: provenance(fields.docType) } : {}),
      ...(fields.signDate ? { signDate: provenance(fields.signDate) } : {}),
      ...(fields.publishDate ? { publishDate: provenance(fields.publishDate) } : {}),
      ...(fields.printDate ? { printDate: provenance(fields.printDate) } : {}),
    },
    metadata: document.blocks.flatMap((block) => (block.type === 'metadata' ? block.fields : [])),
    text: document.text,
    blocks: document.blocks,
    parts: document.parts,
    messages: [...messages],
  };
  const checked = NoticeRecordSchema.safeParse(markOcrFindings(record, document.blocks));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new GongwenError('E_INTERNAL', `the record does not fit the schema at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`, {
      details: { issues: checked.error.issues },
    });
  }
  return checked.data;
}

export { NoticeRecordSchema, noticeJsonSchema } from './schema.js';
export type { NoticeRecord } from './schema.js';
