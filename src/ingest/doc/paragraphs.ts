import { GongwenError } from '../../model/errors.js';
import type { ParagraphStyle } from '../../model/document.js';
import { STRUCTURE, type Fib } from './fib.js';

/** What a paragraph's properties (its PAPX, MS-DOC 2.9.175) say about its place in the text. */
export interface ParagraphProperties {
  inTable: boolean;
  /** The paragraph is a table row's end mark (a TTP). */
  rowEnd: boolean;
  /**
   * The FKP page itself carries sprmPFTtp, whatever its value: word-extractor turns every
   * character of such a paragraph into a line break, so its text must be predicted the same
   * way. It does not follow properties moved to the Data stream (sprmPHugePapx), where Word
   * puts the row ends of wide tables, and leaves their marks as tabs.
   */
  markedRowEnd: boolean;
  style: ParagraphStyle;
}

interface PropertyRun extends ParagraphProperties {
  fcStart: number;
  fcEnd: number;
}

/** Paragraph properties by stream offset (FC), from the PAPX FKP pages. */
export interface ParagraphLookup {
  at(fc: number): ParagraphProperties;
}

const PAGE_BYTES = 512;
const FIB_RG_FC_LCB = 0x9a;
const HEADER_STORIES_PER_SECTION = 6;
// Far more sections than any notice has; it bounds the header stories word-extractor walks.
const MAX_SECTIONS = 1024;
const BX_BYTES = 13;
const SPRM_IN_TABLE = 0x2416;
const SPRM_ROW_END = 0x2417;
const SPRM_TABLE_DEPTH = 0x6649;
const SPRM_ALIGN_97 = 0x2403;
const SPRM_ALIGN = 0x2461;
const SPRM_TABLE_DEFINITION = 0xd608;
const SPRM_HUGE_PAPX = 0x6646;
const HEADING_STYLES = 9;
const OPERAND_BYTES = [1, 1, 2, 4, 2, 2, -1, 3];
const ALIGNMENTS: ReadonlyArray<ParagraphStyle['align']> = ['left', 'center', 'right', 'justify', 'justify'];
const PLAIN: ParagraphProperties = { inTable: false, rowEnd: false, markedRowEnd: false, style: {} };

/** Single Property Modifiers of a grpprl with their operands; a malformed one ends the list. */
function* sprms(grpprl: Uint8Array): Generator<{ sprm: number; operand: Uint8Array }> {
  const view = new DataView(grpprl.buffer, grpprl.byteOffset, grpprl.byteLength);
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = view.getUint16(at, true);
    at += 2;
    let size = OPERAND_BYTES[sprm >> 13]!;
    if (sprm === SPRM_TABLE_DEFINITION) {
      if (at + 2 > grpprl.length) return;
      size = view.getUint16(at, true) + 1;
    } else if (size < 0) {
      if (at + 1 > grpprl.length) return;
      size = grpprl[at]! + 1;
    }
    if (at + size > grpprl.length) return;
    yield { sprm, operand: grpprl.subarray(at, at + size) };
    at += size;
  }
}

function properties(istd: number, grpprl: Uint8Array, data: Uint8Array | undefined): ParagraphProperties {
  const result: ParagraphProperties = { inTable: false, rowEnd: false, markedRowEnd: false, style: {} };
  if (istd >= 1 && istd <= HEADING_STYLES) result.style.heading = istd;
  const apply = (list: Uint8Array, inPage: boolean): void => {
    for (const { sprm, operand } of sprms(list)) {
      if (sprm === SPRM_IN_TABLE) result.inTable = operand[0] !== 0;
      else if (sprm === SPRM_TABLE_DEPTH) result.inTable = int32(operand) > 0;
      else if (sprm === SPRM_ROW_END) {
        result.rowEnd = operand[0] !== 0;
        if (inPage) result.markedRowEnd = true;
      } else if (sprm === SPRM_ALIGN_97 || sprm === SPRM_ALIGN) {
        const align = ALIGNMENTS[operand[0]!];
        if (align !== undefined) result.style.align = align;
      } else if (sprm === SPRM_HUGE_PAPX && inPage && data !== undefined) {
        apply(hugeGrpprl(data, int32(operand)), false);
      }
    }
  };
  apply(grpprl, true);
  return result;
}

function int32(operand: Uint8Array): number {
  return new DataView(operand.buffer, operand.byteOffset, 4).getInt32(0, true);
}

/** The property list a PAPX moved to the Data stream: a 16-bit size, then the list. */
function hugeGrpprl(data: Uint8Array, offset: number): Uint8Array {
  if (offset < 0 || offset + 2 > data.length) return new Uint8Array(0);
  const size = data[offset]! | (data[offset + 1]! << 8);
  return data.subarray(offset + 2, Math.min(data.length, offset + 2 + size));
}

