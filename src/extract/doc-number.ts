import type { Span } from '../model/span.js';
import type { DocNumberFinding, EvidenceSource } from './findings.js';

const OPEN = '[〔\\[【［（(〖﹝｛{]';
const CLOSE = '[〕\\]】］）)〗﹞｝}]';
const DIGIT = '[0-9０-９]';
/**
 * The bracketed year and the serial after it: `〔2018〕2号`, `[2024]58号`, `【2019】第9号`, or,
 * damaged, `〔201817号` (closing bracket lost, year and serial run together). The organ code is
 * read backwards from the bracket, which keeps the search linear in the length of the text.
 */
const YEAR_AND_SERIAL = new RegExp(`${OPEN}\\s*(${DIGIT}{4})\\s*(?:${CLOSE}\\s*第?\\s*(${DIGIT}{1,5})|(${DIGIT}{1,5}))\\s*号`, 'gu');
const ORGAN_CHARACTER = /[\p{Script=Han}A-Za-z]/u;
const MAX_ORGAN_SCAN = 16;

// Words that end what comes before a document number in running text (按照唐政办发〔2019〕1号,
// 现将唐政发〔2019〕1号): the organ code starts after the last of them. Only words of two or more
// characters: a single 和 or 依 may well begin a code (和政发, 依兰县政发).
const BOUNDARY_WORDS = /按照|根据|依据|依照|参照|遵照|对照|结合|落实|贯彻|执行|转发|印发|下发|详见|参见|关于|现将|同意|要求|通过|批准|出台|制定|请示|发文字号|文号|文件/gu;
// A conjunction may still stand before the code (文件和唐政办发〔2019〕1号, …）和乳政办发〔2017〕36号).
// A code of two or three characters may begin with one (和政发 of 和县), longer ones rarely do.
const CONJUNCTION = /^(?:和|及|与|或|的|、)/u;
const MIN_CODE_AFTER_CONJUNCTION = 3;
// Single words that stand before a code where no code begins: (见国发〔2017〕5号), 据….
const LEADING_WORD = /^(?:见|据)(?=\p{Script=Han}{2})/u;
const MAX_ORGAN_LENGTH = 10;

function toNumber(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

function trimOrgan(organ: string): string {
  let start = 0;
  for (const match of organ.matchAll(BOUNDARY_WORDS)) start = match.index + match[0].length;
  let trimmed = organ.slice(start).replace(LEADING_WORD, '');
  if (CONJUNCTION.test(trimmed) && (start > 0 || trimmed.length > MIN_CODE_AFTER_CONJUNCTION)) trimmed = trimmed.slice(1);
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

/** Where the organ code before `bracket` may lie: up to 16 letters, white space allowed before the bracket. */
function organBounds(text: string, bracket: number): { start: number; end: number } {
  let end = bracket;
  while (end > 0 && /\s/.test(text[end - 1]!)) end -= 1;
  let start = end;
  while (start > 0 && end - start < MAX_ORGAN_SCAN && ORGAN_CHARACTER.test(text[start - 1]!)) start -= 1;
  return { start, end };
}

/** Every document number in the text, with offsets into it, in order. */
export function findDocNumbers(text: string): ParsedDocNumber[] {
  const found: ParsedDocNumber[] = [];
  for (const match of text.matchAll(YEAR_AND_SERIAL)) {
    const year = toNumber(match[1]!);
    if (year < 1949 || year > 2100) continue;
    const { start: scanStart, end: organEnd } = organBounds(text, match.index);
    const organ = trimOrgan(text.slice(scanStart, organEnd));
    if (organ === '') continue;
    const repaired = match[2] === undefined;
    found.push({
      start: organEnd - organ.length,
      end: match.index + match[0].length,
      organ,
      year,
      serial: toNumber(match[2] ?? match[3]!),
      repaired,
    });
  }
  return found;
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
