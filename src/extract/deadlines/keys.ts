import type { TimeAtom } from './grammar.js';
import { daysIn } from './grammar.js';
import type { ResolvedPoint } from './years.js';

/**
 * Dates with the precision written (ANNOTATION.md, Deadlines): `YYYY`, `YYYY-MM` or
 * `YYYY-MM-DD`; 月底 and 年底 are the last day, 初 the month, 上旬/中旬/下旬 ten-day windows.
 */

const pad = (value: number): string => String(value).padStart(2, '0');

function written(year: number, month?: number, day?: number): string {
  if (month === undefined) return String(year).padStart(4, '0');
  if (day === undefined) return `${String(year).padStart(4, '0')}-${pad(month)}`;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** The first day (at its precision) a point covers. */
export function firstOf(point: ResolvedPoint): string {
  const { year, month, day, part } = point;
  if (day !== undefined) return written(year, month, day);
  if (month === undefined) return part === 'end' ? written(year, 12, 31) : part === 'start' ? written(year, 1) : written(year);
  switch (part) {
    case 'early':
      return written(year, month, 1);
    case 'middle':
      return written(year, month, 11);
    case 'late':
      return written(year, month, 21);
    case 'end':
      return written(year, month, daysIn(year, month));
    default:
      return written(year, month);
  }
}

/** The last day (at its precision) a point covers; a limit falls on it. */
export function lastOf(point: ResolvedPoint): string {
  const { year, month, day, part } = point;
  if (day !== undefined || month === undefined) return firstOf(point);
  switch (part) {
    case 'early':
      return written(year, month, 10);
    case 'middle':
      return written(year, month, 20);
    case 'late':
      return written(year, month, daysIn(year, month));
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
  if (atom.day !== undefined) return `${pad(atom.month)}-${pad(atom.day)}`;
  if (atom.part === 'end') return `${pad(atom.month)}-${pad(daysIn(2001, atom.month))}`;
  return pad(atom.month);
}

/** The last calendar day a date of any precision covers, as a UTC time, to compare dates. */
export function lastMoment(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (month === undefined) return Date.UTC(year, 11, 31);
  return Date.UTC(year, month - 1, day ?? daysIn(year, month));
}