function pageRuns(page: Uint8Array, data: Uint8Array | undefined): PropertyRun[] {
  const view = new DataView(page.buffer, page.byteOffset, PAGE_BYTES);
  const count = page[PAGE_BYTES - 1]!;
  const runs: PropertyRun[] = [];
  for (let i = 0; i < count && (count + 1) * 4 + (i + 1) * BX_BYTES < PAGE_BYTES; i += 1) {
    const fcStart = view.getUint32(i * 4, true);
    const fcEnd = view.getUint32((i + 1) * 4, true);
    const papx = page[(count + 1) * 4 + i * BX_BYTES]! * 2;
    if (papx === 0) {
      runs.push({ fcStart, fcEnd, ...PLAIN, style: {} });
      continue;
    }
    const cb = page[papx]!;
    const start = cb === 0 ? papx + 2 : papx + 1;
    const end = Math.min(PAGE_BYTES - 1, cb === 0 ? start + 2 * page[papx + 1]! : start + 2 * cb - 1);
    if (end - start < 2) continue;
    runs.push({ fcStart, fcEnd, ...properties(view.getUint16(start, true), page.subarray(start + 2, end), data) });
  }
  return runs;
}

/** The raw offset and size of structure `index` of FibRgFcLcb97, as word-extractor reads them. */
function rawStructure(wordDocument: Uint8Array, index: number): { offset: number; size: number } {
  const at = FIB_RG_FC_LCB + index * 8;
  if (at + 8 > wordDocument.length) return { offset: 0, size: 0 };
  const view = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  return { offset: view.getUint32(at, true), size: view.getUint32(at + 4, true) };
}

/**
 * Refuses formatting tables whose entry counts no sound file has, before word-extractor walks
 * them: it visits every PlcBtePapx and PlcBteChpx entry's 512-byte page and every PlcfHdd entry,
 * rewriting piece text for each, so hostile counts cost time quadratic in the file's size.
 * A bin table cannot name more distinct pages than the WordDocument stream holds, and the
 * header stories number six for each section, with a few for the separators.
 */
export function checkFormattingTables(fib: Fib, wordDocument: Uint8Array): void {
  const pages = Math.floor(wordDocument.length / PAGE_BYTES);
  for (const [index, name] of [
    [STRUCTURE.characterProperties, 'character'],
    [STRUCTURE.paragraphProperties, 'paragraph'],
  ] as const) {
    const { size } = rawStructure(wordDocument, index);
    const count = Math.floor(Math.max(0, size - 4) / 8);
    if (count > pages) {
      throw new GongwenError('E_CORRUPT_DOC', `its ${name} property bin table lists ${count} pages, more than the ${pages} the ${wordDocument.length}-byte WordDocument stream holds`);
    }
  }
  const headers = Math.floor(rawStructure(wordDocument, STRUCTURE.headerStories).size / 4);
  const sectionTable = fib.structure(STRUCTURE.sections).size;
  const sections = Math.min(MAX_SECTIONS, Math.max(1, Math.floor(Math.max(0, sectionTable - 4) / 16)));
  // The separator stories, six a section, the end of the last story and one more CP Word writes.
  const allowed = HEADER_STORIES_PER_SECTION * (sections + 1) + 2;
  if (headers > allowed) {
    throw new GongwenError('E_CORRUPT_DOC', `its header story table lists ${headers} entries, more than the ${allowed} its ${sections} sections can have`);
  }
}

/**
 * Reads the PlcBtePapx and the FKP pages it points to, each page once; pages outside the stream
 * are skipped. The table must have passed checkFormattingTables.
 */
export function readParagraphProperties(fib: Fib, table: Uint8Array, wordDocument: Uint8Array, data: Uint8Array | undefined): ParagraphLookup {
  const { offset, size } = fib.structure(STRUCTURE.paragraphProperties);
  const count = (size - 4) / 8;
  const runs: PropertyRun[] = [];
  if (Number.isInteger(count) && count > 0 && offset + size <= table.length) {
    const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const seen = new Set<number>();
    for (let i = 0; i < count; i += 1) {
      const page = view.getUint32(offset + (count + 1) * 4 + i * 4, true) & 0x3fffff;
      const pageStart = page * PAGE_BYTES;
      if (seen.has(page) || pageStart + PAGE_BYTES > wordDocument.length) continue;
      seen.add(page);
      for (const run of pageRuns(wordDocument.subarray(pageStart, pageStart + PAGE_BYTES), data)) runs.push(run);
    }
  }
  runs.sort((a, b) => a.fcStart - b.fcStart);
  return {
    at(fc: number): ParagraphProperties {
      let low = 0;
      let high = runs.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const run = runs[middle]!;
        if (fc < run.fcStart) high = middle - 1;
        else if (fc >= run.fcEnd) low = middle + 1;
        else return run;
      }
      return PLAIN;
    },
  };
}
