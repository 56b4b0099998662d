import WordExtractor from 'word-extractor';
import { GongwenError } from '../model/errors.js';
import { warning, type Message } from '../model/messages.js';
import { result } from '../model/result.js';
import { openCompoundFile, type CompoundFile } from './doc/compound-file.js';
import { readFib, type Fib } from './doc/fib.js';
import { checkFormattingTables, readParagraphProperties } from './doc/paragraphs.js';
import { readPieces } from './doc/pieces.js';
import { hangStories, inReadingOrder, StoryReader, type StoryText } from './doc/reading-order.js';
import { readNotes, readTextBoxes, storyStarts } from './doc/stories.js';
import type { FormatReader } from './format.js';

/** What an OLE compound file without a WordDocument stream is, told by the streams it holds. */
const OTHER_COMPOUND_FILES: ReadonlyArray<[(names: ReadonlySet<string>, classId: string) => boolean, string]> = [
  [(names) => names.has('Workbook') || names.has('Book'), 'an Excel or WPS spreadsheet (.xls, .et)'],
  [(names) => names.has('PowerPoint Document'), 'a PowerPoint or WPS presentation (.ppt, .dps)'],
  [(names) => names.has('VisioDocument'), 'a Visio drawing (.vsd)'],
  [(names) => names.has('Quill'), 'a Publisher document (.pub)'],
  [(names) => names.has('__properties_version1.0'), 'an Outlook message (.msg)'],
  [(names) => names.has('FileHeader') && names.has('BodyText'), 'a Hangul word processor document (.hwp)'],
  [(names) => names.has('CONTENTS'), 'a Microsoft Works document'],
  // Windows Installer names its streams in its own encoding, in the CJK Extension A range.
  [(names, classId) => /^8[246]100c00/.test(classId) || [...names].some((name) => /[\u3800-\u4840]/.test(name)), 'a Windows Installer package (.msi, .msp, .mst)'],
];

function notWord(file: CompoundFile): GongwenError {
  const names = new Set(file.rootNames);
  if (names.has('EncryptionInfo') && names.has('EncryptedPackage')) {
    return new GongwenError('E_ENCRYPTED_DOC', 'the file is a password-protected Office document (an encrypted .docx, .xlsx or .pptx)');
  }
  const known = OTHER_COMPOUND_FILES.find(([test]) => test(names, file.rootClassId))?.[1];
  const listed = file.rootNames.map((name) => JSON.stringify(name.replace(/[\x00-\x1f]/g, ''))).slice(0, 6).join(', ');
  const what = known ?? `an OLE compound file holding ${listed || 'nothing'}`;
  return new GongwenError('E_NOT_DOC', `the file is ${what}: it has no WordDocument stream`, {
    details: { streams: file.rootNames },
  });
}

/** The text of each story as word-extractor gives it; its failures are damage to the file. */
async function extractStories(bytes: Uint8Array, fib: Fib): Promise<{ body: string; footnotes: string; endnotes: string; textBoxes: string }> {
  try {
    const document = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    const raw = { filterUnicode: false };
    return {
      body: document.getBody(raw),
      footnotes: document.getFootnotes(raw),
      endnotes: document.getEndnotes(raw),
      textBoxes: document.getTextboxes({ ...raw, includeHeadersAndFooters: false }),
    };
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new GongwenError(
      'E_CORRUPT_DOC',
      fib.fastSaved
        ? `the document was fast-saved (saved incrementally, as Word's "Allow fast saves" does) and its text cannot be read (${reason})`
        : `the Word document's text cannot be read (${reason})`,
      { cause: error },
    );
  }
}

/**
 * A Word 97–2003 binary document (.doc, and .wps as WPS Office saves it). word-extractor gives
 * the text of each story; the file's own paragraph properties tell its tables, cells and rows
 * from tabs and line breaks, and where text boxes and notes belong. Headers, footers, comments
 * and header text boxes are page furniture or annotation, not the notice.
 */
export const readDoc: FormatReader = async (bytes) => {
  const file = openCompoundFile(bytes);
  const wordDocument = file.stream('WordDocument');
  if (wordDocument === undefined) throw notWord(file);
  const fib = readFib(wordDocument);
  if (fib.encrypted) throw new GongwenError('E_ENCRYPTED_DOC', 'the Word document is protected by a password to open it');
  const table = file.stream(fib.tableStreamName);
  if (table === undefined) throw new GongwenError('E_CORRUPT_DOC', `the Word document lacks its table stream ${fib.tableStreamName}`);
  // Everything word-extractor walks is checked before it is called.
  const pieces = readPieces(fib, table, wordDocument);
  checkFormattingTables(fib, wordDocument);
  const paragraphs = readParagraphProperties(fib, table, wordDocument, file.stream('Data'));
  const text = await extractStories(bytes, fib);

  const reader = new StoryReader(pieces, wordDocument, paragraphs);
  const starts = storyStarts(fib);
  const { lengths } = fib;
  // word-extractor leaves out the last character of these stories, their closing paragraph mark.
  const story = (storyText: string, start: number, length: number): StoryText =>
    length > 0 ? reader.read(storyText, start, start + length - 1) : { matched: true, blocks: [] };
  const body = reader.read(text.body, 0, lengths.text);
  const boxes = story(text.textBoxes, starts.textBoxes, lengths.textBoxes);
  const footnotes = story(text.footnotes, starts.footnotes, lengths.footnotes);
  const endnotes = story(text.endnotes, starts.endnotes, lengths.endnotes);

  const messages: Message[] = [];
  const unmatched = Object.entries({ body, 'text boxes': boxes, footnotes, endnotes }).filter(([, range]) => !range.matched);
  if (unmatched.length > 0) {
    const names = unmatched.map(([name]) => name).join(', ');
    messages.push(warning('ingest:doc-structure', `the paragraph marks of the ${names} do not match the text; tables were rebuilt from tabs alone, text boxes put first and notes last`));
  }
  const notes = hangStories(footnotes, readNotes(fib, table, 'footnote'), Number.MAX_SAFE_INTEGER).concat(
    hangStories(endnotes, readNotes(fib, table, 'endnote'), Number.MAX_SAFE_INTEGER),
  );
  const blocks = inReadingOrder(body, hangStories(boxes, readTextBoxes(fib, table), undefined), notes);
  return result({ blocks }, messages);
};
