import { isCjk } from '../characters.js';

/**
 * Spacing is decided from geometry, never from the space glyphs a text layer happens to carry:
 * producers letter-space titles ("唐 山 市 行 政 审 批 局") and pad digits ("2019 年 3 月")
 * with spaces that are not part of the text.
 */

/**
 * A gap of this many ems between two multi-character pieces of a line is a deliberate
 * separation (two issuers side by side, a tab stop) and becomes one space, even between CJK.
 */
export const WIDE_GAP_EM = 1.5;
// Latin words are separated by a space glyph of about a quarter em (Times 0.25, Arial 0.28);
// tracking in justified lines stays well below this. Letter-spaced lines never get spaces
// (see `Line.letterSpaced`), which keeps spread digits from splitting a number.
const WORD_GAP_EM = 0.2;

const WHITESPACE_RUN = /\s+/gu;

/** Whether two neighbours on a line, not set apart by a wide gap, are separated by a space. */
export function needsSpace(before: string, after: string, gap: number, em: number): boolean {
  if (before === '' || after === '' || isCjk(before) || isCjk(after)) return false;
  return gap >= WORD_GAP_EM * em;
}

/**
 * The text of one run with its own white space settled the same way: dropped next to CJK
 * characters, collapsed to one space between Latin words. (PDF runs carry none, but other
 * paged formats, such as OFD text codes, do.)
 */
export function tidyRunText(text: string): string {
  if (!/\s/u.test(text)) return text;
  return text.trim().replace(WHITESPACE_RUN, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + space.length] ?? '';
    return isCjk(before) || isCjk(after) ? '' : ' ';
  });
}

export function lastCharacter(text: string): string {
  const chars = [...text];
  return chars[chars.length - 1] ?? '';
}

export function firstCharacter(text: string): string {
  return [...text][0] ?? '';
}

/** Joins two pieces of running text across a line break: nothing between CJK, a space between words. */
export function joinWrapped(before: string, after: string): string {
  if (before === '') return after;
  if (after === '') return before;
  const last = lastCharacter(before);
  const first = firstCharacter(after);
  // A hyphen at the end of a wrapped Latin line is kept: it cannot be told from a real one.
  if (isCjk(last) || isCjk(first) || last === '-' || last === '/') return before + after;
  return `${before} ${after}`;
}
