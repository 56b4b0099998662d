import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { GongwenError } from '../model/errors.js';
import { overlaps, type Span } from '../model/span.js';
import type { NoticeRecord } from '../normalise/index.js';
import type { Finding, FindingKind } from './findings.js';
import {
  goldLists,
  LIST_FIELDS,
  matchList,
  normaliseText,
  predictedLists,
  SCALAR_FIELDS,
  scoreScalars,
  type GoldCard,
  type GoldItem,
  type ListField,
  type PredictedItem,
  type ScalarField,
} from './scoring.js';

/** A gold card's verdict on one record, item by item, for the review page. */
export interface GoldReview {
  card: { id: string; file: string };
  scalars: Array<{ field: ScalarField; correct: boolean; expected: string; found: string }>;
  lists: GoldListReview[];
}

export interface GoldListReview {
  field: ListField;
  matched: number;
  /** Required gold entries the record lacks; `finding` is the probable place, when the text holds it. */
  misses: Array<{ value: string; written: string; finding?: number }>;
  /** Record values the card does not have, with the findings that show them. */
  falseFinds: Array<{ value: string; findings: number[] }>;
}

export interface GoldTotals {
  card: string;
  misses: number;
  falseFinds: number;
  wrongFields: number;
}

const Text = z.string();
const Optional = z.boolean().optional();

/**
 * The shape of a gold card as ANNOTATION.md defines it and the scoring reads it: the document
 * fields (`issuers` among them, a set of names compared as one value), then the list fields.
 */
const GoldCardSchema = z.object({
  id: Text,
  file: Text,
  title: Text.nullable(),
  docType: Text.nullable(),
  docNumber: Text.nullable(),
  issuers: z.array(Text),
  recipients: Text.nullable(),
  signDate: Text.nullable(),
  publishDate: Text.nullable(),
  printDate: Text.nullable(),
  citedDocNumbers: z.array(Text),
  attachments: z.array(Text),
  phones: z.array(Text),
  emails: z.array(Text),
  units: z.array(z.object({ name: Text, roles: z.array(Text), optional: Optional })),
  quotas: z.array(z.object({ raw: Text.optional(), key: Text, optional: Optional })),
  deadlines: z.array(z.object({ raw: Text.optional(), key: Text, optional: Optional })),
});

function unreadable(path: string, reason: string): GongwenError {
  return new GongwenError('E_READ_FAILED', `cannot read the gold card ${path}: ${reason}`);
}

/** A parsed card, or a typed error that names the card file and the first field that is wrong. */
function asGoldCard(value: unknown, path: string): GoldCard {
  const checked = GoldCardSchema.safeParse(value);
  if (checked.success) return checked.data as GoldCard;
  const issue = checked.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  throw unreadable(path, `not a gold card${where}: ${issue?.message ?? 'invalid'} (see ANNOTATION.md for its fields)`);
}

