import { GongwenError } from '../../model/errors.js';
import { STRUCTURE, type Fib } from './fib.js';

/** A run of text in the WordDocument stream that the piece table places at a range of characters. */
export interface Piece {
  cpStart: number;
  cpEnd: number;
  /** Byte offset of the run in the WordDocument stream. */
  offset: number;
  /** One byte a character (Windows-1252) instead of two (UTF-16LE). */
  compressed: boolean;
}

/** The characters of a range of CPs as stored, with the stream offset (FC) of each. */
export interface RawText {
  codes: Uint16Array;
  fcs: Uint32Array;
}

const CLX_PROPERTY_MODIFIER = 1;
const CLX_PIECE_TABLE = 2;
const PIECE_DESCRIPTOR_BYTES = 8;
const FC_COMPRESSED = 0x40000000;

/** Reads the piece table (the CLX, MS-DOC 2.9.38); any inconsistency is damage. */
export function readPieces(fib: Fib, table: Uint8Array, wordDocument: Uint8Array): Piece[] {
  const { offset, size } = fib.structure(STRUCTURE.pieceTable);
  const fail = (problem: string): GongwenError =>
    new GongwenError(
      'E_CORRUPT_DOC',
      fib.fastSaved
        ? `the document was fast-saved (saved incrementally, as Word's "Allow fast saves" does) and its piece table cannot be followed: ${problem}`
        : `its piece table is damaged: ${problem}`,
    );
  if (size === 0 || offset + size > table.length) throw fail(`it lies outside the ${table.length}-byte table stream`);
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  let position = offset;
  while (table[position] === CLX_PROPERTY_MODIFIER) {
    if (position + 3 > offset + size) throw fail('a property modifier runs past its end');
    position += 3 + view.getUint16(position + 1, true);
  }
  if (table[position] !== CLX_PIECE_TABLE || position + 5 > offset + size) throw fail('it holds no piece descriptors');
  const plcSize = view.getUint32(position + 1, true);
  const plc = position + 5;
  const count = (plcSize - 4) / (4 + PIECE_DESCRIPTOR_BYTES);
  if (!Number.isInteger(count) || count < 1 || plc + plcSize > table.length) throw fail(`its descriptor list of ${plcSize} bytes is not a whole number of pieces`);

  const pieces: Piece[] = [];
  for (let i = 0; i < count; i += 1) {
    const cpStart = view.getUint32(plc + i * 4, true);
    const cpEnd = view.getUint32(plc + (i + 1) * 4, true);
    const fc = view.getUint32(plc + (count + 1) * 4 + i * PIECE_DESCRIPTOR_BYTES + 2, true);
    const compressed = (fc & FC_COMPRESSED) !== 0;
    const start = compressed ? (fc & ~FC_COMPRESSED) / 2 : fc;
    if (i === 0 && cpStart !== 0) throw fail(`its first piece starts at character ${cpStart}, not 0`);
    if (cpEnd < cpStart || (i > 0 && cpStart !== pieces[i - 1]!.cpEnd)) throw fail(`piece ${i + 1} does not follow the one before it`);
    // Pieces may share bytes, but a document cannot hold more characters than its stream has
    // bytes: this bounds what word-extractor and rawText build from overlapping pieces.
    if (cpEnd > wordDocument.length) throw fail(`it places ${cpEnd} characters, more than the ${wordDocument.length}-byte WordDocument stream can hold`);
    if (start + (cpEnd - cpStart) * (compressed ? 1 : 2) > wordDocument.length) {
      throw fail(`piece ${i + 1} lies beyond the end of the ${wordDocument.length}-byte WordDocument stream`);
    }
    pieces.push({ cpStart, cpEnd, offset: start, compressed });
  }
  const total = pieces[pieces.length - 1]!.cpEnd;
  let stories = 0;
  for (const [name, length] of Object.entries(fib.lengths)) {
    if (length < 0) throw fail(`the file information block gives the ${name} story a negative length (${length})`);
    stories += length;
  }
  if (stories > total) throw fail(`the file information block's stories hold ${stories} characters, more than the ${total} the pieces place`);
  return pieces;
}

/** The stored characters of CPs [start, end); CPs that no piece covers are left out. */
export function rawText(pieces: readonly Piece[], wordDocument: Uint8Array, start: number, end: number): RawText {
  let length = 0;
  for (const piece of pieces) length += Math.max(0, Math.min(end, piece.cpEnd) - Math.max(start, piece.cpStart));
  const codes = new Uint16Array(length);
  const fcs = new Uint32Array(length);
  let at = 0;
  for (const piece of pieces) {
    const from = Math.max(start, piece.cpStart);
    const to = Math.min(end, piece.cpEnd);
    for (let cp = from; cp < to; cp += 1, at += 1) {
      if (piece.compressed) {
        const fc = piece.offset + (cp - piece.cpStart);
        codes[at] = wordDocument[fc]!;
        fcs[at] = fc;
      } else {
        const fc = piece.offset + (cp - piece.cpStart) * 2;
        codes[at] = wordDocument[fc]! | (wordDocument[fc + 1]! << 8);
        fcs[at] = fc;
      }
    }
  }
  return { codes, fcs };
}
