import { GongwenError } from '../../model/errors.js';

/**
 * The parts of a Word 97–2003 File Information Block (MS-DOC 2.5.1) that tell whether the file
 * can be read and where its stories and tables are.
 */
export interface Fib {
  encrypted: boolean;
  /** fComplex: the last save was incremental ("fast save"); WPS Office sets it on every save. */
  fastSaved: boolean;
  tableStreamName: '0Table' | '1Table';
  /** Lengths in characters of the stories, in the order they follow one another. */
  lengths: StoryLengths;
  /** The offset and size of structure `index` of FibRgFcLcb97 in the table stream (0 when absent). */
  structure(index: number): { offset: number; size: number };
}

export interface StoryLengths {
  text: number;
  footnotes: number;
  headers: number;
  macros: number;
  annotations: number;
  endnotes: number;
  textBoxes: number;
}

/** Indexes into FibRgFcLcb97 (MS-DOC 2.5.6). */
export const STRUCTURE = {
  footnoteReferences: 2,
  footnoteTexts: 3,
  sections: 6,
  headerStories: 11,
  characterProperties: 12,
  paragraphProperties: 13,
  pieceTable: 33,
  mainShapes: 40,
  endnoteReferences: 46,
  endnoteTexts: 47,
  textBoxTexts: 56,
} as const;

const WORD_97_IDENT = 0xa5ec;
const WORD_6_IDENT = 0xa5dc;
const FIRST_WORD_97_NFIB = 0xc0;
const FIB_RG_FC_LCB = 0x9a;
const FLAG_COMPLEX = 0x0004;
const FLAG_ENCRYPTED = 0x0100;
const FLAG_TABLE_STREAM_1 = 0x0200;

export function readFib(wordDocument: Uint8Array): Fib {
  if (wordDocument.length < FIB_RG_FC_LCB) {
    throw new GongwenError('E_CORRUPT_DOC', `the WordDocument stream is ${wordDocument.length} bytes, too short to hold the file information block`);
  }
  const view = new DataView(wordDocument.buffer, wordDocument.byteOffset, wordDocument.byteLength);
  const ident = view.getUint16(0, true);
  const nFib = view.getUint16(2, true);
  if (ident === WORD_6_IDENT || (ident === WORD_97_IDENT && nFib < FIRST_WORD_97_NFIB)) {
    throw new GongwenError('E_UNSUPPORTED_FORMAT', `the file is a Word 6.0/95 document (nFib ${nFib}), an older binary format than Word 97–2003`, {
      details: { nFib },
    });
  }
  if (ident !== WORD_97_IDENT) {
    throw new GongwenError('E_CORRUPT_DOC', `the WordDocument stream does not start with a Word file information block (identifier 0x${ident.toString(16)})`);
  }
  const flags = view.getUint16(0x0a, true);
  const structureCount = view.getUint16(FIB_RG_FC_LCB - 2, true);
  return {
    // fObfuscated only says how an encrypted file is encrypted (XOR); alone it means nothing.
    encrypted: (flags & FLAG_ENCRYPTED) !== 0,
    fastSaved: (flags & FLAG_COMPLEX) !== 0,
    tableStreamName: (flags & FLAG_TABLE_STREAM_1) !== 0 ? '1Table' : '0Table',
    lengths: {
      text: view.getInt32(0x4c, true),
      footnotes: view.getInt32(0x50, true),
      headers: view.getInt32(0x54, true),
      macros: view.getInt32(0x58, true),
      annotations: view.getInt32(0x5c, true),
      endnotes: view.getInt32(0x60, true),
      textBoxes: view.getInt32(0x64, true),
    },
    structure(index: number) {
      const at = FIB_RG_FC_LCB + index * 8;
      if (index >= structureCount || at + 8 > wordDocument.length) return { offset: 0, size: 0 };
      return { offset: view.getUint32(at, true), size: view.getUint32(at + 4, true) };
    },
  };
}
