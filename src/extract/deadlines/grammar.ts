import { ARABIC_DIGIT, CHINESE_MONTH_OR_DAY, CHINESE_YEAR, CHINESE_YEAR_DIGIT } from '../../ingest/lexicon/dates.js';
import { numberOf } from '../../ingest/lexicon/numerals.js';
import { isValidDate } from '../dates.js';
import {
  NOT_AFTER_START,
  PERIOD_PARTS,
  RANGE_CONNECTOR,
  WEEKDAY_NUMBERS,
  WEEKDAY_WORD,
  type PeriodPart,
} from '../lexicon/deadlines.js';

/**
 * The calendar points a notice writes, each as written: `2013年11月12日`, `12月底`, `6月下旬`,
 * `2020年`, `18日`, `11.20` in a 完成时限 cell. An atom says nothing yet about being a deadline;
 * the rules decide that from the words around it.
 */
export interface TimeAtom {
  /** Offsets into the searched string. */
  start: number;
  end: number;
  /** A year written in the atom (never inferred here). */
  year?: number;
  month?: number;
  day?: number;
  part?: PeriodPart;
  /** 周五 after 每: a weekday that repeats. */
  weekday?: number;
}

type AtomValue = Omit<TimeAtom, 'start' | 'end'>;

interface AtomParser {
  name: string;
  pattern: RegExp;
  read(groups: ReadonlyArray<string | undefined>): AtomValue | undefined;
}

const NUMERAL = `(?:${ARABIC_DIGIT}|${CHINESE_YEAR_DIGIT}|十)`;
const NOT_AFTER_DIGIT = `(?<!${ARABIC_DIGIT}|[.．])`;
const NOT_AFTER_NUMERAL = `(?<!${NUMERAL})`;
/**
 * A day right after the month of a date is part of that date, never a day alone (`13月20日` is
 * no date at all); after 每月 or 每个月 it is the day that repeats.
 */
const NOT_AFTER_MONTH_OF_DATE = `(?<!${NUMERAL}\\s*月份?\\s*)`;
const YEAR = `(${ARABIC_DIGIT}{4}|${CHINESE_YEAR})\\s*年`;
const MONTH = `(${ARABIC_DIGIT}{1,2}|[一二三四五六七八九十]{1,2})\\s*月份?`;
const DAY = `(${ARABIC_DIGIT}{1,2}|${CHINESE_MONTH_OR_DAY})\\s*[日号]`;
const START_PART = `初(?!${NOT_AFTER_START})`;
const MONTH_PART = `(?:\\s*(底|末|${START_PART}|上旬|中旬|下旬))?`;
const YEAR_PART = `(?:\\s*(底|末|${START_PART}))?`;
/** The unit written once after a range (`2018—2020年`, `5—6月`, `20—25日`) belongs to both ends. */
const BEFORE_RANGE_OF = (unit: string): string => `(?=\\s*(?:${RANGE_CONNECTOR})\\s*${ARABIC_DIGIT}{1,4}\\s*${unit})`;

function partOf(text: string | undefined): PeriodPart | undefined {
  return text === undefined ? undefined : PERIOD_PARTS[text];
}

/** Builds an atom value without the fields a form does not write (exactOptionalPropertyTypes). */
function atom(fields: { year?: number | undefined; month?: number | undefined; day?: number | undefined; part?: PeriodPart | undefined }): AtomValue | undefined {
  const { year, month, day, part } = fields;
  // A year-less date is checked against a leap year, so 2月29日 stays possible.
  if (!isValidDate({ year: year ?? 2000, month: month ?? 1, day: day ?? 1 })) return undefined;
  const value: AtomValue = {};
  if (year !== undefined) value.year = year;
  if (month !== undefined) value.month = month;
  if (day !== undefined) value.day = day;
  if (part !== undefined) value.part = part;
  return value;
}

