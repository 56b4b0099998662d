import { daysInMonth, type CalendarDate } from '../dates.js';
import type { PeriodPart } from '../lexicon/deadlines.js';
import type { TimeAtom } from './grammar.js';

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

/**
 * One month before the reference date, as a UTC time (the same day, or the month's last): a
 * year-less date is read no earlier than this, and a limit ending before it is already past.
 */
export function monthBefore(reference: CalendarDate): number {
  const month = reference.month === 1 ? { year: reference.year - 1, month: 12 } : { year: reference.year, month: reference.month - 1 };
  return Date.UTC(month.year, month.month - 1, Math.min(reference.day, daysInMonth(month.year, month.month)));
}

/** The last day a month-day (or a whole month, or a part of one) can mean. */
function lastDayOf(atom: TimeAtom, year: number): number {
  const month = atom.month ?? 12;
  if (atom.day !== undefined) return atom.day;
  if (atom.part === 'early') return 10;
  if (atom.part === 'middle') return 20;
  return daysInMonth(year, month);
}

/**
 * The first year in which the atom ends no earlier than one month before the reference date:
 * the year before it (a December date read in January), the reference year, or the next.
 */
function yearFromReference(atom: TimeAtom, reference: CalendarDate): number {
  const threshold = monthBefore(reference);
  const endsBy = (year: number): number => Date.UTC(year, (atom.month ?? 12) - 1, lastDayOf(atom, year));
  if (endsBy(reference.year - 1) >= threshold) return reference.year - 1;
  return endsBy(reference.year) >= threshold ? reference.year : reference.year + 1;
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
