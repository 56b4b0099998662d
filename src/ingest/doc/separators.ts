import type { ParagraphLookup, ParagraphProperties } from './paragraphs.js';
import type { RawText } from './pieces.js';

/**
 * word-extractor returns each story as one string in which paragraph marks, line and page
 * breaks and table row ends all became "\n", and cell marks and tabs both became "\t". Which
 * is which is known from the stored characters and the paragraph properties, so the breaks
 * and tabs of its string are predicted from those and then matched one to one. So is the text
 * "undefined" that it writes for every optional hyphen (0x1F, which its replacement table
 * lacks), and that WPS Office stores around blanks to be filled in.
 */
export type SeparatorKind = 'paragraph' | 'line' | 'cell' | 'row' | 'tab' | 'optional-hyphen';

export interface Separator {
  /** Character position of the mark in the document. */
  cp: number;
  text: '\n' | '\t' | typeof OPTIONAL_HYPHEN_TEXT;
  kind: SeparatorKind;
  paragraph: ParagraphProperties;
}

/** A separator with its offset in word-extractor's string of the story. */
export interface PlacedSeparator extends Separator {
  offset: number;
}

const CELL_MARK = 0x07;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const LINE_BREAK = 0x0b;
const PAGE_BREAK = 0x0c;
const PARAGRAPH_MARK = 0x0d;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;
const OPTIONAL_HYPHEN = 0x1f;
const OPTIONAL_HYPHEN_TEXT = 'undefined';

function separatorOf(code: number, paragraph: ParagraphProperties): Pick<Separator, 'text' | 'kind'> | undefined {
  if (paragraph.markedRowEnd) return { text: '\n', kind: 'row' };
  switch (code) {
    case CELL_MARK:
      return { text: '\t', kind: paragraph.rowEnd ? 'row' : 'cell' };
    case TAB:
      return { text: '\t', kind: 'tab' };
    case PARAGRAPH_MARK:
      return { text: '\n', kind: 'paragraph' };
    case LINE_FEED:
    case LINE_BREAK:
    case PAGE_BREAK:
      return { text: '\n', kind: 'line' };
    case OPTIONAL_HYPHEN:
      return { text: OPTIONAL_HYPHEN_TEXT, kind: 'optional-hyphen' };
    default:
      return undefined;
  }
}

/**
 * The separators of a story as word-extractor renders it: what lies in the code part of a
 * field (between its begin and separator marks) is dropped, only the result is kept.
 */
export function predictSeparators(raw: RawText, firstCp: number, paragraphs: ParagraphLookup): Separator[] {
  const separators: Separator[] = [];
  const fields: boolean[] = [];
  let inCode = 0;
  for (let i = 0; i < raw.codes.length; i += 1) {
    const code = raw.codes[i]!;
    if (code === FIELD_BEGIN) {
      fields.push(true);
      inCode += 1;
    } else if (code === FIELD_SEPARATOR && fields.at(-1) === true) {
      fields[fields.length - 1] = false;
      inCode -= 1;
    } else if (code === FIELD_END && fields.length > 0) {
      if (fields.pop() === true) inCode -= 1;
    } else if (inCode === 0) {
      const paragraph = paragraphs.at(raw.fcs[i]!);
      const separator = separatorOf(code, paragraph);
      if (separator !== undefined) separators.push({ cp: firstCp + i, ...separator, paragraph });
    }
  }
  return separators;
}

/** Places the predicted separators in the string, or answers undefined when they disagree. */
export function placeSeparators(text: string, predicted: readonly Separator[]): PlacedSeparator[] | undefined {
  const placed: PlacedSeparator[] = [];
  for (let offset = 0; offset < text.length; offset += 1) {
    const next = predicted[placed.length];
    if (next?.text === OPTIONAL_HYPHEN_TEXT && text.startsWith(OPTIONAL_HYPHEN_TEXT, offset)) {
      placed.push({ ...next, offset });
      offset += OPTIONAL_HYPHEN_TEXT.length - 1;
      continue;
    }
    const char = text[offset];
    if (char !== '\n' && char !== '\t') continue;
    if (next?.text !== char) return undefined;
    placed.push({ ...next, offset });
  }
  return placed.length === predicted.length ? placed : undefined;
}

/**
 * word-extractor's string without the "undefined" it wrote for optional hyphens, for when the
 * separators cannot be placed: as many as the stored text holds, first ones first.
 */
export function withoutOptionalHyphenText(text: string, raw: RawText): string {
  let remaining = raw.codes.filter((code) => code === OPTIONAL_HYPHEN).length;
  return text.replace(new RegExp(OPTIONAL_HYPHEN_TEXT, 'g'), (found) => (remaining-- > 0 ? '' : found));
}
