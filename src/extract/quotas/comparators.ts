import type { Comparator } from '../findings.js';
import { COMPARATORS_BEFORE, type ComparatorWord } from '../lexicon/quotas.js';

/**
 * A comparator governs the numbers of its own clause only, and never reaches back past another
 * number: in `最高3000万元、占股比例不超过20%` each number has its own.
 */
const CLAUSE_BREAK = /[，,。；;：:！!？?、（）()【】\n]/;
/** A period or scope may govern a list (`每个广场、公园…至少设置…1个`), so only these end its reach. */
const SENTENCE_BREAK = /[，,。；;：:！!？?（）()【】\n]/;
/** Farthest a comparator stands from its number (`不超过上年同档次产品市场销售均价的30%`). */
const MAX_REACH = 30;
const NEAR = 6;

/**
 * Where the clause that holds a number begins, no earlier than `floor`; with `acrossLists`, a
 * list separated by 、 does not end it.
 */
export function clauseStart(text: string, numberStart: number, floor: number, acrossLists = false): number {
  const from = Math.max(floor, numberStart - MAX_REACH);
  const breaks = acrossLists ? SENTENCE_BREAK : CLAUSE_BREAK;
  for (let i = numberStart - 1; i >= from; i -= 1) if (breaks.test(text[i]!)) return i + 1;
  return from;
}

export interface ComparatorBefore {
  comparator: Comparator;
  word: string;
  /** Offset of the word in the searched text. */
  start: number;
  /** A rise or fall to a level (`提高至35%`): the number is the level, not the change. */
  level: boolean;
}

const WORDS = new Map(COMPARATORS_BEFORE.map((entry) => [entry.word, entry]));
const PATTERN = new RegExp([...WORDS.keys()].sort((a, b) => b.length - a.length).join('|'), 'g');

/** A number right after a comparator is the one it governs: `至少一方…3年` says nothing of 3年. */
const GOVERNS_OTHER_NUMBER = /^\s*[0-9０-９〇零一二两三四五六七八九十百千]/;

function reaches(entry: ComparatorWord, gap: string): boolean {
  if (GOVERNS_OTHER_NUMBER.test(gap) && gap.trim() !== '') return false;
  if (entry.reach === 'adjacent') return gap.trim() === '';
  if (entry.reach === 'near') return gap.length <= NEAR && !gap.includes('的');
  return true;
}

/** The comparator word nearest before the number in its clause that reaches it. */
export function comparatorBefore(text: string, from: number, numberStart: number): ComparatorBefore | undefined {
  const window = text.slice(from, numberStart);
  let chosen: ComparatorBefore | undefined;
  for (const match of window.matchAll(PATTERN)) {
    const entry = WORDS.get(match[0])!;
    if (!reaches(entry, window.slice(match.index + match[0].length))) continue;
    chosen = { comparator: entry.comparator, word: entry.word, start: from + match.index, level: entry.comparator === '=' };
  }
  return chosen;
}
