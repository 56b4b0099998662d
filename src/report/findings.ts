import type { OcrMark } from '../model/document.js';
import type { Span } from '../model/span.js';
import type { NoticeRecord } from '../normalise/index.js';

/**
 * Every value of a record that has a place in the text, as one flat list of findings: what the
 * review page highlights. A finding says what kind it is, the value gongwen normalised it to
 * (what a reviewer checks against the text), and whether it was inferred or read by OCR.
 */

const FINDING_KINDS = ['docNumber', 'date', 'issuer', 'recipients', 'cited', 'attachment', 'contact', 'unit', 'quota', 'deadline', 'miss'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type UnitRole = NoticeRecord['units'][number]['roles'][number];

export interface Finding {
  id: number;
  kind: FindingKind;
  /** What the finding is, for people: `发文字号`, `成文日期 signDate`, `单位 unit`. */
  label: string;
  /** The normalised value: `by:2013-11-20`, `>=48次`, `lead`. */
  value: string;
  /** Further facts shown on hover: the raw text, a period, an alias. */
  details: string[];
  span: Span;
  role?: UnitRole;
  /** A value gongwen inferred rather than read: an implied year, an alias guessed from spelling. */
  inferred?: boolean;
  /** Recognition confidence (0–1) when the text the finding stands on came from OCR. */
  ocr?: number;
  /** Why the gold card disagrees, when the report is given one: `not in the gold card (deadlines)`. */
  gold?: string[];
}

/** What carries an OCR mark in a record: blocks, tasks and every value read from the text (src/normalise/schema.ts). */
export interface OcrMarked {
  ocr?: OcrMark | undefined;
}

/** The recognition confidence of a block, task or value read by OCR; undefined when it was not. */
export function ocrConfidence(item: OcrMarked): number | undefined {
  return item.ocr?.confidence;
}

type Draft = Omit<Finding, 'id'>;

function draft(kind: FindingKind, label: string, value: string, span: Span, source: OcrMarked, details: string[] = []): Draft {
  const ocr = ocrConfidence(source);
  return { kind, label, value, span, details, ...(ocr === undefined ? {} : { ocr }) };
}

function raw(text: string): string {
  return `raw: ${text}`;
}

function documentFindings(record: NoticeRecord): Draft[] {
  const found: Draft[] = [];
  const number = record.docNumber;
  if (number) found.push(draft('docNumber', '发文字号 document number', number.normalized, number.span, number, [raw(number.raw), ...(number.repaired ? ['repaired from damaged text'] : [])]));
  const dates = [
    ['signDate', '成文日期 signDate', record.signDate],
    ['publishDate', '发布日期 publishDate', record.publishDate],
    ['printDate', '印发日期 printDate', record.printDate],
  ] as const;
  for (const [field, label, value] of dates) {
    const evidence = record.provenance[field];
    if (evidence && value !== null) found.push(draft('date', label, value, evidence.span, evidence, [raw(evidence.raw)]));
  }
  for (const evidence of record.provenance.issuers) found.push(draft('issuer', '发文机关 issuer', evidence.raw, evidence.span, evidence, [`from the ${evidence.source}`]));
  const recipients = record.recipients;
  if (recipients) found.push(draft('recipients', '主送机关 recipients', recipients.list.join('、'), recipients.span, recipients, [`${recipients.list.length} addressees`]));
  for (const cited of record.citedDocuments) {
    found.push(draft('cited', '引用文号 cited document', cited.docNumber.normalized, cited.docNumber.span, cited.docNumber, [raw(cited.docNumber.raw)]));
    if (cited.titleSpan && cited.title !== null) found.push(draft('cited', '引用标题 cited title', cited.title, cited.titleSpan, cited, [`cited as ${cited.docNumber.normalized}`]));
  }
  for (const attachment of record.attachments) {
    const number = attachment.number === undefined ? '' : `附件${attachment.number}: `;
    found.push(draft('attachment', '附件 attachment', `${number}${attachment.title}`, attachment.span, attachment, [raw(attachment.raw)]));
  }
  return found;
}

function contactFindings(record: NoticeRecord): Draft[] {
  const found: Draft[] = record.contacts.occurrences.map((occurrence) =>
    draft('contact', occurrence.kind === 'phone' ? '电话 phone' : '邮箱 e-mail', occurrence.value, occurrence.span, occurrence, [raw(occurrence.raw)]),
  );
  for (const person of record.contacts.people) {
    const details = [person.organisation, ...person.phones, ...person.emails].filter((detail): detail is string => detail !== undefined);
    found.push(draft('contact', '联系人 contact person', person.name, person.span, person, details));
  }
  return found;
}

type Mention = NoticeRecord['units'][number]['mentions'][number];

function unitFinding(mention: Mention, unit: NoticeRecord['units'][number] | undefined): Draft {
  const details = [`name: ${mention.name}`, `written as a ${mention.form}`];
  if (unit?.aliasOf !== undefined) details.push(`stands for ${unit.aliasOf} (${unit.aliasSource ?? 'defined'})`);
  const finding = draft('unit', '单位 unit', mention.role, mention.span, mention, details);
  return { ...finding, role: mention.role, ...(unit?.aliasSource === 'inferred' ? { inferred: true } : {}) };
}

/** Unit mentions of the document, and those of tasks the document list lacks, once each. */
function unitFindings(record: NoticeRecord): Draft[] {
  const seen = new Set<string>();
  const found: Draft[] = [];
  const byName = new Map(record.units.map((unit) => [unit.name, unit]));
  const add = (mention: Mention): void => {
    const key = `${mention.span[0]}:${mention.span[1]}:${mention.name}:${mention.role}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push(unitFinding(mention, byName.get(mention.name)));
  };
  for (const unit of record.units) unit.mentions.forEach(add);
  for (const task of record.tasks) task.units.forEach(add);
  return found;
}

function quotaDetails(quota: NoticeRecord['quotas'][number]): string[] {
  const details = [raw(quota.raw)];
  if (quota.metric !== undefined) details.push(`metric: ${quota.metric}`);
  if (quota.period !== undefined) details.push(`period: ${quota.period}`);
  if (quota.scope !== undefined) details.push(`scope: ${quota.scope}`);
  if (quota.change !== undefined) details.push(`change: ${quota.change}`);
  if (quota.approximate) details.push('approximate');
  return details;
}

function workFindings(record: NoticeRecord): Draft[] {
  const quotas = record.quotas.map((quota) => draft('quota', '指标 quota', quota.key, quota.span, quota, quotaDetails(quota)));
  const deadlines = record.deadlines.map((deadline) => {
    const finding = draft('deadline', '时限 deadline', deadline.key, deadline.span, deadline, [raw(deadline.raw), ...(deadline.implied ? ['year inferred'] : [])]);
    return deadline.implied ? { ...finding, inferred: true } : finding;
  });
  return [...quotas, ...deadlines];
}

/** Every finding of a record, numbered in order; spans outside the text are left out. */
export function collectFindings(record: NoticeRecord): Finding[] {
  const all = [...documentFindings(record), ...contactFindings(record), ...unitFindings(record), ...workFindings(record)];
  return all.filter((finding) => finding.span[0] < finding.span[1] && finding.span[1] <= record.text.length).map((finding, id) => ({ id, ...finding }));
}

/** The finding of a kind at a span, for linking a task's units, quotas and deadlines to the text. */
export function findingAt(findings: readonly Finding[], kind: FindingKind, span: Span, value?: string): Finding | undefined {
  return findings.find((finding) => finding.kind === kind && finding.span[0] === span[0] && finding.span[1] === span[1] && (value === undefined || finding.value === value));
}
