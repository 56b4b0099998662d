import type { Span } from '../model/span.js';
import type { NoticeRecord } from '../normalise/index.js';

/**
 * Scoring as ../shared/corpus/ANNOTATION.md defines it: exact match per document for the
 * document fields (issuers as a set), precision/recall/F1 over multisets for the list fields,
 * after the rule book's text normalisation. Optional gold entries count as neither a miss nor
 * a false find. `npm run eval` sums these scores over the corpus; `gongwen report --gold` shows
 * them item by item on a document's page.
 */

export interface GoldUnit {
  name: string;
  roles: string[];
  optional?: boolean;
}

export interface GoldKeyed {
  raw?: string;
  key: string;
  optional?: boolean;
}

export interface GoldCard {
  id: string;
  file: string;
  title: string | null;
  docType: string | null;
  docNumber: string | null;
  issuers: string[];
  recipients: string | null;
  signDate: string | null;
  publishDate: string | null;
  printDate: string | null;
  citedDocNumbers: string[];
  attachments: string[];
  phones: string[];
  emails: string[];
  units: GoldUnit[];
  quotas: GoldKeyed[];
  deadlines: GoldKeyed[];
}

export const SCALAR_FIELDS = ['title', 'docType', 'docNumber', 'issuers', 'recipients', 'signDate', 'publishDate', 'printDate'] as const;
export const LIST_FIELDS = ['citedDocNumbers', 'attachments', 'phones', 'emails', 'units', 'unitRoles', 'quotas', 'deadlines'] as const;
export type ScalarField = (typeof SCALAR_FIELDS)[number];
export type ListField = (typeof LIST_FIELDS)[number];

/** NFKC, then all white space removed. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** As normaliseText, and any bracket pair around a four-digit year becomes 〔〕. */
export function normaliseDocNumber(text: string): string {
  return normaliseText(text).replace(/[\[【［(（〔﹝]\s*(\d{4})\s*[\]】］)）〕﹞]/g, '〔$1〕');
}

/** One entry of a gold card's list, normalised for comparison. */
export interface GoldItem {
  value: string;
  optional: boolean;
  /** The text a reader would look for in the document (the card's `raw`, else the value as written). */
  written: string;
}

/** One value of a record's list, normalised for comparison, with the places it was read from. */
export interface PredictedItem {
  value: string;
  spans: Span[];
}

export interface ListScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: string[];
  falseFinds: string[];
}

/** Which entries found a partner: gold entries (optional ones included) and predicted values, by index. */
export interface ListMatch {
  goldMatched: boolean[];
  predictedMatched: boolean[];
}

/**
 * Multiset matching: each predicted value matches at most one gold entry and vice versa.
 * Required gold entries take their partners first, so an optional entry never takes a value
 * that a required one needs.
 */
export function matchList(gold: readonly Pick<GoldItem, 'value' | 'optional'>[], predicted: readonly string[]): ListMatch {
  const predictedMatched = predicted.map(() => false);
  const goldMatched = gold.map(() => false);
  const take = (value: string): boolean => {
    const index = predicted.findIndex((candidate, position) => !predictedMatched[position] && candidate === value);
    if (index < 0) return false;
    predictedMatched[index] = true;
    return true;
  };
  gold.forEach((item, index) => {
    if (!item.optional) goldMatched[index] = take(item.value);
  });
  gold.forEach((item, index) => {
    if (item.optional) goldMatched[index] = take(item.value);
  });
  return { goldMatched, predictedMatched };
}

export function scoreList(gold: readonly Pick<GoldItem, 'value' | 'optional'>[], predicted: readonly string[]): ListScore {
  const { goldMatched, predictedMatched } = matchList(gold, predicted);
  const misses = gold.filter((item, index) => !item.optional && !goldMatched[index]).map((item) => item.value);
  const falseFinds = predicted.filter((_, index) => !predictedMatched[index]);
  return {
    truePositives: gold.filter((item, index) => !item.optional && goldMatched[index]).length,
    falsePositives: falseFinds.length,
    falseNegatives: misses.length,
    misses,
    falseFinds,
  };
}

export interface DocumentScore {
  id: string;
  file: string;
  error?: { code: string; message: string };
  scalars: Record<ScalarField, { correct: boolean; expected: string; found: string }>;
  lists: Record<ListField, ListScore>;
}

function scalarText(value: string | string[] | null, normalise: (text: string) => string): string {
  if (value === null) return '∅';
  if (Array.isArray(value)) return JSON.stringify([...new Set(value.map(normalise))].sort());
  return normalise(value);
}

