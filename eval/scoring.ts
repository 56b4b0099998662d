import type { NoticeRecord } from '../src/index.js';

/**
 * Scoring as ../shared/corpus/ANNOTATION.md defines it: exact match per document for the
 * document fields (issuers as a set), precision/recall/F1 over multisets for the list fields,
 * after the rule book's text normalisation. Optional gold entries count as neither a miss nor
 * a false find.
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

interface Item {
  value: string;
  optional: boolean;
}

export interface ListScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  misses: string[];
  falseFinds: string[];
}

/** Multiset matching: each predicted value matches at most one gold entry and vice versa. */
export function scoreList(gold: readonly Item[], predicted: readonly string[]): ListScore {
  const remaining = [...predicted];
  const take = (value: string): boolean => {
    const index = remaining.indexOf(value);
    if (index < 0) return false;
    remaining.splice(index, 1);
    return true;
  };
  let truePositives = 0;
  const misses: string[] = [];
  for (const item of gold.filter((entry) => !entry.optional)) {
    if (take(item.value)) truePositives += 1;
    else misses.push(item.value);
  }
  for (const item of gold.filter((entry) => entry.optional)) take(item.value);
  return { truePositives, falsePositives: remaining.length, falseNegatives: misses.length, misses, falseFinds: remaining };
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

const plain = (values: readonly string[], normalise = normaliseText): Item[] => values.map((value) => ({ value: normalise(value), optional: false }));

function goldLists(card: GoldCard): Record<ListField, Item[]> {
  return {
    citedDocNumbers: plain(card.citedDocNumbers, normaliseDocNumber),
    attachments: plain(card.attachments),
    phones: plain(card.phones),
    emails: plain(card.emails),
    units: card.units.map((unit) => ({ value: normaliseText(unit.name), optional: unit.optional === true })),
    unitRoles: card.units.flatMap((unit) => unit.roles.map((role) => ({ value: `${normaliseText(unit.name)}/${role}`, optional: unit.optional === true }))),
    quotas: card.quotas.map((quota) => ({ value: normaliseText(quota.key), optional: quota.optional === true })),
    deadlines: card.deadlines.map((deadline) => ({ value: normaliseText(deadline.key), optional: deadline.optional === true })),
  };
}

function predictedLists(record: NoticeRecord | undefined): Record<ListField, string[]> {
  return {
    citedDocNumbers: (record?.citedDocuments ?? []).map((cited) => normaliseDocNumber(cited.docNumber.normalized)),
    attachments: (record?.attachments ?? []).map((attachment) => normaliseText(attachment.title)),
    phones: (record?.contacts.phones ?? []).map(normaliseText),
    emails: (record?.contacts.emails ?? []).map(normaliseText),
    units: (record?.units ?? []).map((unit) => normaliseText(unit.name)),
    unitRoles: (record?.units ?? []).flatMap((unit) => unit.roles.map((role) => `${normaliseText(unit.name)}/${role}`)),
    quotas: (record?.quotas ?? []).map((quota) => normaliseText(quota.key)),
    deadlines: (record?.deadlines ?? []).map((deadline) => normaliseText(deadline.key)),
  };
}

/** Scores one record against its card; a document that failed to convert scores nothing. */
export function scoreDocument(card: GoldCard, record: NoticeRecord | undefined, error?: { code: string; message: string }): DocumentScore {
  const predicted = predictedScalars(record);
  const scalars = {} as DocumentScore['scalars'];
  for (const field of SCALAR_FIELDS) {
    const normalise = field === 'docNumber' ? normaliseDocNumber : normaliseText;
    const expected = scalarText(card[field], normalise);
    const found = scalarText(predicted[field], normalise);
    scalars[field] = { correct: record !== undefined && expected === found, expected, found };
  }
  const gold = goldLists(card);
  const found = predictedLists(record);
  const lists = {} as DocumentScore['lists'];
  for (const field of LIST_FIELDS) lists[field] = scoreList(gold[field], found[field]);
  return { id: card.id, file: card.file, ...(error ? { error } : {}), scalars, lists };
}

export interface Figures {
  documents: number;
  failed: number;
  accuracy: Record<ScalarField, number>;
  precision: Record<ListField, number>;
  recall: Record<ListField, number>;
  f1: Record<ListField, number>;
}

/** Sums document scores into corpus figures: accuracy per field, micro-averaged P/R/F1 per list. */
export function summarise(scores: readonly DocumentScore[]): Figures {
  const accuracy = {} as Figures['accuracy'];
  for (const field of SCALAR_FIELDS) {
    accuracy[field] = scores.length === 0 ? 0 : scores.filter((score) => score.scalars[field].correct).length / scores.length;
  }
  const precision = {} as Figures['precision'];
  const recall = {} as Figures['recall'];
  const f1 = {} as Figures['f1'];
  for (const field of LIST_FIELDS) {
    const tp = scores.reduce((sum, score) => sum + score.lists[field].truePositives, 0);
    const fp = scores.reduce((sum, score) => sum + score.lists[field].falsePositives, 0);
    const fn = scores.reduce((sum, score) => sum + score.lists[field].falseNegatives, 0);
    // Nothing expected and nothing found is perfect; finding nothing of something expected is 0.
    const p = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    const r = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
    precision[field] = p;
    recall[field] = r;
    f1[field] = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return { documents: scores.length, failed: scores.filter((score) => score.error !== undefined).length, accuracy, precision, recall, f1 };
}
