import { CHINESE_DIGITS, parseChineseNumber } from '../../ingest/lexicon/numerals.js';

/** A number as a quota keys it: ASCII digits as written (`0.80-1.50`), and its bounds. */
export interface QuotaNumber {
  /** ASCII digits; a range is `low-high` as written (`6-8`, `0.80-1.50`). */
  value: string;
  low: number;
  high: number;
  /** `两三个`: two neighbouring digits name an estimate, not the number 23. */
  approximate: boolean;
  script: 'arabic' | 'chinese';
}

const ARABIC_PART = /^\d+(?:,\d{3})*(?:\.\d+)?$/;
const RANGE_SEPARATOR = /[-—–~〜]+|至/;
const CHINESE_MAGNITUDE = /[十百千万亿]/;

/** Reads `48`, `1,000`, `1.5`, `6—8`, `0.80-1.50` and full-width digits. */
export function readArabic(written: string): QuotaNumber | undefined {
  const parts = written.normalize('NFKC').replace(/\s+/g, '').replace(/．/g, '.').split(RANGE_SEPARATOR);
  if (parts.length > 2 || parts.some((part) => !ARABIC_PART.test(part))) return undefined;
  const digits = parts.map((part) => part.replace(/,/g, ''));
  const low = Number(digits[0]);
  const high = Number(digits[1] ?? digits[0]);
  if (!(low <= high)) return undefined;
  return { value: digits.join('-'), low, high, approximate: false, script: 'arabic' };
}

/**
 * Reads counts in Chinese numerals (`一`, `两`, `十五`, `一百零五`) and estimates written as two
 * neighbouring digits (`两三`, `三四` → 2-3, 3-4). A string of digits without 十, 百, 千 (`二〇一八`)
 * is a year or a code, and a bare 百, 千 or 万 (`百城`, `千业`) is a word, so neither is read.
 */
export function readChinese(written: string): QuotaNumber | undefined {
  const chars = [...written];
  if (chars.length === 2 && !CHINESE_MAGNITUDE.test(written)) {
    const [first, second] = chars.map((ch) => CHINESE_DIGITS[ch]);
    if (first !== undefined && second !== undefined && first > 0 && second === first + 1) {
      return { value: `${first}-${second}`, low: first, high: second, approximate: true, script: 'chinese' };
    }
  }
  if (chars.length > 1 && !CHINESE_MAGNITUDE.test(written)) return undefined;
  if (written !== '十' && !chars.some((ch) => CHINESE_DIGITS[ch] !== undefined)) return undefined;
  const value = parseChineseNumber(written);
  if (value === undefined) return undefined;
  return { value: String(value), low: value, high: value, approximate: false, script: 'chinese' };
}

/**
 * Reads the numeral of a share written in words: `九十`, `十五点五` (15.5), and the `百` of
 * `百分之百`, which alone would be a word.
 */
export function readChinesePercent(written: string): QuotaNumber | undefined {
  const [whole = '', decimals] = written.split('点');
  const integer = readChinese(whole === '百' ? '一百' : whole);
  if (integer === undefined || decimals === undefined) return integer;
  if (integer.approximate) return undefined;
  const digits = [...decimals].map((ch) => CHINESE_DIGITS[ch]);
  if (digits.some((digit) => digit === undefined)) return undefined;
  const value = `${integer.value}.${digits.join('')}`;
  return { ...integer, value, low: Number(value), high: Number(value) };
}
