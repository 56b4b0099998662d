import type { SourceBlock, SourceFormat, SourceParagraph } from '../model/document.js';
import { WRITTEN_DATE } from '../ingest/lexicon/dates.js';
import { documentTypeAtEnd } from '../ingest/lexicon/document-types.js';
import { ATTACHMENT_LABEL, ATTACHMENT_NOTE, COPY_TO_LINE, LABELLED_ATTACHMENT_NOTE } from '../ingest/lexicon/notice-parts.js';
import { endsLikeOrganisation } from '../ingest/lexicon/organisations.js';
import { HEADING_PATTERNS } from './lexicon/headings.js';

const MIN_BROKEN_LENGTH = 20;
// A paragraph cut by a page break ends where the page ended: mid-word, after a comma, a quote
// or an opening bracket; never after a full stop, nor after the colon that closes an addressee
// line, nor after the digits that end a telephone number.
const CONTINUES = /[\p{Script=Han}、，,“”‘’《》（(—]$/u;
const HAS_CLAUSE = /[，。；、：,;]/;
const DATE_LINE = new RegExp(`^${WRITTEN_DATE}$`);
const ENDS_WITH_HAN = /\p{Script=Han}$/u;
// The end of a title pushed onto a line of its own: a character or three, nothing that could be
// a sentence, a number or a signature.
const TITLE_TAIL = /^\p{Script=Han}{1,3}$/u;
// An author wraps a title by hand only where it reached the right margin: a 公文 line holds 28
// characters (GB/T 9704-2012 7.1), less a little for the indent.
const FULL_LINE = 24;
// Short lines that follow an attachment note in their own right.
const NOT_A_TITLE_TAIL = /^(?:特此通知|联系人|抄送|主动公开|目录|总则)$/;
const NOTE_ITEM = /^[（(]?\d{1,2}\s*(?:[.．、]|[）)])/;

/** Where in the notice the first of two paragraphs stands. */
interface JoinContext {
  /** The first paragraph is a line of the attachment note: its first line or a numbered title under it. */
  inAttachmentNote: boolean;
}

/** Two neighbouring paragraphs that are one, and why. */
interface JoinRule {
  /** The formats whose paragraph breaks can be wrong in this way; every format when absent. */
  formats?: readonly SourceFormat[];
  joins(first: SourceParagraph, second: SourceParagraph, context: JoinContext): boolean;
}

function startsStructure(text: string): boolean {
  return ATTACHMENT_LABEL.test(text) || ATTACHMENT_NOTE.test(text) || DATE_LINE.test(text) || HEADING_PATTERNS.some(({ pattern }) => pattern.test(text));
}

function isPlainParagraph(block: SourceBlock | undefined): block is SourceParagraph {
  return block !== undefined && block.kind === 'paragraph' && block.style?.heading === undefined;
}

/** Whether a paragraph carries the attachment note on: its first line, or a numbered title under it. */
function attachmentNoteAfter(inNote: boolean, block: SourceBlock): boolean {
  if (block.kind !== 'paragraph') return false;
  const text = block.text.trim();
  return ATTACHMENT_NOTE.test(text) || LABELLED_ATTACHMENT_NOTE.test(text) || (inNote && NOTE_ITEM.test(text));
}

/**
 * Plain text extracted from paged documents keeps the page break as a paragraph break, cutting
 * sentences in two ("各级各部门贯彻落" / "实情况"). Other formats mark paragraphs explicitly.
 */
const PAGE_BREAK_IN_PLAIN_TEXT: JoinRule = {
  formats: ['text'],
  joins(first, second) {
    const text = first.text.trim();
    return (
      text.length >= MIN_BROKEN_LENGTH &&
      HAS_CLAUSE.test(text.slice(0, -1)) &&
      CONTINUES.test(text) &&
      documentTypeAtEnd(text) === undefined &&
      !ATTACHMENT_NOTE.test(text) &&
      !COPY_TO_LINE.test(text) &&
      !startsStructure(second.text.trim())
    );
  },
};

/**
 * Authors line the end of a long attachment title up under it by hand, ending the line with a
 * paragraph mark (…机具种类范 / 围): the printed page shows one title, so the record does too.
 */
const HAND_WRAPPED_ATTACHMENT_TITLE: JoinRule = {
  joins(first, second, context) {
    const line = first.text.trim();
    const tail = second.text.trim();
    return (
      context.inAttachmentNote &&
      line.length >= FULL_LINE &&
      ENDS_WITH_HAN.test(line) &&
      TITLE_TAIL.test(tail) &&
      !NOT_A_TITLE_TAIL.test(tail) &&
      first.style?.align === second.style?.align &&
      !endsLikeOrganisation(tail) &&
      !startsStructure(tail)
    );
  },
};

const JOIN_RULES: readonly JoinRule[] = [PAGE_BREAK_IN_PLAIN_TEXT, HAND_WRAPPED_ATTACHMENT_TITLE];

/** Joins paragraphs that the source broke where the notice does not: see the rules above. */
export function joinBrokenParagraphs(blocks: readonly SourceBlock[], format: SourceFormat): SourceBlock[] {
  const rules = JOIN_RULES.filter((rule) => rule.formats === undefined || rule.formats.includes(format));
  const joined: SourceBlock[] = [];
  let inAttachmentNote = false;
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (isPlainParagraph(previous) && isPlainParagraph(block) && rules.some((rule) => rule.joins(previous, block, { inAttachmentNote }))) {
      joined[joined.length - 1] = { ...previous, text: previous.text.trimEnd() + block.text.trimStart() };
    } else {
      joined.push(block);
      inAttachmentNote = attachmentNoteAfter(inAttachmentNote, block);
    }
  }
  return joined;
}
