import { endsLikeOrganisation, ORGANISATION_SUFFIXES } from '../../ingest/lexicon/organisations.js';
import { LEADING_NON_NAME, NAME_CONTINUATION, NAME_END, NAME_START, NOT_A_NAME, STRONG_SUFFIX, SUFFIX_LOOKALIKES } from '../lexicon/units.js';
import { splitOutsideBrackets } from '../text.js';

/** A name inside a piece of text: offsets are into that text. */
export interface NamePiece {
  name: string;
  start: number;
  end: number;
}

const MAX_NAME = 40;
const MAX_AFTER_GOVERNMENT = 10;
// Short names need no suffix: 各镇街, 联通, 东莞质量.
const MAX_SHORT_NAME = 6;
// Longer items are prose, not lists of names; splitting them would only cost time.
const MAX_ITEM = 120;
const SUFFIXES_LONGEST_FIRST = [...ORGANISATION_SUFFIXES].sort((a, b) => b.length - a.length);
const CONJUNCTION = /[和及与]/g;
const TRAILING_BRACKETS = /[（(][^（）()]*[）)]$/;
const ABBREVIATION_NOTE = /[（(]\s*(?:以下)?简称[^）)]*[）)]/g;

function trimmed(text: string, start: number, end: number): NamePiece | undefined {
  while (start < end && /[\s“”"'‘’]/.test(text[start]!)) start += 1;
  while (end > start && /[\s“”"'‘’]/.test(text[end - 1]!)) end -= 1;
  const leading = LEADING_NON_NAME.exec(text.slice(start, end));
  if (leading) start += leading[0].length;
  const name = text.slice(start, end);
  if (name.length < 2 || name.length > MAX_NAME || NOT_A_NAME.test(name) || !/\p{Script=Han}/u.test(name) || /[。：:]/.test(name)) return undefined;
  return { name, start, end };
}

/**
 * A long item that does not end like an organisation is a name followed by prose, as when a
 * `责任单位：` line runs into the next paragraph: keep the name, up to the last suffix in it.
 */
function withoutTrailingProse(text: string, start: number, end: number): number | undefined {
  // A bracketed note after a name is part of it: 市发展改革委（物价局）.
  const withoutNote = text.slice(start, end).replace(TRAILING_BRACKETS, '');
  if (end - start <= MAX_SHORT_NAME || endsLikeOrganisation(withoutNote)) return end;
  for (let cut = end - 1; cut >= start + 2; cut -= 1) if (suffixEndingAt(text, cut) !== undefined) return cut;
  return undefined;
}

/** Where an organisation suffix ends at `end` in the text (the longest suffix that does). */
function suffixEndingAt(text: string, end: number): string | undefined {
  const suffix = SUFFIXES_LONGEST_FIRST.find((candidate) => text.endsWith(candidate, end));
  return suffix === undefined || SUFFIX_LOOKALIKES.test(text.slice(end - suffix.length, end - suffix.length + 2)) ? undefined : suffix;
}

/**
 * Splits names written one after another with no separator: `各县(市)区人民政府市工信局`.
 * After a whole government (人民政府) a short unit name may follow directly; after any other
 * suffix, only a name that opens with its level (市, 省, 各 …) starts a new one. What continues
 * a name (`…领导小组办公室`, `…各成员单位`) never does.
 */
function splitRunTogether(text: string, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (let cut = from + 2; cut < end - 1; cut += 1) {
    const rest = text.slice(cut, end);
    if (NAME_CONTINUATION.test(rest) || !endsLikeOrganisation(rest) || suffixEndingAt(text, cut) === undefined) continue;
    if (/[（(][^）)]*$/.test(text.slice(from, cut))) continue;
    const afterGovernment = text.endsWith('人民政府', cut) && rest.length <= MAX_AFTER_GOVERNMENT && !STRONG_SUFFIX.test(rest);
    if (afterGovernment || NAME_START.test(rest)) {
      pieces.push([from, cut]);
      from = cut;
    }
  }
  pieces.push([from, end]);
  return pieces;
}

/** Splits on 和/及/与 only where the part before it is a whole name (`宣传部及各镇街`, not `市粮食和物资储备局`). */
function splitConjunctions(text: string, start: number, end: number): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let from = start;
  for (const match of text.slice(start, end).matchAll(CONJUNCTION)) {
    const at = start + match.index;
    if (at - from >= 2 && endsLikeOrganisation(text.slice(from, at)) && end - at > 2) {
      pieces.push([from, at]);
      from = at + 1;
    }
  }
  pieces.push([from, end]);
  return pieces;
}

/** Where the names of a clause end: before a quantity, a role word or the verb that follows them. */
export function namesEnd(text: string, start = 0, end = text.length): number {
  const stop = NAME_END.exec(text.slice(start, end));
  return stop === null ? end : start + stop.index;
}

/**
 * The names in a list of units (offsets into `text`): split on 、，,；; and white space outside
 * brackets, on 和/及 between whole names, and where names run together; a `（以下简称…）` note
 * is not part of the name.
 */
export function namesIn(text: string, start = 0, end = text.length, separators = /[、，,；;\s]/): NamePiece[] {
  const names: NamePiece[] = [];
  for (const item of splitOutsideBrackets(text.slice(start, end), separators)) {
    const itemStart = start + item.start;
    let itemEnd = start + item.end;
    if (itemEnd - itemStart > MAX_ITEM) continue;
    const note = [...text.slice(itemStart, itemEnd).matchAll(ABBREVIATION_NOTE)][0];
    if (note !== undefined) itemEnd = itemStart + note.index;
    for (const [conjunctionStart, conjunctionEnd] of splitConjunctions(text, itemStart, itemEnd)) {
      const nameEnd = withoutTrailingProse(text, conjunctionStart, conjunctionEnd);
      if (nameEnd === undefined) continue;
      for (const [pieceStart, pieceEnd] of splitRunTogether(text, conjunctionStart, nameEnd)) {
        const piece = trimmed(text, pieceStart, pieceEnd);
        if (piece) names.push(piece);
      }
    }
  }
  return names;
}
