/**
 * How notices write a calendar date: Arabic digits (full-width too) or Chinese numerals, with
 * 年月日 (二〇一八年四月十五日, 2018 年 4 月 15 日). Fragments for building the patterns that
 * look for dates in context; each is a regular-expression source without capture groups.
 */
export const ARABIC_DIGIT = '[0-9０-９]';
/** A digit of a year written in Chinese numerals (二〇一八): 〇 is written several ways. */
export const CHINESE_YEAR_DIGIT = '[〇零○Ｏ一二三四五六七八九]';
export const CHINESE_YEAR = `${CHINESE_YEAR_DIGIT}{4}`;
export const CHINESE_MONTH_OR_DAY = '[一二三四五六七八九十]{1,3}';

/** A year, month and day written with 年月日, in Arabic or Chinese numerals. */
export const WRITTEN_DATE = `(?:${ARABIC_DIGIT}{4}|${CHINESE_YEAR})\\s*年\\s*(?:${ARABIC_DIGIT}{1,2}|${CHINESE_MONTH_OR_DAY})\\s*月\\s*(?:${ARABIC_DIGIT}{1,2}|${CHINESE_MONTH_OR_DAY})\\s*[日号]`;
