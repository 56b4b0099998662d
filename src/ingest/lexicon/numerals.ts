/**
 * Chinese numerals as notices write them: positional digit strings in years (二〇一八, with
 * 〇, 零, ○ or a full-width Ｏ for zero), unit-based numbers in months, days and counts
 * (十五, 二十一, 一百零五), and the financial forms (壹, 拾).
 */
export const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, 'Ｏ': 0, 'О': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
  壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9,
};

const CHINESE_UNITS: Readonly<Record<string, number>> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000, 万: 10_000, 亿: 100_000_000,
};

function parsePositional(text: string): number | undefined {
  let value = 0;
  for (const ch of text) {
    const digit = CHINESE_DIGITS[ch];
    if (digit === undefined) return undefined;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses 十五, 二十一, 一百零五, 三千五百, 一万二千 and digit strings such as 二〇一八. */
export function parseChineseNumber(text: string): number | undefined {
  if (text === '') return undefined;
  if (![...text].some((ch) => ch in CHINESE_UNITS)) return parsePositional(text);
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d !== undefined) {
      digit = d;
      continue;
    }
    const unit = CHINESE_UNITS[ch];
    if (unit === undefined) return undefined;
    if (unit >= 10_000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      // A unit without a digit before it counts once: 十五 is 15.
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/** The number a date part or a marker writes, in Arabic digits (full-width too) or Chinese numerals. */
export function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ascii = text.normalize('NFKC');
  return /^\d+$/.test(ascii) ? Number(ascii) : parseChineseNumber(text);
}

const COUNTING_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Writes 1–9999 the way Word's chineseCounting numbering does: 十, 十一, 二十, 一百零一. */
export function toChineseCounting(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 9999) return String(value);
  if (value < 10) return COUNTING_DIGITS[value]!;
  if (value < 20) return `十${value === 10 ? '' : COUNTING_DIGITS[value - 10]!}`;
  const units: Array<[number, string]> = [[1000, '千'], [100, '百'], [10, '十']];
  let rest = value;
  let out = '';
  let pendingZero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit > 0) {
      if (pendingZero) out += '零';
      out += COUNTING_DIGITS[digit]! + name;
      pendingZero = false;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? '零' : '') + COUNTING_DIGITS[rest]!;
  return out;
}
