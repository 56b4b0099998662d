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

/** Removes all white space: the comparison form of ANNOTATION.md for Chinese text. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * Splits a list of names on 、，,；; outside brackets, so that `各县（市、区）人民政府` stays whole.
 */
export function splitOutsideBrackets(text: string, separators = /[、，,；;]/): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if ('（(【[《〔“'.includes(ch)) depth += 1;
    if ('）)】]》〕”'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.test(ch)) {
      if (current.trim() !== '') items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') items.push(current.trim());
  return items;
}
