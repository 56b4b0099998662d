import { info, warning, type Message } from '../../model/messages.js';
import type { Span } from '../../model/span.js';
import type { CalendarDate } from '../dates.js';
import type { DeadlineFinding } from '../findings.js';
import type { Point } from './expressions.js';
import { firstOf, lastMoment, lastOf, recurringPoint } from './keys.js';
import type { Draft } from './rules.js';
import { monthBefore, type ResolvedPoint } from './years.js';

/** Turns a refined draft and its points' years into a finding, with the messages it raises. */

const RULE_ID = 'extract:deadline';
const WEEKDAY_NAMES = ['', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'] as const;

export interface Built {
  finding?: DeadlineFinding;
  messages: Message[];
}

interface Dated {
  kind: DeadlineFinding['kind'];
  date?: string;
  start?: string;
  end?: string;
  period?: 'week' | 'month' | 'year';
  point?: string;
}

function keyOf(dated: Dated): string {
  switch (dated.kind) {
    case 'by':
    case 'on':
      return `${dated.kind}:${dated.date}`;
    case 'window':
      return `window:${dated.start ?? ''}/${dated.end ?? ''}`;
    case 'recurring':
      return `recurring:${dated.period}:${dated.point}`;
  }
}

/** The dates of a draft, or undefined when a point it needs has no year. */
function datesOf(draft: Draft, resolved: (point: Point) => ResolvedPoint | undefined): Dated | undefined {
  const [first, second] = draft.item.points;
  if (draft.kind === 'recurring') {
    const point = draft.period === undefined ? undefined : recurringPoint(first.atom, draft.period);
    return point === undefined || draft.period === undefined ? undefined : { kind: 'recurring', period: draft.period, point };
  }
  const start = resolved(first);
  if (start === undefined) return undefined;
  if (draft.kind !== 'window') return { kind: draft.kind, date: lastOf(start) };
  if (draft.shape === 'range') {
    const end = second === undefined ? undefined : resolved(second);
    return end === undefined ? undefined : { kind: 'window', start: firstOf(start), end: lastOf(end) };
  }
  if (draft.shape === 'from') {
    if (draft.until === undefined) return { kind: 'window', start: firstOf(start) };
    const until = resolved(draft.until);
    return until === undefined ? undefined : { kind: 'window', start: firstOf(start), end: lastOf(until) };
  }
  return { kind: 'window', start: firstOf(start), end: lastOf(start) };
}

function pointsOf(draft: Draft): Point[] {
  return draft.until === undefined ? [...draft.item.points] : [...draft.item.points, draft.until];
}

/** A weekday written beside a date must agree with it (`11月11日（星期一）`). */
function weekdayMessages(draft: Draft, resolved: (point: Point) => ResolvedPoint | undefined, base: number): Message[] {
  const messages: Message[] = [];
  for (const point of pointsOf(draft)) {
    const written = point.tail.weekday;
    const date = resolved(point);
    if (written === undefined || date?.month === undefined || date.day === undefined) continue;
    const actual = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
    if (actual === written.value) continue;
    const span: Span = [base + point.atom.start, base + point.tail.end];
    messages.push(
      warning(RULE_ID, `${firstOf(date)} is a ${WEEKDAY_NAMES[actual]}, not the ${written.raw} written beside it`, {
        span,
        found: written.raw,
        expected: WEEKDAY_NAMES[actual],
      }),
    );
  }
  return messages;
}

/**
 * A limit that ended more than one month before the signing date requires nothing of the reader
 * (`截至2018年底`); nor does an open window that had begun by then (`从2022年7月起改为…`). The
 * month is the margin of year inference, so a date whose year is inferred is never read as past.
 */
function isPast(dated: Dated, reference: CalendarDate | undefined): boolean {
  const last = dated.kind === 'window' ? (dated.end ?? dated.start) : dated.date;
  if (reference === undefined || last === undefined || dated.kind === 'recurring') return false;
  return lastMoment(last) < monthBefore(reference);
}

export function buildFinding(
  draft: Draft,
  resolved: (point: Point) => ResolvedPoint | undefined,
  context: { base: number; raw: (span: Span) => string; reference?: CalendarDate | undefined },
): Built {
  const span: Span = [context.base + draft.start, context.base + draft.end];
  const raw = context.raw(span);
  const dated = datesOf(draft, resolved);
  if (dated === undefined) {
    return { messages: [info(RULE_ID, `found no year for the deadline "${raw}": no year near it and no signing or publication date`, { span, found: raw })] };
  }
  if (isPast(dated, context.reference)) return { messages: [] };
  const implied = dated.kind !== 'recurring' && pointsOf(draft).some((point) => resolved(point)?.implied === true);
  const finding: DeadlineFinding = { key: keyOf(dated), raw, span, kind: dated.kind, implied };
  if (dated.date !== undefined) finding.date = dated.date;
  if (dated.start !== undefined) finding.start = dated.start;
  if (dated.end !== undefined) finding.end = dated.end;
  if (dated.period !== undefined) finding.period = dated.period;
  if (dated.point !== undefined) finding.point = dated.point;
  return { finding, messages: weekdayMessages(draft, resolved, context.base) };
}
