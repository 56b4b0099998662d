import { ARABIC_DIGIT, CHINESE_MONTH_OR_DAY, CHINESE_YEAR } from '../ingest/lexicon/dates.js';
import { numberOf } from '../ingest/lexicon/numerals.js';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export interface FoundDate extends CalendarDate {
  /** Offsets into the searched string. */
  start: number;
  end: number;
}

// 2018年4月15日 · 二〇一八年四月十五日 · 2019-02-22, 2019.2.22, 2019/2/22
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?<!${ARABIC_DIGIT})(${ARABIC_DIGIT}{4})\\s*年\\s*(${ARABIC_DIGIT}{1,2})\\s*月\\s*(${ARABIC_DIGIT}{1,2})\\s*[日号]`, 'g'),
  new RegExp(`(${CHINESE_YEAR})\\s*年\\s*(${CHINESE_MONTH_OR_DAY})\\s*月\\s*(${CHINESE_MONTH_OR_DAY})\\s*[日号]`, 'g'),
  new RegExp(`(?<!${ARABIC_DIGIT})(${ARABIC_DIGIT}{4})\\s*[-－/／.．]\\s*(${ARABIC_DIGIT}{1,2})\\s*[-－/／.．]\\s*(${ARABIC_DIGIT}{1,2})(?!${ARABIC_DIGIT})`, 'g'),
];

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate({ year, month, day }: CalendarDate): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** A month and day as the end of an ISO 8601 date: `MM-DD`, or `MM` without a day. */
export function isoMonthDay(month: number, day?: number): string {
  const monthText = String(month).padStart(2, '0');
  return day === undefined ? monthText : `${monthText}-${String(day).padStart(2, '0')}`;
}

/** An ISO 8601 date at the precision written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function isoDate({ year, month, day }: { year: number; month?: number | undefined; day?: number | undefined }): string {
  const yearText = String(year).padStart(4, '0');
  return month === undefined ? yearText : `${yearText}-${isoMonthDay(month, day)}`;
}

/** Every complete date (year, month and day) written in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const pattern of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const year = numberOf(match[1]!);
      const month = numberOf(match[2]!);
      const day = numberOf(match[3]!);
      if (year === undefined || month === undefined || day === undefined) continue;
      const date = { year, month, day };
      if (!isValidDate(date)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((other) => other.start < end && start < other.end)) continue;
      found.push({ ...date, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const ENCLOSING = /^[\s（(【\[]*|[\s）)】\]]*$/g;

/** The date when the whole line is one date (brackets and spaces around it allowed). */
export function dateLine(line: string): FoundDate | undefined {
  const inner = line.replace(ENCLOSING, '');
  const offset = line.indexOf(inner);
  const [date] = findDates(inner);
  if (date === undefined || date.start !== 0 || date.end !== inner.length) return undefined;
  return { ...date, start: date.start + offset, end: date.end + offset };
}

/**
 * Readings of a date whose separators were lost (`2019222`): every split of the digits into a
 * valid year, month and day.
 */
export function damagedDateReadings(digits: string): CalendarDate[] {
  if (!/^\d{6,8}$/.test(digits)) return [];
  const year = Number(digits.slice(0, 4));
  const rest = digits.slice(4);
  const readings: CalendarDate[] = [];
  for (let cut = 1; cut < rest.length; cut += 1) {
    const monthText = rest.slice(0, cut);
    const dayText = rest.slice(cut);
    if (monthText.length > 2 || dayText.length > 2) continue;
    const date = { year, month: Number(monthText), day: Number(dayText) };
    if (isValidDate(date) && !readings.some((other) => isoDate(other) === isoDate(date))) readings.push(date);
  }
  return readings;
}
