import { result } from '../../model/result.js';
import type { ExtractionContext } from '../context.js';
import type { Extractor } from '../extractor.js';
import type { Comparator, QuotaFinding } from '../findings.js';
import { NON_QUOTA_WORDS, RANK_BEFORE, RANK_UNITS } from '../lexicon/quotas.js';
import { NUMBER_COLUMN } from '../lexicon/tasks.js';
import { MASK, maskedText, taskRegions, type Region } from '../regions.js';
import { findCandidates } from './candidates.js';
import { clauseStart, comparatorBefore } from './comparators.js';
import { changeBefore, metricBefore, periodBefore, scopeBefore, type Placed } from './qualifiers.js';
import { QUOTA_REFINERS, type QuotaRefiner, type ReadQuantity } from './rules.js';

// A word that follows a numeral is part of a bigger number: 十一 in 五十一个, 万一 in 十万一千元.
const NON_QUOTA = new RegExp(
  '(?<![〇零一二两三四五六七八九十百千万亿])(?:' +
    [...NON_QUOTA_WORDS]
      .sort((a, b) => b.length - a.length)
      .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|') +
    ')',
  'g',
);

/** Blanks words that merely contain a numeral (`统一`, `十三五`), one for one, so offsets hold. */
function maskNonQuotaWords(text: string): string {
  return text.replace(NON_QUOTA, (word) => MASK.repeat(word.length));
}

/** The 序号 column numbers rows; nothing in it is a quota. */
function isSerialColumn(region: Region): boolean {
  return region.cell !== undefined && NUMBER_COLUMN.test(region.cell.header);
}

/** Most characters a period or scope may stand before the words it qualifies (`每年可申请一项`). */
const QUALIFIER_GAP = 4;

function adjoins(word: Placed<unknown>, start: number, text: string): boolean {
  return word.end <= start && text.slice(word.end, start).replace(/\s/g, '').length <= QUALIFIER_GAP;
}

/** Where `前` of a rank (`排名前200名`) starts, when the number is one. */
function rankStart({ candidate, before, text, clauseStart }: ReadQuantity): number | undefined {
  if (candidate.after !== undefined || before !== undefined || !RANK_UNITS.has(candidate.baseUnit)) return undefined;
  const match = RANK_BEFORE.exec(text.slice(clauseStart, candidate.numberStart));
  return match ? clauseStart + match.index : undefined;
}

function comparatorOf(read: ReadQuantity): Comparator {
  const { candidate, before } = read;
  if (candidate.after !== undefined) return candidate.after.comparator;
  if (before !== undefined) return before.comparator;
  if (rankStart(read) !== undefined) return '<=';
  return candidate.number.approximate || candidate.roughly ? '~' : '=';
}

function finding(read: ReadQuantity, document: string, offset: number): QuotaFinding {
  const { candidate, before, text } = read;
  const numberStart = candidate.numberStart;
  const change = before?.level ? undefined : changeBefore(text, read.clauseStart, numberStart);
  let start = Math.min(numberStart, before?.start ?? numberStart, change?.start ?? numberStart, rankStart(read) ?? numberStart);
  const period = periodBefore(text, read.sentenceStart, numberStart);
  const scope = scopeBefore(text, read.sentenceStart, numberStart, period);
  // The raw text takes in a period or scope written right before it: 每周至少进行一次, 每平方米每月最高40元.
  for (const word of [period, scope].filter((placed) => placed !== undefined).sort((a, b) => b.start - a.start)) {
    if (adjoins(word, start, text)) start = Math.min(start, word.start);
  }
  const metric = metricBefore(text, read.clauseStart, Math.min(before?.start ?? numberStart, change?.start ?? numberStart));
  const end = candidate.after?.end ?? candidate.unitEnd;
  const comparator = comparatorOf(read);
  const found: QuotaFinding = {
    key: `${comparator}${candidate.number.value}${candidate.unit}`,
    raw: document.slice(offset + start, offset + end),
    span: [offset + start, offset + end],
    comparator,
    value: candidate.number.value,
    low: candidate.number.low,
    high: candidate.number.high,
    unit: candidate.unit,
    approximate: comparator === '~' || candidate.number.approximate || candidate.roughly,
  };
  if (change !== undefined) found.change = change.value;
  if (period !== undefined) found.period = period.value;
  if (scope !== undefined) found.scope = scope.value;
  if (metric !== undefined) found.metric = metric.value;
  return found;
}

/** The quotas of one region (a line or a table cell), read from its masked text. */
function quotasIn(context: ExtractionContext, region: Region, refiners: readonly QuotaRefiner[]): QuotaFinding[] {
  const text = maskNonQuotaWords(maskedText(context).slice(region.span[0], region.span[1]));
  const found: QuotaFinding[] = [];
  let previousEnd = 0;
  for (const candidate of findCandidates(text)) {
    const start = clauseStart(text, candidate.numberStart, previousEnd);
    const before = comparatorBefore(text, start, candidate.numberStart);
    const sentenceStart = clauseStart(text, candidate.numberStart, previousEnd, true);
    const read: ReadQuantity = { candidate, clauseStart: start, sentenceStart, text, ...(before === undefined ? {} : { before }) };
    if (refiners.some((refiner) => refiner.drops(read))) continue;
    // Only a quota closes the reach of the words before it: 每500米设置…1个 keeps its scope.
    previousEnd = candidate.after?.end ?? candidate.unitEnd;
    found.push(finding(read, context.text, region.span[0]));
  }
  return found;
}

/** A quotas extractor with another list of refiners (to drop a rule, or add one). */
export function quotasExtractorWith(refiners: readonly QuotaRefiner[]): Extractor {
  return {
    name: 'quotas',
    extract(context) {
      const quotas = taskRegions(context)
        .filter((region) => !isSerialColumn(region))
        .flatMap((region) => quotasIn(context, region, refiners));
      return result({ quotas });
    },
  };
}

/**
 * Numbers the notice sets as targets or requirements (ANNOTATION.md, Quotas), once per
 * occurrence, keyed `<comparator><value><unit>`: every number with a unit in the regions that
 * assign work, less those the refiners recognise as dates, ordinals, scopes, totals, baselines
 * and words that merely contain a numeral.
 */
export const quotasExtractor: Extractor = quotasExtractorWith(QUOTA_REFINERS);

export { QUOTA_REFINERS } from './rules.js';