const WRITTEN_PARSERS: readonly AtomParser[] = [
  {
    name: 'year-month-day',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${YEAR}\\s*${MONTH}\\s*${DAY}`, 'g'),
    read: ([, year, month, day]) => atom({ year: numberOf(year), month: numberOf(month), day: numberOf(day) }),
  },
  {
    name: 'numeric-date',
    pattern: new RegExp(`${NOT_AFTER_DIGIT}(${ARABIC_DIGIT}{4})\\s*[-－/／.．]\\s*(${ARABIC_DIGIT}{1,2})\\s*[-－/／.．]\\s*(${ARABIC_DIGIT}{1,2})(?!${ARABIC_DIGIT})`, 'g'),
    read: ([, year, month, day]) => atom({ year: numberOf(year), month: numberOf(month), day: numberOf(day) }),
  },
  {
    name: 'year-month',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${YEAR}\\s*${MONTH}${MONTH_PART}`, 'g'),
    read: ([, year, month, part]) => atom({ year: numberOf(year), month: numberOf(month), part: partOf(part) }),
  },
  {
    name: 'month-day',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${MONTH}\\s*${DAY}`, 'g'),
    read: ([, month, day]) => atom({ month: numberOf(month), day: numberOf(day) }),
  },
  {
    name: 'month',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${MONTH}${MONTH_PART}`, 'g'),
    read: ([, month, part]) => atom({ month: numberOf(month), part: partOf(part) }),
  },
  {
    name: 'year',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${YEAR}${YEAR_PART}`, 'g'),
    read: ([, year, part]) => atom({ year: numberOf(year), part: partOf(part) }),
  },
  {
    // 年底 with no year before it: the year is inferred like that of any month-day.
    name: 'year-part',
    pattern: new RegExp(`(?<!(?:${ARABIC_DIGIT}|${CHINESE_YEAR_DIGIT})\\s*)年(底|末|${START_PART})`, 'g'),
    read: ([, part]) => {
      const read = partOf(part);
      return read === 'end' ? atom({ month: 12, part: 'end' }) : atom({ month: 1, part: 'start' });
    },
  },
  {
    name: 'day',
    pattern: new RegExp(`(?<!${ARABIC_DIGIT}|个)${NOT_AFTER_MONTH_OF_DATE}${DAY}`, 'g'),
    read: ([, day]) => atom({ day: numberOf(day) }),
  },
  {
    name: 'year-before-range',
    pattern: new RegExp(`${NOT_AFTER_DIGIT}(${ARABIC_DIGIT}{4})${BEFORE_RANGE_OF('年')}`, 'g'),
    read: ([, year]) => atom({ year: numberOf(year) }),
  },
  {
    name: 'month-before-range',
    pattern: new RegExp(`(?<=年\\s*)(${ARABIC_DIGIT}{1,2})${BEFORE_RANGE_OF('月')}`, 'g'),
    read: ([, month]) => atom({ month: numberOf(month) }),
  },
  {
    name: 'month-day-before-range',
    pattern: new RegExp(`${NOT_AFTER_NUMERAL}${MONTH}\\s*(${ARABIC_DIGIT}{1,2})${BEFORE_RANGE_OF('[日号]')}`, 'g'),
    read: ([, month, day]) => atom({ month: numberOf(month), day: numberOf(day) }),
  },
  {
    name: 'weekday',
    pattern: new RegExp(`(?<=每个?)${WEEKDAY_WORD}([一二三四五六日天])(?![次个至到])`, 'g'),
    read: ([, weekday]) => (weekday === undefined ? undefined : { weekday: WEEKDAY_NUMBERS[weekday]! }),
  },
];

/** `11.20` and `11.10 至 1.10`: how 完成时限 columns write a month and a day; elsewhere a decimal. */
const DOTTED_PARSER: AtomParser = {
  name: 'dotted-month-day',
  pattern: new RegExp(`${NOT_AFTER_DIGIT}(${ARABIC_DIGIT}{1,2})\\s*[.．]\\s*(${ARABIC_DIGIT}{1,2})(?!${ARABIC_DIGIT}|[.．])`, 'g'),
  read: ([, month, day]) => atom({ month: numberOf(month), day: numberOf(day) }),
};

export interface AtomOptions {
  /** Read `11.20` as a month and a day (cells of a date column). */
  dotted: boolean;
}

/**
 * Every calendar point in the text, in order and without overlaps: where forms overlap, the one
 * that starts first wins, and of those the longest, so `2013年11月12日` is one atom, not three.
 */
export function findAtoms(text: string, options: AtomOptions): TimeAtom[] {
  const parsers = options.dotted ? [...WRITTEN_PARSERS, DOTTED_PARSER] : WRITTEN_PARSERS;
  const candidates: TimeAtom[] = [];
  for (const parser of parsers) {
    for (const match of text.matchAll(parser.pattern)) {
      const value = parser.read([...match]);
      if (value !== undefined) candidates.push({ start: match.index, end: match.index + match[0].length, ...value });
    }
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const atoms: TimeAtom[] = [];
  for (const candidate of candidates) {
    const last = atoms.at(-1);
    if (last === undefined || candidate.start >= last.end) atoms.push(candidate);
  }
  return atoms;
}
