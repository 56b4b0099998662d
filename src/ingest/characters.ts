import { RADICAL_TO_IDEOGRAPH } from './lexicon/radicals.js';

const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const COMPATIBILITY_IDEOGRAPH = /[\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/u;
const RADICAL = /[\u2e80-\u2fdf]/u;

/**
 * Folds characters that only look like what the author typed: radicals for ideographs, CJK
 * compatibility ideographs for their unified form (NFC does this), and invisible format
 * characters, which text layers and web editors leave behind. Everything else is kept as
 * written: full-width punctuation is the document's own typography, so this is not NFKC.
 */
export function foldLookalikes(text: string): string {
  let folded = text.replace(ZERO_WIDTH, '').replace(/[\u2028\u2029]/g, '\n');
  if (RADICAL.test(folded) || COMPATIBILITY_IDEOGRAPH.test(folded)) {
    let out = '';
    for (const ch of folded) {
      const radical = RADICAL_TO_IDEOGRAPH.get(ch);
      if (radical !== undefined) out += radical;
      else if (COMPATIBILITY_IDEOGRAPH.test(ch)) out += ch.normalize('NFC');
      else out += ch;
    }
    folded = out;
  }
  return folded;
}

const HAN = /\p{Script=Han}/u;

/** Removes all white space: how Chinese text is compared, since spacing in it is typesetting. */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

function isWhiteSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Counts the characters (code points) that are not white space, without copying the text. */
export function visibleLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    // The low half of a surrogate pair was counted with its high half.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (!isWhiteSpace(code)) count += 1;
  }
  return count;
}

// CJK symbols and punctuation, full-width forms, CJK brackets and quotes as Chinese text uses them.
const CJK_PUNCTUATION = /[\u3000-\u303f\uff00-\uffef\u2014\u2018\u2019\u201c\u201d\u2026\u00b7\u2e3a\u2e3b]/u;

/** A character of Chinese running text: an ideograph or CJK punctuation. */
export function isCjk(ch: string): boolean {
  return HAN.test(ch) || CJK_PUNCTUATION.test(ch);
}

/**
 * Characters that never appear in a readable notice and betray a text layer that cannot be
 * decoded: the replacement character, private-use code points, and C0/C1 controls other than
 * tab and line breaks.
 */
export function isUndecodable(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (
    code === 0xfffd ||
    (code >= 0xe000 && code <= 0xf8ff) ||
    code >= 0xf0000 ||
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f)
  );
}

/** Share of the non-space characters of `text` that cannot be decoded (0 for empty text). */
export function undecodableShare(text: string): number {
  let total = 0;
  let bad = 0;
  for (const ch of text) {
    if (/\s/.test(ch)) continue;
    total += 1;
    if (isUndecodable(ch)) bad += 1;
  }
  return total === 0 ? 0 : bad / total;
}
