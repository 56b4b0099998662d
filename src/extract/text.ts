import { isCjk } from '../ingest/characters.js';

/**
 * Joins the lines of a value the way a reader would write it on one line: breaks and spaces
 * next to Chinese text disappear (they are typesetting), a space between Latin words stays.
 */
export function joinLines(text: string): string {
  const chars = [...text.replace(/[\r\n]+/g, '\n')];
  let out = '';
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i]!;
    if (!/\s/.test(ch)) {
      out += ch;
      continue;
    }
    let j = i;
    while (j < chars.length && /\s/.test(chars[j]!)) j += 1;
    const before = out.at(-1);
    const after = chars[j];
    if (before !== undefined && after !== undefined && !isCjk(before) && !isCjk(after)) out += ' ';
    i = j - 1;
  }
  return out.trim();
}

const OPENING = '（(【[《〔“';
const CLOSING = '）)】]》〕”';

/**
 * Where the items of a list of names lie: split on 、，,；; outside brackets, so that
 * `各县（市、区）人民政府` stays whole; each item without the white space around it.
 */
export function splitOutsideBrackets(text: string, separators = /[、，,；;]/): Array<{ start: number; end: number }> {
  const items: Array<{ start: number; end: number }> = [];
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start]!)) start += 1;
    while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
    if (end > start) items.push({ start, end });
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (OPENING.includes(ch)) depth += 1;
    else if (CLOSING.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.test(ch)) {
      push(start, i);
      start = i + 1;
    }
  }
  push(start, text.length);
  return items;
}

/**
 * The text with each span replaced by `filler`, one UTF-16 unit for one, so that offsets into
 * the result are offsets into the text (and a long line with many spans costs one pass).
 */
export function blankSpans(text: string, spans: Iterable<readonly [number, number]>, filler: string): string {
  const units = text.split('');
  for (const [start, end] of spans) for (let i = start; i < end; i += 1) units[i] = filler;
  return units.join('');
}
