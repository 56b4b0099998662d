import type { CalendarDate } from '../dates.js';
import type { PeriodPart } from '../lexicon/deadlines.js';
import { daysIn, type TimeAtom } from './grammar.js';

/**
 * The year of a date written without one (ANNOTATION.md, Deadlines): the year written in the
 * same sentence or cell; in a range or list, the year of the date just read, rolled into the
 * next year when the month-day falls before it (`11.10 至 1.10`); failing both, the first year
 * in which it falls no earlier than one month before the signing (or publication) date.
 */

export interface ResolvedPoint {
  year: number;
  month?: number;
  day?: number;
  part?: PeriodPart;
  /** The year was inferred, not written. */
  implied: boolean;
}

export interface YearSources {
  /** The last year written before the list in the same sentence or cell. */
  sentenceYear?: number;
  reference?: CalendarDate;
}

function ordinal(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** The last day a month-day (or a whole month, or a part of one) can mean. */
function lastDayOf(atom: TimeAtom, year: number): number {
  const month = atom.month ?? 12;
  if (atom.day !== undefined) return atom.day;
  if (atom.part === 'early') return 10;
  if (atom.part === 'middle') return 20;
  return daysIn(year, month);
}

/** The first year in which the atom ends no earlier than one month before the reference date. */
export function yearFromReference(atom: TimeAtom, reference: CalendarDate): number {
  const monthBefore = reference.month === 1 ? { year: reference.year - 1, month: 12 } : { year: reference.year, month: reference.month - 1 };
  const threshold = ordinal(monthBefore.year, monthBefore.month, Math.min(reference.day, daysIn(monthBefore.year, monthBefore.month)));
  for (let year = reference.year - 1; year < reference.year + 1; year += 1) {
    if (ordinal(year, atom.month ?? 12, lastDayOf(atom, year)) >= threshold) return year;
  }
  return reference.year + 1;
}

function monthDayKey(month: number, day: number | undefined): number {
  return month * 100 + (day ?? 0);
}

function point(atom: TimeAtom, year: number, month: number | undefined, implied: boolean): ResolvedPoint {
  const resolved: ResolvedPoint = { year, implied };
  if (month !== undefined) resolved.month = month;
  if (atom.day !== undefined) resolved.day = atom.day;
  if (atom.part !== undefined) resolved.part = atom.part;
  return resolved;
}

/**
 * Resolves the points of one range or list in reading order. A point is undefined when no year
 * can be found (no year in the sentence and no reference date) or, for a lone day, no month.
 */
export function resolveChain(atoms: readonly TimeAtom[], sources: YearSources): Array<ResolvedPoint | undefined> {
  const resolved: Array<ResolvedPoint | undefined> = [];
  let previous: ResolvedPoint | undefined;
  for (const atom of atoms) {
    let current: ResolvedPoint | undefined;
    if (atom.year !== undefined) {
      current = point(atom, atom.year, atom.month, false);
    } else if (previous !== undefined && previous.month !== undefined) {
      let year = previous.year;
      let month = atom.month ?? previous.month;
      if (atom.month === undefined && atom.day !== undefined && previous.day !== undefined && atom.day < previous.day) month += 1;
      if (month > 12) {
        month -= 12;
        year += 1;
      }
      if (monthDayKey(month, atom.day) < monthDayKey(previous.month, previous.day) && atom.month !== undefined) year += 1;
      current = point(atom, year, month, true);
    } else if (atom.month !== undefined && sources.sentenceYear !== undefined) {
      current = point(atom, sources.sentenceYear, atom.month, true);
    } else if (atom.month !== undefined && sources.reference !== undefined) {
      current = point(atom, yearFromReference(atom, sources.reference), atom.month, true);
    }
    resolved.push(current);
    if (current !== undefined) previous = current;
  }
  return resolved;
}
