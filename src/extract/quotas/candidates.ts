import type { Comparator } from '../findings.js';
import { COMPARATORS_AFTER, MAGNITUDES, NOT_AFTER_UNIT, RATE_MAGNITUDES, TIME_UNITS, UNITS, WITHIN } from '../lexicon/quotas.js';
import { readArabic, readChinese, readChinesePercent, type QuotaNumber } from './numbers.js';

/** A number with its unit, as the scanner reads it; offsets are into the searched text. */
export interface Candidate {
  number: QuotaNumber;
  numberStart: number;
  /** Unit as keyed: NFKC, no white space (`万元`, `个工作日`, `/千人`, `元/件`). */
  unit: string;
  /** The bare unit, without magnitude or rate (`元` in `万元/家`): what `NOT_AFTER_UNIT` and date rules read. */
  baseUnit: string;
  unitEnd: number;
  /** `余`, `多` between number and unit (`10余家`). */
  roughly: boolean;
  /** A comparator written after the unit (`以上`, `以内`, `左右`) and where it ends. */
  after?: { comparator: Comparator; end: number };
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escape).join('|');
}

const UNIT = alternation(UNITS);
const MAGNITUDE = alternation(MAGNITUDES);
const RATE = `/(?:${alternation(RATE_MAGNITUDES)})?(?:${UNIT})(?:·(?:${UNIT}))?`;
// Every quantifier is bounded and every start is anchored by a look-behind, so a long run of
// digits or numerals is tried once: the scan stays linear on any text.
const ARABIC = '[0-9０-９]{1,12}(?:,[0-9]{3}){0,4}(?:[.．][0-9０-９]{1,6})?';
const ARABIC_RANGE = `${ARABIC}(?:\\s{0,3}(?:[-－—–~～〜]{1,2}|至)\\s{0,3}${ARABIC})?`;
const NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';
// A number right after 百分之 is a share, read by PERCENT alone.
const QUANTITY = new RegExp(
  `(?<![0-9０-９.．A-Za-z${NUMERAL_CHARS}])(?<!百分之)(?:(?<arabic>${ARABIC_RANGE})|(?<chinese>[${NUMERAL_CHARS}]{1,12}))` +
    `\\s{0,3}(?<roughly>余|多)?\\s{0,3}` +
    `(?<unit>(?<magnitude>${MAGNITUDE})?(?<base>${UNIT})(?:${RATE})?|(?<rate>${RATE}))`,
  'dgu',
);
/** A share written out (`百分之九十`, `百分之十五点五`, `百分之12.5`): the whole phrase is number and unit. */
const PERCENT = new RegExp(`百分之(?:(?<arabic>${ARABIC})|(?<chinese>[${NUMERAL_CHARS}]{1,12}(?:点[〇零一二两三四五六七八九]{1,6})?))`, 'gu');
const AFTER = new RegExp(`^\\s{0,3}(?:[（(]\\s?含\\s?[）)]\\s{0,3})?(?:(?<word>${alternation(COMPARATORS_AFTER.map((entry) => entry.word))})|(?<within>${WITHIN}))`, 'u');

function comparatorAfter(text: string, from: number, baseUnit: string): Candidate['after'] {
  const match = AFTER.exec(text.slice(from, from + 16));
  if (!match) return undefined;
  const end = from + match[0].length;
  if (match.groups?.['within'] !== undefined) return TIME_UNITS.has(baseUnit) ? { comparator: '<=', end } : undefined;
  const entry = COMPARATORS_AFTER.find((candidate) => candidate.word === match.groups?.['word']);
  return entry === undefined ? undefined : { comparator: entry.comparator, end };
}

/** A trailing 万 or 亿 of a Chinese numeral is the unit's magnitude (`五万元` → 5 万元, as `5万元`). */
function splitMagnitude(numeral: string): { numeral: string; magnitude: string } {
  const last = numeral.at(-1);
  if (numeral.length > 1 && (last === '万' || last === '亿')) return { numeral: numeral.slice(0, -1), magnitude: last };
  return { numeral, magnitude: '' };
}

/** Every number followed by a unit, in order; no judgement yet on whether it is a quota. */
export function findCandidates(text: string): Candidate[] {
  return [...quantities(text), ...percents(text)].sort((a, b) => a.numberStart - b.numberStart);
}

function quantities(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const groups = match.groups ?? {};
    const indices = match.indices?.groups ?? {};
    const unitSpan = indices['unit'];
    if (unitSpan === undefined) continue;
    const baseUnit = groups['base'] ?? '';
    const follower = text.slice(unitSpan[1], unitSpan[1] + 1);
    if (follower !== '' && NOT_AFTER_UNIT[baseUnit]?.includes(follower)) continue;
    let number: QuotaNumber | undefined;
    let magnitude = '';
    if (groups['arabic'] !== undefined) {
      number = readArabic(groups['arabic']);
    } else if (groups['chinese'] !== undefined) {
      const split = splitMagnitude(groups['chinese']);
      magnitude = split.magnitude;
      number = readChinese(split.numeral);
    }
    if (number === undefined) continue;
    const unit = (magnitude + groups['unit']!).normalize('NFKC').replace(/\s+/g, '');
    found.push({
      number,
      numberStart: match.index,
      unit,
      baseUnit,
      unitEnd: unitSpan[1],
      roughly: groups['roughly'] !== undefined,
      ...withAfter(comparatorAfter(text, unitSpan[1], baseUnit)),
    });
  }
  return found;
}

/** `百分之九十` keys as `90%`; its span starts at 百 so that the raw text holds the whole phrase. */
function percents(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(PERCENT)) {
    const { arabic, chinese } = match.groups ?? {};
    const number = arabic !== undefined ? readArabic(arabic) : readChinesePercent(chinese ?? '');
    if (number === undefined) continue;
    const unitEnd = match.index + match[0].length;
    found.push({ number, numberStart: match.index, unit: '%', baseUnit: '%', unitEnd, roughly: false, ...withAfter(comparatorAfter(text, unitEnd, '%')) });
  }
  return found;
}

function withAfter(after: Candidate['after']): Pick<Candidate, 'after'> {
  return after === undefined ? {} : { after };
}
