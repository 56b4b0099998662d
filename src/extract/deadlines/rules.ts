import type { CalendarDate } from '../dates.js';
import type { DeadlineKind } from '../findings.js';
import {
  AT_PREFIX,
  CLAUSE_END,
  CLOSING_VERBS,
  COMPLETION_VERBS,
  LIMIT_LABELS,
  LIMIT_PREFIX,
  MODIFIER_AFTER,
  NOT_SCHEDULE_LABELS,
  PAST_VERB_AFTER,
  PERIOD_WORDS,
  RANGE_ACTIVITY,
  RANGE_BOUNDARY,
  RANGE_LEAD,
  RECORD_VERBS,
  RECURRING_BACK_REFERENCES,
  RECURRING_PREFIXES,
  SCHEDULE_LABEL,
  SCHEDULE_PREFIX,
  START_PREFIX,
  TARGET_LEAD,
} from '../lexicon/deadlines.js';
import type { DateList, Item, Point, Tail } from './expressions.js';

/**
 * The rules that read a date as a deadline, in order of trust: the first rule that speaks for an
 * item decides its kind. A date no rule speaks for is no deadline: a notice writes many dates
 * that require nothing. A new reading is a new entry in RULES.
 */

/** How a window is bounded: by two points, by one point's own period, or from a point on. */
export type WindowShape = 'range' | 'period' | 'from';

export interface Draft {
  kind: DeadlineKind;
  list: DateList;
  item: Item;
  /** Offsets into the segment of the shortest text holding the whole expression. */
  start: number;
  end: number;
  shape?: WindowShape;
  period?: 'week' | 'month' | 'year';
  /** The point that closes a window opened by 起 (`自…起至…止`), set by a refiner. */
  until?: Point;
}

/** What a rule sees: the segment (a line or a cell, masked), the item and its place. */
export interface RuleInput {
  list: DateList;
  item: Item;
  /** The text of the sentence before the list. */
  before: string;
  /** The text of the sentence after the item. */
  after: string;
  /** The text of the sentence after the list: what a list's items share (`于2002年、2005年进行了修订`). */
  afterList: string;
  /** The clause (between commas) that holds the item. */
  clause: string;
  /** The column kind when the segment is a cell of a date column. */
  column?: 'limit' | 'schedule';
  /** The text from the start of the line to the list, when the segment is a line. */
  lineBefore?: string;
  reference?: CalendarDate;
}

type Rule = (input: RuleInput) => Omit<Draft, 'list' | 'item'> | undefined;

const endsWith = (words: string): RegExp => new RegExp(`(?:${words})\\s*$`);
const startsWith = (words: string): RegExp => new RegExp(`^\\s*(?:${words})`);

