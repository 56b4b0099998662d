import {
  LIMIT_SUFFIX,
  LIST_CONNECTOR,
  PAST_SUFFIX,
  RANGE_CONNECTOR,
  START_SUFFIX,
  TIME_OF_DAY,
  WEEKDAY_NUMBERS,
  WEEKDAY_WORD,
} from '../lexicon/deadlines.js';
import type { TimeAtom } from './grammar.js';

/**
 * Atoms joined into what a sentence says: a point, a range (`11月20日至25日`), and lists of them
 * (`11月20日至25日、1月5日至15日`), each atom with the words written right after it.
 */

export type SuffixKind = 'limit' | 'start' | 'past';

/** What follows an atom: a weekday, a closing bracket, a time of day, then 前, 起 or 以来. */
export interface Tail {
  /** Where the tail ends (the atom's end when nothing follows). */
  end: number;
  /** Where the expression starts: before an opening bracket that the tail closes. */
  start: number;
  weekday?: { value: number; raw: string };
  suffix?: { kind: SuffixKind; word: string };
}

export interface Point {
  atom: TimeAtom;
  tail: Tail;
}

/** One point or a range of two. */
export interface Item {
  points: [Point] | [Point, Point];
  start: number;
  end: number;
}

export interface DateList {
  items: Item[];
  start: number;
  end: number;
}

const WEEKDAY_TAIL = new RegExp(`\\s*(?:[（(]\\s*${WEEKDAY_WORD}([一二三四五六日天])\\s*[）)]|${WEEKDAY_WORD}([一二三四五六日天]))`, 'y');
const CLOSING_BRACKET = /\s*[）)]/y;
const TIME_OF_DAY_TAIL = new RegExp(`\\s*(?:${TIME_OF_DAY})`, 'y');
const SUFFIX_TAIL = new RegExp(`\\s*(?:(${LIMIT_SUFFIX})|(${START_SUFFIX})|(${PAST_SUFFIX}))`, 'y');
const OPENING_BRACKET = /[（(]\s*$/;
const RANGE_LINK = new RegExp(`^\\s*(?:${RANGE_CONNECTOR})\\s*$`);
const LIST_LINK = new RegExp(`^\\s*(?:${LIST_CONNECTOR})\\s*$`);

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function readSuffix(text: string, at: number): { end: number; suffix: NonNullable<Tail['suffix']> } | undefined {
  const match = stickyMatch(SUFFIX_TAIL, text, at);
  if (match === null) return undefined;
  const kind: SuffixKind = match[1] !== undefined ? 'limit' : match[2] !== undefined ? 'start' : 'past';
  return { end: at + match[0].length, suffix: { kind, word: (match[1] ?? match[2] ?? match[3])! } };
}

/** Reads the words after an atom; a time of day counts only when a limit follows it (`下午下班前`). */
function readTail(text: string, atom: TimeAtom): Tail {
  let end = atom.end;
  let start = atom.start;
  const tail: Tail = { start, end };
  const weekday = stickyMatch(WEEKDAY_TAIL, text, end);
  if (weekday !== null) {
    const value = WEEKDAY_NUMBERS[(weekday[1] ?? weekday[2])!];
    if (value !== undefined) tail.weekday = { value, raw: weekday[0].trim() };
    end += weekday[0].length;
  }
  const opening = OPENING_BRACKET.exec(text.slice(Math.max(0, start - 4), start));
  if (opening !== null) {
    const closing = stickyMatch(CLOSING_BRACKET, text, end);
    if (closing !== null) {
      start -= opening[0].length;
      end += closing[0].length;
    }
  }
  const direct = readSuffix(text, end);
  const timeOfDay = direct === undefined ? stickyMatch(TIME_OF_DAY_TAIL, text, end) : null;
  const afterTime = timeOfDay === null ? undefined : readSuffix(text, end + timeOfDay[0].length);
  const suffix = direct ?? afterTime;
  if (suffix !== undefined) {
    tail.suffix = suffix.suffix;
    end = suffix.end;
  }
  tail.start = start;
  tail.end = end;
  return tail;
}

/**
 * Joins atoms into items and lists. Two points are a range when only a range connector stands
 * between them and the first has no suffix (`11.10 至 1.10`); items are a list when joined by
 * 、, 和, 或 … (`12月底或2014年1月初`).
 */
export function linkAtoms(text: string, atoms: readonly TimeAtom[]): DateList[] {
  const points = atoms.map((atom): Point => ({ atom, tail: readTail(text, atom) }));
  const lists: DateList[] = [];
  let index = 0;
  while (index < points.length) {
    const first = points[index]!;
    const next = points[index + 1];
    let item: Item;
    if (next !== undefined && first.tail.suffix === undefined && RANGE_LINK.test(text.slice(first.tail.end, next.atom.start))) {
      item = { points: [first, next], start: first.tail.start, end: next.tail.end };
      index += 2;
    } else {
      item = { points: [first], start: first.tail.start, end: first.tail.end };
      index += 1;
    }
    const list = lists.at(-1);
    if (list !== undefined && LIST_LINK.test(text.slice(list.end, item.start))) {
      list.items.push(item);
      list.end = item.end;
    } else {
      lists.push({ items: [item], start: item.start, end: item.end });
    }
  }
  return lists;
}