/** The gold cards of a folder (`*.json`), in file-name order. */
export function readGoldCards(dir: string): GoldCard[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    throw new GongwenError('E_READ_FAILED', `cannot read the gold folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  return names.map((name) => {
    const path = join(dir, name);
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw unreadable(path, (error as Error).message);
    }
    return asGoldCard(value, path);
  });
}

/** A path with `/` between its parts, for comparing paths written on different systems. */
function pathParts(path: string): string[] {
  return path.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
}

/** Whether `path` ends with every part of `tail` (`/archive/seeds/001.txt` ends with `seeds/001.txt`). */
function endsWithPath(path: string, tail: string): boolean {
  const whole = pathParts(path);
  const end = pathParts(tail);
  return end.length > 0 && end.length <= whole.length && end.every((part, index) => whole[whole.length - end.length + index] === part);
}

/**
 * The card of a record: when the input path is known (from a convert manifest), the card whose
 * `file` the path ends with; else the card whose file has the record's source file name, as
 * the evaluation pairs them; failing that, the card whose id is the name without its
 * extensions (the fixtures `seed-001.txt`, `seed-001.pdf` … are renders of the card `seed-001`).
 */
export function cardFor(record: NoticeRecord, cards: readonly GoldCard[], inputPath?: string): GoldCard | undefined {
  if (inputPath !== undefined) {
    const byPath = cards.find((card) => endsWithPath(inputPath, card.file));
    if (byPath !== undefined) return byPath;
  }
  const name = record.source.fileName;
  if (name === undefined) return undefined;
  const stem = name.split('.')[0];
  return cards.find((card) => basename(card.file) === name) ?? cards.find((card) => card.id === stem);
}

const FIELD_KINDS: Record<ListField, FindingKind> = {
  citedDocNumbers: 'cited',
  attachments: 'attachment',
  phones: 'contact',
  emails: 'contact',
  units: 'unit',
  unitRoles: 'unit',
  quotas: 'quota',
  deadlines: 'deadline',
};

/** A text after the rule book's normalisation, with the place in the original of each unit of it. */
export interface FoldedText {
  folded: string;
  starts: number[];
  ends: number[];
}

/** NFKC character by character, white space dropped, keeping track of where each piece came from. */
export function foldText(text: string): FoldedText {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of text) {
    const normal = normaliseText(character);
    for (let unit = 0; unit < normal.length; unit += 1) {
      starts.push(offset);
      ends.push(offset + character.length);
    }
    folded += normal;
    offset += character.length;
  }
  return { folded, starts, ends };
}

/** Each place where the text holds `needle` after normalisation (so `（11 月 20 日）` holds `（11月20日）`), as spans of the original. */
export function placesIn(text: FoldedText, needle: string): Span[] {
  const wanted = normaliseText(needle);
  if (wanted === '') return [];
  const places: Span[] = [];
  for (let at = text.folded.indexOf(wanted); at >= 0; at = text.folded.indexOf(wanted, at + 1)) {
    places.push([text.starts[at]!, text.ends[at + wanted.length - 1]!]);
  }
  return places;
}

interface ReviewContext {
  text: FoldedText;
  /** The record's findings; misses are appended. */
  findings: Finding[];
}

/** The probable place of a missed item: an occurrence no finding of its kind covers, else the first. */
function probablePlace(item: GoldItem, kind: FindingKind, context: ReviewContext): Span | undefined {
  const places = placesIn(context.text, item.written);
  const ofKind = context.findings.filter((finding) => finding.kind === kind);
  return places.find((place) => !ofKind.some((finding) => overlaps(finding.span, place))) ?? places[0];
}

/** The findings that show a record value; for a (unit, role) pair, only the mentions in that role. */
function findingsShowing(findings: readonly Finding[], field: ListField, item: PredictedItem): Finding[] {
  const kind = FIELD_KINDS[field];
  const role = field === 'unitRoles' ? item.value.slice(item.value.lastIndexOf('/') + 1) : undefined;
  return findings.filter(
    (finding) =>
      finding.kind === kind &&
      (role === undefined || finding.value === role) &&
      item.spans.some((span) => span[0] === finding.span[0] && span[1] === finding.span[1]),
  );
}

function reviewList(field: ListField, gold: readonly GoldItem[], predicted: readonly PredictedItem[], context: ReviewContext): GoldListReview {
  const { findings } = context;
  const { goldMatched, predictedMatched } = matchList(gold, predicted.map((item) => item.value));
  const kind = FIELD_KINDS[field];
  const falseFinds = predicted
    .filter((_, index) => !predictedMatched[index])
    .map((item) => {
      const shown = findingsShowing(findings, field, item);
      for (const finding of shown) finding.gold = [...(finding.gold ?? []), `not in the gold card (${field}: ${item.value})`];
      return { value: item.value, findings: shown.map((finding) => finding.id) };
    });
  const misses = gold
    .filter((item, index) => !item.optional && !goldMatched[index])
    .map((item) => {
      const place = probablePlace(item, kind, context);
      if (place === undefined) return { value: item.value, written: item.written };
      const id = findings.length;
      findings.push({ id, kind: 'miss', label: `漏 missed (${field})`, value: item.value, details: [`gold card: ${item.written}`, 'probable place: where the text holds it'], span: place });
      return { value: item.value, written: item.written, finding: id };
    });
  return { field, matched: gold.filter((item, index) => !item.optional && goldMatched[index]).length, misses, falseFinds };
}

/**
 * Compares a record with its card as the scoring rules do. Record findings the card lacks get
 * a `gold` note; each missed item the text still holds becomes a `miss` finding appended to
 * `findings`, so that the page can show where it was.
 */
export function reviewAgainstGold(card: GoldCard, record: NoticeRecord, findings: Finding[]): GoldReview {
  const scalars = scoreScalars(card, record);
  const gold = goldLists(card);
  const predicted = predictedLists(record);
  const context: ReviewContext = { text: foldText(record.text), findings };
  return {
    card: { id: card.id, file: card.file },
    scalars: SCALAR_FIELDS.map((field) => ({ field, ...scalars[field] })),
    lists: LIST_FIELDS.map((field) => reviewList(field, gold[field], predicted[field], context)),
  };
}

export function goldTotals(review: GoldReview): GoldTotals {
  return {
    card: review.card.id,
    misses: review.lists.reduce((sum, list) => sum + list.misses.length, 0),
    falseFinds: review.lists.reduce((sum, list) => sum + list.falseFinds.length, 0),
    wrongFields: review.scalars.filter((scalar) => !scalar.correct).length,
  };
}
