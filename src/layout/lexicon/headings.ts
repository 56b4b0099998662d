import type { HeadingScheme } from '../../model/document.js';

const CN = '[一二三四五六七八九十百零〇两]{1,4}';

export interface HeadingPattern {
  scheme: HeadingScheme;
  level: number;
  /** Matches the marker at the start of a paragraph; group 1 is the number. */
  pattern: RegExp;
}

/**
 * The numbering of 公文 headings (GB/T 9704-2012 7.3.3: 一、 （一） 1. （1）) and of the
 * chapters and articles of regulations. Order matters: the first pattern that matches wins.
 */
export const HEADING_PATTERNS: readonly HeadingPattern[] = [
  { scheme: 'chapter', level: 1, pattern: new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*章(?![程])`) },
  { scheme: 'section', level: 2, pattern: new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*节`) },
  { scheme: 'article', level: 3, pattern: new RegExp(`^第\\s*(${CN}|\\d{1,3})\\s*条(?![例款])`) },
  { scheme: 'cn', level: 1, pattern: /^([一二三四五六七八九十]{1,3})\s*[、．.](?![\d])/ },
  { scheme: 'cn-paren', level: 2, pattern: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/ },
  { scheme: 'arabic', level: 3, pattern: /^(\d{1,2})\s*(?:[、．]|\.(?!\d))/ },
  { scheme: 'arabic-paren', level: 4, pattern: /^[（(]\s*(\d{1,2})\s*[）)]/ },
  { scheme: 'circled', level: 5, pattern: /^([\u2460-\u2473])/ },
];
