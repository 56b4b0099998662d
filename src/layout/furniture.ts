import type { SourceBlock, SourceFormat } from '../model/document.js';
import { info, type Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import { WRITTEN_DATE } from '../ingest/lexicon/dates.js';
import { isChromeLine, isPageNumberLine } from '../ingest/lexicon/furniture.js';
import { ATTACHMENT_LABEL, ATTACHMENT_NOTE, COPY_TO_LINE, PRINTED_LINE } from '../ingest/lexicon/notice-parts.js';
import { endsLikeOrganisation } from '../ingest/lexicon/organisations.js';
import { HEADING_PATTERNS } from './lexicon/headings.js';

const TERMINAL_PUNCTUATION = /[。！？；：:;!?]$/;
const MIN_LINK_LIST_LENGTH = 5;
const LINK_TITLE_LENGTH: readonly [number, number] = [6, 40];
const CONTAINS_DATE = new RegExp(WRITTEN_DATE);

/** Lines that end a notice and must never be taken for links: signature, date, notes, 版记. */
function endsANotice(text: string): boolean {
  return (
    endsLikeOrganisation(text) ||
    CONTAINS_DATE.test(text) ||
    ATTACHMENT_NOTE.test(text) ||
    ATTACHMENT_LABEL.test(text) ||
    COPY_TO_LINE.test(text) ||
    PRINTED_LINE.test(text) ||
    HEADING_PATTERNS.some(({ pattern }) => pattern.test(text))
  );
}

/**
 * A title in a list of links to other articles, as portals append under a notice ("相关阅读")
 * and as copies of such pages keep: a single unpunctuated phrase of a title's length, and none
 * of the lines a notice ends with.
 */
function looksLikeLinkTitle(block: SourceBlock): boolean {
  if (block.kind !== 'paragraph') return false;
  const text = block.text.trim();
  return (
    text.length >= LINK_TITLE_LENGTH[0] &&
    text.length <= LINK_TITLE_LENGTH[1] &&
    !TERMINAL_PUNCTUATION.test(text) &&
    !/\s{2,}/.test(text) &&
    !endsANotice(text)
  );
}

/** Counts the run of link titles that ends the document. */
function trailingLinkListLength(blocks: readonly SourceBlock[]): number {
  let count = 0;
  for (let i = blocks.length - 1; i >= 0 && looksLikeLinkTitle(blocks[i]!); i -= 1) count += 1;
  return count >= MIN_LINK_LIST_LENGTH ? count : 0;
}

/**
 * Drops what belongs to the page rather than the notice: page numbers, portal chrome, and, in
 * plain text copied from a portal, the list of unrelated links that ends it. Structured formats
 * have already lost their chrome in the ingestor; the line rules still apply to them because
 * portals paste toolbars into the article body.
 */
export function removeFurniture(blocks: readonly SourceBlock[], format: SourceFormat): Result<SourceBlock[]> {
  const messages: Message[] = [];
  let pageNumbers = 0;
  let chrome = 0;
  const kept = blocks.filter((block) => {
    if (block.kind !== 'paragraph') return true;
    if (isPageNumberLine(block.text)) {
      pageNumbers += 1;
      return false;
    }
    if (isChromeLine(block.text)) {
      chrome += 1;
      return false;
    }
    return true;
  });
  const links = format === 'text' ? trailingLinkListLength(kept) : 0;
  if (links > 0) kept.splice(kept.length - links, links);
  if (pageNumbers > 0) messages.push(info('layout:page-numbers-removed', `removed ${pageNumbers} page-number lines`));
  if (chrome > 0) messages.push(info('layout:chrome-removed', `removed ${chrome} lines of portal chrome`));
  if (links > 0) messages.push(info('layout:link-list-removed', `removed a list of ${links} unrelated links at the end`));
  return result(kept, messages);
}
