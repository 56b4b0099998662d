import type { SourceBlock, SourceFormat, SourceParagraph } from '../model/document.js';
import { WRITTEN_DATE } from '../ingest/lexicon/dates.js';
import { documentTypeAtEnd } from '../ingest/lexicon/document-types.js';
import { ATTACHMENT_LABEL, ATTACHMENT_NOTE, COPY_TO_LINE } from '../ingest/lexicon/notice-parts.js';
import { HEADING_PATTERNS } from './lexicon/headings.js';

const MIN_BROKEN_LENGTH = 20;
// A paragraph cut by a page break ends where the page ended: mid-word, after a comma, a quote
// or an opening bracket; never after a full stop, nor after the colon that closes an addressee
// line, nor after the digits that end a telephone number.
const CONTINUES = /[\p{Script=Han}、，,“”‘’《》（(—]$/u;
const HAS_CLAUSE = /[，。；、：,;]/;
const DATE_LINE = new RegExp(`^${WRITTEN_DATE}$`);

function startsStructure(text: string): boolean {
  return ATTACHMENT_LABEL.test(text) || ATTACHMENT_NOTE.test(text) || DATE_LINE.test(text) || HEADING_PATTERNS.some(({ pattern }) => pattern.test(text));
}

function isPlainParagraph(block: SourceBlock | undefined): block is SourceParagraph {
  return block !== undefined && block.kind === 'paragraph' && block.style?.heading === undefined;
}

function isBrokenAcrossPages(first: SourceParagraph, second: SourceParagraph): boolean {
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
}

/**
 * Plain text extracted from paged documents keeps the page break as a paragraph break, cutting
 * sentences in two ("各级各部门贯彻落" / "实情况"). Such pieces are joined again. Other formats
 * mark paragraphs explicitly and are left alone.
 */
export function joinPageBrokenParagraphs(blocks: readonly SourceBlock[], format: SourceFormat): SourceBlock[] {
  if (format !== 'text') return [...blocks];
  const joined: SourceBlock[] = [];
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (isPlainParagraph(previous) && isPlainParagraph(block) && isBrokenAcrossPages(previous, block)) {
      joined[joined.length - 1] = { ...previous, text: previous.text.trimEnd() + block.text.trimStart() };
    } else {
      joined.push(block);
    }
  }
  return joined;
}