function predictedScalars(record: NoticeRecord | undefined): Record<ScalarField, string | string[] | null> {
  return {
    title: record?.title ?? null,
    docType: record?.docType ?? null,
    docNumber: record?.docNumber?.normalized ?? null,
    issuers: record?.issuers ?? [],
    recipients: record?.recipients?.raw ?? null,
    signDate: record?.signDate ?? null,
    publishDate: record?.publishDate ?? null,
    printDate: record?.printDate ?? null,
  };
}

const plain = (values: readonly string[], normalise = normaliseText): GoldItem[] =>
  values.map((value) => ({ value: normalise(value), optional: false, written: value }));

const keyed = (entries: readonly GoldKeyed[]): GoldItem[] =>
  entries.map((entry) => ({ value: normaliseText(entry.key), optional: entry.optional === true, written: entry.raw ?? entry.key }));

export function goldLists(card: GoldCard): Record<ListField, GoldItem[]> {
  return {
    citedDocNumbers: plain(card.citedDocNumbers, normaliseDocNumber),
    attachments: plain(card.attachments),
    phones: plain(card.phones),
    emails: plain(card.emails),
    units: card.units.map((unit) => ({ value: normaliseText(unit.name), optional: unit.optional === true, written: unit.name })),
    unitRoles: card.units.flatMap((unit) =>
      unit.roles.map((role) => ({ value: `${normaliseText(unit.name)}/${role}`, optional: unit.optional === true, written: unit.name })),
    ),
    quotas: keyed(card.quotas),
    deadlines: keyed(card.deadlines),
  };
}

function contactSpans(record: NoticeRecord, kind: 'phone' | 'email', value: string): Span[] {
  return record.contacts.occurrences.filter((occurrence) => occurrence.kind === kind && occurrence.value === value).map((occurrence) => occurrence.span);
}

export function predictedLists(record: NoticeRecord | undefined): Record<ListField, PredictedItem[]> {
  if (record === undefined) return { citedDocNumbers: [], attachments: [], phones: [], emails: [], units: [], unitRoles: [], quotas: [], deadlines: [] };
  return {
    citedDocNumbers: record.citedDocuments.map((cited) => ({ value: normaliseDocNumber(cited.docNumber.normalized), spans: [cited.docNumber.span] })),
    attachments: record.attachments.map((attachment) => ({ value: normaliseText(attachment.title), spans: [attachment.span] })),
    phones: record.contacts.phones.map((phone) => ({ value: normaliseText(phone), spans: contactSpans(record, 'phone', phone) })),
    emails: record.contacts.emails.map((email) => ({ value: normaliseText(email), spans: contactSpans(record, 'email', email) })),
    units: record.units.map((unit) => ({ value: normaliseText(unit.name), spans: unit.mentions.map((mention) => mention.span) })),
    unitRoles: record.units.flatMap((unit) =>
      unit.roles.map((role) => ({
        value: `${normaliseText(unit.name)}/${role}`,
        spans: unit.mentions.filter((mention) => mention.role === role).map((mention) => mention.span),
      })),
    ),
    quotas: record.quotas.map((quota) => ({ value: normaliseText(quota.key), spans: [quota.span] })),
    deadlines: record.deadlines.map((deadline) => ({ value: normaliseText(deadline.key), spans: [deadline.span] })),
  };
}

export function scoreScalars(card: GoldCard, record: NoticeRecord | undefined): DocumentScore['scalars'] {
  const predicted = predictedScalars(record);
  const scalars = {} as DocumentScore['scalars'];
  for (const field of SCALAR_FIELDS) {
    const normalise = field === 'docNumber' ? normaliseDocNumber : normaliseText;
    const expected = scalarText(card[field], normalise);
    const found = scalarText(predicted[field], normalise);
    scalars[field] = { correct: record !== undefined && expected === found, expected, found };
  }
  return scalars;
}

/** Scores one record against its card; a document that failed to convert scores nothing. */
export function scoreDocument(card: GoldCard, record: NoticeRecord | undefined, error?: { code: string; message: string }): DocumentScore {
  const gold = goldLists(card);
  const found = predictedLists(record);
  const lists = {} as DocumentScore['lists'];
  for (const field of LIST_FIELDS) lists[field] = scoreList(gold[field], found[field].map((item) => item.value));
  return { id: card.id, file: card.file, ...(error ? { error } : {}), scalars: scoreScalars(card, record), lists };
}
