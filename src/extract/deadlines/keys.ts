import { daysInMonth, isoDate, isoMonthDay } from '../dates.js';
import type { TimeAtom } from './grammar.js';
import type { ResolvedPoint } from './years.js';

/**
 * Dates with the precision written (ANNOTATION.md, Deadlines): `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`; 月底 and 年底 are the last day, 初 the month, 上旬/中旬/下旬 ten-day windows.
 */

/** The first day (at its precision) a point covers. */
export function firstOf(point: ResolvedPoint): string {
  const { year, month, day, part } = point;
  if (day !== undefined) return isoDate({ year, month, day });
  if (month === undefined) {
    if (part === 'end') return isoDate({ year, month: 12, day: 31 });
    return part === 'start' ? isoDate({ year, month: 1 }) : isoDate({ year });
  }
  switch (part) {
    case 'early':
      return isoDate({ year, month, day: 1 });
    case 'middle':
      return isoDate({ year, month, day: 11 });
    case 'late':
      return isoDate({ year, month, day: 21 });
    case 'end':
      return isoDate({ year, month, day: daysInMonth(year, month) });
    default:
      return isoDate({ year, month });
  }
}

/** The last day (at its precision) a point covers; a limit falls on it. */
export function lastOf(point: ResolvedPoint): string {
  const { year, month, day, part } = point;
  if (day !== undefined || month === undefined) return firstOf(point);
  switch (part) {
    case 'early':
      return isoDate({ year, month, day: 10 });
    case 'middle':
      return isoDate({ year, month, day: 20 });
    case 'late':
      return isoDate({ year, month, day: daysInMonth(year, month) });
    default:
      return firstOf(point);
  }
}

/**
 * The point of a repeating limit: `MM-DD` or `MM` in a year (a month-end in a common year:
 * `每年2月底前` is `02-28`), the day in a month, the weekday in a week.
 */
export function recurringPoint(atom: TimeAtom, period: 'week' | 'month' | 'year'): string | undefined {
  if (period === 'week') return atom.weekday === undefined ? undefined : String(atom.weekday);
  if (period === 'month') return atom.day === undefined ? undefined : String(atom.day);
  if (atom.month === undefined) return undefined;
  if (atom.day !== undefined) return isoMonthDay(atom.month, atom.day);
  if (atom.part === 'end') return isoMonthDay(atom.month, daysInMonth(2001, atom.month));
  return isoMonthDay(atom.month);
}

/** The last calendar day a date of any precision covers, as a UTC time, to compare dates. */
export function lastMoment(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return Date.UTC(year, 11, 31);
  return Date.UTC(year, month - 1, day ?? daysInMonth(year, month));
}
