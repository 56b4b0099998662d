import {
  BASELINE_AFTER,
  BASELINE_BEFORE,
  CHINESE_COUNT_CUE,
  DATE_LIKE_UNITS,
  FROM_BEFORE,
  ITEM_UNITS,
  LOOK_BACK_BEFORE,
  MEASURE_UNITS,
  NUMBERED_LIST_BEFORE,
  ORDINAL_BEFORE,
  SCOPE_BEFORE,
  SUMMARY_BEFORE,
  TO_AFTER,
} from '../lexicon/quotas.js';
import type { Candidate } from './candidates.js';
import type { ComparatorBefore } from './comparators.js';
import { periodBefore } from './qualifiers.js';

/** A number with its unit and the comparator words read around it, in the text it was read from. */
export interface ReadQuantity {
  candidate: Candidate;
  before?: ComparatorBefore;
  /** Start of the clause the number stands in. */
  clauseStart: number;
  /** Start of the clause with the lists before the number (`每个广场、公园…`): where a period or scope may stand. */
  sentenceStart: number;
  text: string;
}

/**
 * A refiner drops a candidate that is no quota, in the manner of chrono's refiners: the scanner
 * reads every number with a unit generously, and each rule here removes one kind of number that
 * ANNOTATION.md says is not a quota. A new exclusion is a new entry in `QUOTA_REFINERS`.
 */
export interface QuotaRefiner {
  readonly name: string;
  drops(read: ReadQuantity): boolean;
}

const LOOK_BEHIND = 6;
const LOOK_AHEAD = 12;

function textBefore({ text, candidate }: ReadQuantity): string {
  return text.slice(Math.max(0, candidate.numberStart - LOOK_BEHIND), candidate.numberStart);
}

function textAfter({ text, candidate }: ReadQuantity): string {
  const end = candidate.after?.end ?? candidate.unitEnd;
  return text.slice(end, end + LOOK_AHEAD);
}

function hasComparator(read: ReadQuantity): boolean {
  return read.before !== undefined || read.candidate.after !== undefined;
}

const DIRECT_MODIFIER_AFTER = /^\s*的/;

const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;

export const QUOTA_REFINERS: readonly QuotaRefiner[] = [
  {
    // 第2稿, 第一期, 附件2: the number places a thing in a series.
    name: 'ordinal',
    drops: (read) => ORDINAL_BEFORE.test(textBefore(read)),
  },
  {
    // 材料1-7项的顺序: items of a numbered list picked out from the first, as what they qualify
    // (的顺序) shows; 报送信息材料2-3条 asks for two or three.
    name: 'items of a list',
    drops: (read) =>
      read.candidate.number.low === 1 &&
      read.candidate.number.high > 1 &&
      ITEM_UNITS.has(read.candidate.baseUnit) &&
      NUMBERED_LIST_BEFORE.test(textBefore(read)) &&
      DIRECT_MODIFIER_AFTER.test(textAfter(read)),
  },
  {
    // 2013年, 2024—2026年, 18年3月: a year is a date, never a duration of centuries.
    name: 'year',
    drops: ({ candidate, text }) =>
      candidate.baseUnit === '年' &&
      ((candidate.number.script === 'arabic' && candidate.number.low >= FIRST_YEAR && candidate.number.high <= LAST_YEAR && Number.isInteger(candidate.number.low)) ||
        /^\s*[0-9０-９一二三四五六七八九十]{1,2}\s*月/.test(text.slice(candidate.unitEnd))),
  },
  {
    // 11月20日, 每月的18日之前: a day is a date unless a comparator makes it a time limit (十日内).
    name: 'day of month',
    drops: (read) => DATE_LIKE_UNITS.has(read.candidate.baseUnit) && !hasComparator(read),
  },
  {
    // 每500米设置…1个: the number sizes the scope of another number.
    name: 'scope size',
    drops: (read) => SCOPE_BEFORE.test(textBefore(read)),
  },
  {
    // 认定刁显超等37人: a total of things just listed states a fact (but 至少设置…海报等1个 requires).
    name: 'summary total',
    drops: (read) => SUMMARY_BEFORE.test(textBefore(read)) && !hasComparator(read),
  },
  {
    // 在现有64家的基础上, 由146项减少至43项: the old figure is a baseline.
    name: 'baseline',
    drops: (read) => {
      const before = textBefore(read);
      const after = textAfter(read);
      return BASELINE_BEFORE.test(before) || BASELINE_AFTER.test(after) || (FROM_BEFORE.test(before) && TO_AFTER.test(after));
    },
  },
  {
    // 近5年内承担市级以上项目数量: a look back over the record, no limit set.
    name: 'look back',
    drops: (read) => LOOK_BACK_BEFORE.test(textBefore(read)),
  },
  {
    // 100马力以上拖拉机, 500万元（含）以下贷款: a bounded measure written as an attribute names a class.
    name: 'class of things',
    drops: ({ candidate, text }) =>
      candidate.after !== undefined && MEASURE_UNITS.has(candidate.baseUnit) && /^\p{Script=Han}/u.test(text.slice(candidate.after.end)) && !text.startsWith('的', candidate.after.end),
  },
  {
    // 一项重要任务, 两个重点时段: a count in Chinese numerals needs a comparator, a word that requires
    // it, or a period in its clause (每月开展一次检查: how often is what the notice sets).
    name: 'chinese count without cue',
    drops: (read) =>
      read.candidate.number.script === 'chinese' &&
      // 百分之五十 is a share, never an ordinary word.
      read.candidate.baseUnit !== '%' &&
      !read.candidate.number.approximate &&
      !hasComparator(read) &&
      !CHINESE_COUNT_CUE.test(read.text.slice(read.clauseStart, read.candidate.numberStart)) &&
      periodBefore(read.text, read.clauseStart, read.candidate.numberStart) === undefined,
  },
];
