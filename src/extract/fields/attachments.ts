import { result } from '../../model/result.js';
import type { Line } from '../context.js';
import type { Extractor } from '../extractor.js';
import type { AttachmentFinding } from '../findings.js';
import { ATTACHMENT_NOTE, LABELLED_ATTACHMENT_NOTE } from '../../ingest/lexicon/notice-parts.js';
import { endsLikeOrganisation } from '../../ingest/lexicon/organisations.js';
import { findDates } from '../dates.js';
import { FILE_EXTENSION } from '../lexicon/attachments.js';
import { joinLines } from '../text.js';

const ITEM_NUMBER = /^\s*[（(]?\s*(\d{1,2})\s*(?:[.．、:：]|[）)])\s*/;
const INLINE_ITEM = /(?:^|\s)[（(]?(\d{1,2})\s*(?:[.．、]|[）)])(?!\d)\s*/g;
const TRAILING_PUNCTUATION = /[\s。；;，,.、]+$/;
const SENTENCE = /[，,。；;]/;

interface Item {
  start: number;
  end: number;
  number?: number;
}

function cleanTitle(raw: string): string {
  return joinLines(raw).replace(TRAILING_PUNCTUATION, '').replace(FILE_EXTENSION, '').replace(/^[《“"]|[》”"]$/g, '').trim();
}

/** Items of one line: `1. 甲 2. 乙` or a single title. Offsets are into the line. */
function itemsOfLine(text: string, from: number): Item[] {
  const markers = [...text.slice(from).matchAll(INLINE_ITEM)];
  if (markers.length === 0 || (markers[0]!.index !== 0 && text.slice(from, from + markers[0]!.index).trim() !== '')) {
    return text.slice(from).trim() === '' ? [] : [{ start: from, end: text.length }];
  }
  return markers.map((marker, i) => {
    const next = markers[i + 1];
    return {
      start: from + marker.index + marker[0].length,
      end: next === undefined ? text.length : from + next.index,
      number: Number(marker[1]),
    };
  });
}

/** `附件：` alone, its one title on the next line (not a numbered item, a signature or a date). */
function isTitleOnItsOwnLine(line: Line): boolean {
  const text = line.text.trim();
  return (
    line.block.type === 'paragraph' &&
    text.length <= 80 &&
    !/[。；;，,：:]/.test(text) &&
    !ITEM_NUMBER.test(text) &&
    !endsLikeOrganisation(text) &&
    findDates(text).length === 0
  );
}

/** `附件1.封面模板` / `附件2.目录模板`: each title on a line of its own under its own label. */
function labelledItems(lines: readonly Line[], noteIndex: number): Array<{ line: Line; item: Item }> {
  const found: Array<{ line: Line; item: Item }> = [];
  for (let i = noteIndex; i < lines.length; i += 1) {
    const line = lines[i]!;
    const text = line.text.trimStart();
    const label = LABELLED_ATTACHMENT_NOTE.exec(text);
    if (!label || Number(label[1]) !== found.length + 1) break;
    const title = text.slice(label[0].length).trim();
    // 附件1.doc is the name of a file a portal offers for download, not a title; a line with a
    // clause in it (附件1：各地推荐名额分配表所列名额为上限。) says something about the attachment.
    if (FILE_EXTENSION.test(`.${title}`) || SENTENCE.test(title)) break;
    const start = line.text.length - text.length + label[0].length;
    found.push({ line, item: { start, end: line.text.length, number: found.length + 1 } });
  }
  return found;
}

/** `附件：1. 甲` with the further items on the lines below it, or a single `附件：甲`. */
function notedItems(lines: readonly Line[], noteIndex: number): Array<{ line: Line; item: Item }> {
  const note = lines[noteIndex]!;
  const from = note.text.search(/[:：]/) + 1;
  // 附件： alone, then 附件1.封面模板, 附件2.目录模板 on the lines below.
  if (note.text.slice(from).trim() === '' && LABELLED_ATTACHMENT_NOTE.test(lines[noteIndex + 1]?.text.trim() ?? '')) return labelledItems(lines, noteIndex + 1);
  const found: Array<{ line: Line; item: Item }> = itemsOfLine(note.text, from).map((item) => ({ line: note, item }));
  const next = lines[noteIndex + 1];
  if (found.length === 0 && next !== undefined && isTitleOnItsOwnLine(next)) {
    found.push({ line: next, item: { start: 0, end: next.text.length } });
  }
  const numbered = found.length === 0 || found[0]!.item.number !== undefined;
  for (let i = noteIndex + 1; numbered && i < lines.length; i += 1) {
    const line = lines[i]!;
    const marker = ITEM_NUMBER.exec(line.text);
    const expected = (found.at(-1)?.item.number ?? 0) + 1;
    if (!marker || Number(marker[1]) !== expected) break;
    found.push({ line, item: { start: marker[0].length, end: line.text.length, number: expected } });
  }
  return found;
}

/**
 * The attachment note (附件说明): `附件：1. 甲` with the further items on the lines below it, a
 * single `附件：甲`, or one labelled line a title (`附件1.甲`, `附件2.乙`). Only the notice's own
 * note counts, not notes inside its attachments.
 */
export const attachmentsExtractor: Extractor = {
  name: 'attachments',
  extract(context) {
    const lines = context.mainLines;
    const noteIndex = lines.findIndex((line) => ATTACHMENT_NOTE.test(line.text.trim()));
    const labelIndex = noteIndex < 0 ? lines.findIndex((line) => LABELLED_ATTACHMENT_NOTE.test(line.text.trim())) : -1;
    const found = noteIndex >= 0 ? notedItems(lines, noteIndex) : labelIndex >= 0 ? labelledItems(lines, labelIndex) : [];
    const attachments: AttachmentFinding[] = found
      .map(({ line, item }) => {
        const raw = line.text.slice(item.start, item.end).trim();
        const start = line.span[0] + line.text.indexOf(raw, item.start);
        const finding: AttachmentFinding = { title: cleanTitle(raw), raw, span: [start, start + raw.length], source: 'body' };
        if (item.number !== undefined) finding.number = item.number;
        return finding;
      })
      .filter((attachment) => attachment.title !== '');
    return result({ attachments });
  },
};
