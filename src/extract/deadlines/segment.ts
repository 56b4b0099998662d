import type { CalendarDate } from '../dates.js';
import { CLAUSE_END, RELATIVE_YEARS, SENTENCE_END } from '../lexicon/deadlines.js';
import { linkAtoms, type Point } from './expressions.js';
import { findAtoms } from './grammar.js';
import { REFINERS, type SegmentView } from './refiners.js';
import { readItem, type Draft, type RuleInput } from './rules.js';
import { resolveChain, type ResolvedPoint } from './years.js';

/**
 * One line or cell read for deadlines: its atoms linked into lists, each item read by the rules,
 * the drafts refined, and every point given a year.
 */

export interface Segment {
  /** The masked text of the line or cell. */
  text: string;
  kind: 'line' | 'cell';
  column?: 'limit' | 'schedule';
}

export interface SegmentReading {
  drafts: Draft[];
  /** The year each point was given; absent when none could be found. */
  years: Map<Point, ResolvedPoint | undefined>;
}

/** How far around a date its cue words are sought; keeps a long run of text linear. */
const CONTEXT = 60;
const SENTENCE_CONTEXT = 200;
/** A label that schedules a line's date stands at its start (`第一期：`). */
const LABEL_REACH = 24;

const RELATIVE_YEAR = new RegExp(`(${Object.keys(RELATIVE_YEARS).join('|')})\\s*$`);

/** The year a word right before a list names from the reference date (`明年` → the year after). */
function namedYear(before: string, reference: CalendarDate | undefined): number | undefined {
  const word = RELATIVE_YEAR.exec(before.slice(-6))?.[1];
  return word === undefined || reference === undefined ? undefined : reference.year + RELATIVE_YEARS[word]!;
}

/** For each offset, where its sentence (or clause) starts and where it ends. */
function bounds(text: string, boundary: RegExp): { starts: Int32Array; ends: Int32Array } {
  const starts = new Int32Array(text.length + 1);
  const ends = new Int32Array(text.length + 1);
  let start = 0;
  for (let index = 0; index <= text.length; index += 1) {
    starts[index] = start;
    if (index < text.length && boundary.test(text[index]!)) start = index + 1;
  }
  let end = text.length;
  for (let index = text.length; index >= 0; index -= 1) {
    if (index < text.length && boundary.test(text[index]!)) end = index;
    ends[index] = end;
  }
  return { starts, ends };
}

export function readSegment(segment: Segment, reference: CalendarDate | undefined): SegmentReading {
  const { text } = segment;
  const atoms = findAtoms(text, { dotted: segment.column !== undefined });
  const years = new Map<Point, ResolvedPoint | undefined>();
  if (atoms.length === 0) return { drafts: [], years };
  const sentences = bounds(text, new RegExp(SENTENCE_END));
  const clauses = bounds(text, new RegExp(CLAUSE_END));
  const view: SegmentView = {
    text,
    sentenceBefore: (offset) => text.slice(Math.max(sentences.starts[offset]!, offset - SENTENCE_CONTEXT), offset),
  };
  const lists = linkAtoms(text, atoms);
  let drafts: Draft[] = [];
  let atomIndex = 0;
  let sentenceYear: { year: number; sentence: number } | undefined;
  for (const list of lists) {
    const sentence = sentences.starts[list.start]!;
    // The year written last before the list in its sentence (ANNOTATION.md: same sentence or cell).
    while (atomIndex < atoms.length && atoms[atomIndex]!.start < list.start) {
      const atom = atoms[atomIndex]!;
      if (atom.year !== undefined) sentenceYear = { year: atom.year, sentence: sentences.starts[atom.start]! };
      atomIndex += 1;
    }
    const points = list.items.flatMap((item) => item.points);
    const yearOfSentence = namedYear(text.slice(Math.max(sentence, list.start - 6), list.start), reference) ?? (sentenceYear?.sentence === sentence ? sentenceYear.year : undefined);
    const sources = { ...(yearOfSentence === undefined ? {} : { sentenceYear: yearOfSentence }), ...(reference ? { reference } : {}) };
    resolveChain(
      points.map((point) => point.atom),
      sources,
    ).forEach((resolved, index) => years.set(points[index]!, resolved));
    for (const item of list.items) {
      const input: RuleInput = {
        list,
        item,
        before: text.slice(Math.max(sentence, list.start - CONTEXT), list.start),
        after: text.slice(item.end, Math.min(sentences.ends[item.end]!, item.end + CONTEXT)),
        afterList: text.slice(list.end, Math.min(sentences.ends[list.end]!, list.end + CONTEXT)),
        clause: text.slice(Math.max(clauses.starts[item.start]!, item.start - CONTEXT), Math.min(clauses.ends[item.end]!, item.end + CONTEXT)),
        ...(segment.column ? { column: segment.column } : {}),
        ...(segment.kind === 'line' && list.start <= LABEL_REACH ? { lineBefore: text.slice(0, list.start) } : {}),
        ...(reference ? { reference } : {}),
      };
      const draft = readItem(input);
      if (draft !== undefined) drafts.push(draft);
    }
  }
  for (const refine of REFINERS) drafts = refine(drafts, view);
  return { drafts, years };
}