const RECURRING_LEAD = new RegExp(`(${RECURRING_PREFIXES.map(([word]) => word).join('|')})的?\\s*$`);
const RECURRING_BACK_REFERENCE_LEAD = new RegExp(`(${RECURRING_BACK_REFERENCES.map(([word]) => word).join('|')})的?\\s*$`);
const LIMIT_LEAD = endsWith(LIMIT_PREFIX);
const START_LEAD = endsWith(START_PREFIX);
const SCHEDULE_LEAD = endsWith(SCHEDULE_PREFIX);
const AT_LEAD = endsWith(AT_PREFIX);
const RANGE_LEAD_PATTERN = endsWith(RANGE_LEAD);
const RANGE_BOUNDARY_PATTERN = startsWith(RANGE_BOUNDARY);
const COMPLETION = startsWith(`前|${COMPLETION_VERBS}`);
const CLOSING = startsWith(CLOSING_VERBS);
/** `年底完成的项目` qualifies a noun; in `5月底出台新的办法` the 的 belongs to the object. */
const CLOSING_MODIFIER = startsWith(`(?:${CLOSING_VERBS})的`);
const RANGE_ACTIVITY_PATTERN = startsWith(RANGE_ACTIVITY);
const TARGET = endsWith(TARGET_LEAD);
const CLAUSE_START = new RegExp(`(?:^|${CLAUSE_END})\\s*$`);
const COMMA_AFTER = /^\s*[，,]/;
const DIRECT_MODIFIER = /^\s*的/;
const MODIFIER = new RegExp(MODIFIER_AFTER);
const PAST_VERB = new RegExp(PAST_VERB_AFTER);
const RECORD_VERB = new RegExp(`^[^，,。；;]{0,6}(?:${RECORD_VERBS})`);
/** What may follow the date a label gives: the clause ends, or a time of day follows. */
const LABEL_VALUE_END = /^\s*(?:[，,。；;（(]|$|上午|下午|中午|晚上|[0-9０-９]{1,2}\s*[:：时点])/;
const PERIOD_WORD = new RegExp(PERIOD_WORDS);
const LABEL_LINE = new RegExp(`^\\s*(${SCHEDULE_LABEL})\\s*[：:]\\s*$`);
const NOT_SCHEDULE_LABEL = new RegExp(NOT_SCHEDULE_LABELS);
const LIMIT_LABEL = new RegExp(LIMIT_LABELS);

/** A day with no month: a duration (`30日前` of something) unless a list gives it a month. */
function isLoneDay(point: Point): boolean {
  return point.atom.day !== undefined && point.atom.month === undefined && point.atom.year === undefined;
}

/** The item's single point, when it is one that can be dated. */
function only(item: Item, list: DateList): Point | undefined {
  const [point] = item.points;
  if (item.points.length !== 1 || point === undefined) return undefined;
  return isLoneDay(point) && list.items[0] === item ? undefined : point;
}

/** The item's suffix, or that of the list's last item: `12月底或2014年1月初前` limits both. */
function suffixOf(input: RuleInput, point: Point): Tail['suffix'] {
  return point.tail.suffix ?? input.list.items.at(-1)?.points.at(-1)?.tail.suffix;
}

/** The text after the suffix a point is read with: its own, or the list's shared one. */
function afterSuffix(input: RuleInput, point: Point): string {
  return point.tail.suffix === undefined ? input.afterList : input.after;
}

function isFirst(input: RuleInput): boolean {
  return input.list.items[0] === input.item;
}

/** Extends a span back over the lead word when the item is the first of its list. */
function spanWithLead(input: RuleInput, lead: RegExp): { start: number; end: number } {
  const match = isFirst(input) ? lead.exec(input.before) : null;
  const start = match === null ? input.item.start : input.item.start - (input.before.length - match.index);
  return { start, end: input.item.end };
}

function hasDay(point: Point): boolean {
  return point.atom.day !== undefined;
}

function isTenDays(point: Point): boolean {
  const { part } = point.atom;
  return part === 'early' || part === 'middle' || part === 'late';
}

/** The period a lead word right before the item repeats: its own (每年), or that of an earlier 每年 it takes up (当年). */
function recurringLead(input: RuleInput): { period: 'year' | 'month' | 'week'; lead: RegExp } | undefined {
  if (!isFirst(input)) return undefined;
  const own = RECURRING_LEAD.exec(input.before);
  if (own !== null) {
    const period = RECURRING_PREFIXES.find(([word]) => word === own[1])?.[1];
    return period === undefined ? undefined : { period, lead: RECURRING_LEAD };
  }
  const back = RECURRING_BACK_REFERENCE_LEAD.exec(input.before);
  const period = back === null ? undefined : RECURRING_BACK_REFERENCES.find(([word]) => word === back[1])?.[1];
  const earlier = back === null ? '' : input.before.slice(0, back.index);
  return period !== undefined && RECURRING_PREFIXES.some(([word, repeats]) => repeats === period && earlier.includes(word)) ? { period, lead: RECURRING_BACK_REFERENCE_LEAD } : undefined;
}

const recurring: Rule = (input) => {
  const point = input.item.points.length === 1 ? input.item.points[0] : undefined;
  if (point === undefined || point.atom.year !== undefined) return undefined;
  if (point.atom.weekday !== undefined) return { kind: 'recurring', period: 'week', ...spanWithLead(input, /每个?$/) };
  const found = recurringLead(input);
  if (found === undefined) return undefined;
  const { period, lead } = found;
  const fits = period === 'year' ? point.atom.month !== undefined && !isTenDays(point) : period === 'month' ? point.atom.month === undefined && hasDay(point) : false;
  return fits ? { kind: 'recurring', period, ...spanWithLead(input, lead) } : undefined;
};

/** Whether work follows a range (`…至2020年3月集中检查`), rather than a noun it qualifies (`…开展的检查`). */
function isActivityAfter(after: string): boolean {
  return RANGE_ACTIVITY_PATTERN.test(after) && !MODIFIER.test(after);
}

const range: Rule = (input) => {
  if (input.item.points.length !== 2 || isLoneDay(input.item.points[0])) return undefined;
  const accepted =
    input.column !== undefined || RANGE_LEAD_PATTERN.test(input.before) || RANGE_BOUNDARY_PATTERN.test(input.after) || isActivityAfter(input.after) || !isFirst(input);
  return accepted ? { kind: 'window', shape: 'range', ...spanWithLead(input, START_LEAD) } : undefined;
};

const startingFrom: Rule = (input) => {
  const point = only(input.item, input.list);
  if (point === undefined || suffixOf(input, point)?.kind !== 'start' || MODIFIER.test(afterSuffix(input, point))) return undefined;
  return { kind: 'window', shape: 'from', ...spanWithLead(input, START_LEAD) };
};

const limitSuffix: Rule = (input) => {
  const point = only(input.item, input.list);
  if (point === undefined || suffixOf(input, point)?.kind !== 'limit' || MODIFIER.test(afterSuffix(input, point))) return undefined;
  return { kind: 'by', ...spanWithLead(input, LIMIT_LEAD) };
};

const limitPrefix: Rule = (input) => {
  const point = only(input.item, input.list);
  if (point === undefined || !LIMIT_LEAD.test(input.before)) return undefined;
  return { kind: 'by', ...spanWithLead(input, LIMIT_LEAD) };
};

/** A single point's own period: a part of ten days, or a whole month or year. */
function periodWindow(input: RuleInput): Omit<Draft, 'list' | 'item'> {
  return { kind: 'window', shape: 'period', start: input.item.start, end: input.item.end };
}

const dateColumn: Rule = (input) => {
  const point = only(input.item, input.list);
  if (point === undefined || input.column === undefined) return undefined;
  if (input.column === 'limit') return { kind: 'by', start: input.item.start, end: input.item.end };
  return hasDay(point) ? { kind: 'on', start: input.item.start, end: input.item.end } : periodWindow(input);
};

const tenDays: Rule = (input) => {
  const point = only(input.item, input.list);
  return point !== undefined && isTenDays(point) ? periodWindow(input) : undefined;
};

/** `第一期：2013年11月12日，…`: a labelled line schedules its date. */
const scheduleLabel: Rule = (input) => {
  const point = only(input.item, input.list);
  const label = input.lineBefore === undefined || !isFirst(input) ? null : LABEL_LINE.exec(input.lineBefore);
  if (point === undefined || label === null || NOT_SCHEDULE_LABEL.test(label[1]!) || !LABEL_VALUE_END.test(input.afterList)) return undefined;
  if (LIMIT_LABEL.test(label[1]!)) return { kind: 'by', start: input.item.start, end: input.item.end };
  return hasDay(point) ? { kind: 'on', start: input.item.start, end: input.item.end } : periodWindow(input);
};

/** `于11月20日召开` schedules a day; `于12月底` and `于11月15日报送` set a limit; `于2019年开展` a period. */
const scheduled: Rule = (input) => {
  const point = only(input.item, input.list);
  const { afterList } = input;
  if (point === undefined || DIRECT_MODIFIER.test(afterList) || PAST_VERB.test(afterList) || RECORD_VERB.test(afterList)) return undefined;
  const pointed = hasDay(point) || point.atom.part !== undefined;
  if (!SCHEDULE_LEAD.test(input.before) && !(pointed && AT_LEAD.test(input.before))) return undefined;
  const part = point.atom.part;
  if (part === 'end' || part === 'start' || COMPLETION.test(afterList)) return { kind: 'by', start: input.item.start, end: input.item.end };
  return hasDay(point) ? { kind: 'on', start: input.item.start, end: input.item.end } : periodWindow(input);
};

/**
 * `12月底或2014年1月初完成验收`: a month-end or month-start with no lead word, followed by work
 * that closes, is a limit; one that tells of the past or qualifies a noun is not.
 */
const closingEdge: Rule = (input) => {
  const point = only(input.item, input.list);
  const { afterList } = input;
  if (point === undefined || (point.atom.part !== 'end' && point.atom.part !== 'start')) return undefined;
  if (!CLOSING.test(afterList) || CLOSING_MODIFIER.test(afterList) || PAST_VERB.test(afterList)) return undefined;
  return { kind: 'by', start: input.item.start, end: input.item.end };
};

/** `发展目标2020年，…`: a year heading a clause of goals; a future year also without 目标. */
const targetYear: Rule = (input) => {
  const point = only(input.item, input.list);
  const { atom } = point ?? {};
  if (atom === undefined || atom.year === undefined || atom.month !== undefined || atom.part !== undefined || !COMMA_AFTER.test(input.after)) return undefined;
  const future = input.reference !== undefined && atom.year > input.reference.year && CLAUSE_START.test(input.before);
  return TARGET.test(input.before) || future ? { kind: 'by', start: input.item.start, end: input.item.end } : undefined;
};

const listsWithWindows = new WeakMap<DateList, boolean>();

/** Whether a list holds a range or a part of ten days; remembered, so a long list stays linear. */
function holdsWindow(list: DateList): boolean {
  let holds = listsWithWindows.get(list);
  if (holds === undefined) {
    holds = list.items.some((item) => item.points.length === 2 || item.points.some(isTenDays));
    listsWithWindows.set(list, holds);
  }
  return holds;
}

/** `其中6月下旬和8月为两个重点宣传时段`: a whole month in a clause about periods, or in a list with a window. */
const wholePeriod: Rule = (input) => {
  const point = only(input.item, input.list);
  if (point === undefined || hasDay(point) || point.atom.part !== undefined || point.atom.weekday !== undefined) return undefined;
  return PERIOD_WORD.test(input.clause) || holdsWindow(input.list) ? periodWindow(input) : undefined;
};

export const RULES: readonly Rule[] = [
  recurring,
  range,
  startingFrom,
  limitSuffix,
  limitPrefix,
  dateColumn,
  tenDays,
  scheduleLabel,
  scheduled,
  closingEdge,
  targetYear,
  wholePeriod,
];

/** The first rule's reading of an item, or undefined when no rule reads it as a deadline. */
export function readItem(input: RuleInput): Draft | undefined {
  for (const rule of RULES) {
    const found = rule(input);
    if (found !== undefined) return { ...found, list: input.list, item: input.item };
  }
  return undefined;
}
