import type { Span } from '../model/span.js';
import type { DocNumberFinding, EvidenceSource } from './findings.js';

const OPEN = '[〔\\[【［（(〖﹝｛{]';
const CLOSE = '[〕\\]】］）)〗﹞｝}]';
const DIGIT = '[0-9０-９]';
// The organ code: Chinese characters (and the occasional Latin letter) directly before the
// bracketed year. How far back it reaches is settled by trimOrgan.
const ORGAN = '[\\p{Script=Han}A-Za-z]{1,16}';

/** 乳质强字〔2018〕2号, 渝经信发[2024]58号, 唐港城办发【2019】第9号 */
const WELL_FORMED = new RegExp(`(${ORGAN})\\s*${OPEN}\\s*(${DIGIT}{4})\\s*${CLOSE}\\s*第?\\s*(${DIGIT}{1,5})\\s*号`, 'gu');
/** 宁党发〔201817号: the closing bracket lost, year and serial run together. */
const RUN_TOGETHER = new RegExp(`(${ORGAN})\\s*${OPEN}\\s*(${DIGIT}{4})(${DIGIT}{1,5})\\s*号`, 'gu');

// Words that precede a document number in running text and are not part of its organ code.
const LEADING_WORDS = /^(?:按照|根据|依据|依照|参照|遵照|对照|结合|落实|贯彻|执行|转发|印发|下发|详见|参见|关于|见|即|和|及|与|或|以|经|由|在|是|的|为|对|将|据|文件|号文|号|发文字号|文号)+/u;
const MAX_ORGAN_LENGTH = 10;

function toNumber(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

function trimOrgan(organ: string): string {
  let trimmed = organ;
  for (let previous = ''; previous !== trimmed; ) {
    previous = trimmed;
    trimmed = trimmed.replace(LEADING_WORDS, '');
  }
  return trimmed.length > MAX_ORGAN_LENGTH ? trimmed.slice(-MAX_ORGAN_LENGTH) : trimmed;
}

export interface ParsedDocNumber {
  start: number;
  end: number;
  organ: string;
  year: number;
  serial: number;
  repaired: boolean;
}

export function normalizedDocNumber(number: { organ: string; year: number; serial: number }): string {
  return `${number.organ}〔${number.year}〕${number.serial}号`;
}

/** Every document number in the text, with offsets into it, in order. */
export function findDocNumbers(text: string): ParsedDocNumber[] {
  const found: ParsedDocNumber[] = [];
  const collect = (pattern: RegExp, repaired: boolean): void => {
    for (const match of text.matchAll(pattern)) {
      const organ = trimOrgan(match[1]!);
      if (organ === '') continue;
      const year = toNumber(match[2]!);
      if (year < 1949 || year > 2100) continue;
      const start = match.index + match[1]!.length - organ.length;
      const end = match.index + match[0].length;
      if (found.some((other) => other.start < end && start < other.end)) continue;
      found.push({ start, end, organ, year, serial: toNumber(match[3]!), repaired });
    }
  };
  collect(WELL_FORMED, false);
  collect(RUN_TOGETHER, true);
  return found.sort((a, b) => a.start - b.start);
}

export function docNumberFinding(parsed: ParsedDocNumber, base: number, text: string, source: EvidenceSource): DocNumberFinding {
  const span: Span = [base + parsed.start, base + parsed.end];
  return {
    raw: text.slice(parsed.start, parsed.end),
    span,
    source,
    normalized: normalizedDocNumber(parsed),
    organ: parsed.organ,
    year: parsed.year,
    serial: parsed.serial,
    repaired: parsed.repaired,
  };
}
