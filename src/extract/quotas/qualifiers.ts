import type { QuotaFinding } from '../findings.js';
import { CHANGES, METRICS, OTHER_METRIC, PERIODS, SCOPE, SCOPE_END } from '../lexicon/quotas.js';

/** A word found in the clause before a number: what it says and where it stands. */
export interface Placed<T> {
  value: T;
  start: number;
  end: number;
}

type Period = NonNullable<QuotaFinding['period']>;

/** The last period word (`每周`, `全年`) in `text.slice(from, to)`. */
export function periodBefore(text: string, from: number, to: number): Placed<Period> | undefined {
  const window = text.slice(from, to);
  let last: Placed<Period> | undefined;
  for (const { pattern, period } of PERIODS) {
    for (const match of window.matchAll(pattern)) {
      if (last === undefined || match.index > last.start - from) last = { value: period, start: from + match.index, end: from + match.index + match[0].length };
    }
  }
  return last;
}

/** The last scope (`每个广场`, `每500米`, `每人`) before the number, cut where its noun ends. */
export function scopeBefore(text: string, from: number, to: number, period: Placed<Period> | undefined): Placed<string> | undefined {
  const window = text.slice(from, to);
  let last: Placed<string> | undefined;
  for (const match of window.matchAll(SCOPE)) {
    const start = from + match.index;
    // 每个月 is a period; 每平方米每月 is a scope and then a period.
    if (period !== undefined && period.start === start) continue;
    const noun = match[2] ?? '';
    const cut = SCOPE_END.exec(noun);
    const written = match[1]! + (cut ? noun.slice(0, cut.index) : noun);
    last = { value: written, start, end: start + written.length };
  }
  return last;
}

/** A rise or fall written right before the number (`提高30%`, `每增加30件`), with where it starts. */
export function changeBefore(text: string, from: number, numberStart: number): Placed<'increase' | 'decrease'> | undefined {
  const window = text.slice(from, numberStart);
  for (const { pattern, change } of CHANGES) {
    const match = pattern.exec(window);
    if (match) return { value: change, start: from + match.index, end: numberStart };
  }
  return undefined;
}

/** Most characters between a metric and its comparator (`合格率达到`, `注册量每年递增`). */
const METRIC_GAP = 4;
const KNOWN_METRIC = new RegExp([...METRICS].sort((a, b) => b.length - a.length).join('|'), 'g');

/** The measure the number is about (`合格率`, `满意度`), named just before `to`. */
export function metricBefore(text: string, from: number, to: number): Placed<string> | undefined {
  const window = text.slice(from, to);
  for (const pattern of [KNOWN_METRIC, OTHER_METRIC]) {
    let last: Placed<string> | undefined;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (window.length - end <= METRIC_GAP) last = { value: match[0], start: from + match.index, end: from + end };
    }
    if (last !== undefined) return last;
  }
  return undefined;
}
