import { STRUCTURE, type Fib } from './fib.js';

/**
 * A story that is not part of the main text's flow (a footnote, an endnote, a text box), with
 * the character position in the main text it hangs from: the note's reference mark or the
 * text box's anchor. CPs are document-wide.
 */
export interface AnchoredStory {
  start: number;
  end: number;
  /** Undefined when the file does not say where the story belongs. */
  anchor: number | undefined;
}

interface Plc {
  cps: number[];
  data(index: number): DataView;
}

const FOOTNOTE_REFERENCE_BYTES = 2;
const TEXT_BOX_BYTES = 22;
const TEXT_BOX_REUSABLE = 8;
const TEXT_BOX_SHAPE_ID = 14;
const SHAPE_ANCHOR_BYTES = 26;

/** A PLC (MS-DOC 2.2.2): n+1 CPs, then n data elements of `dataBytes` each. */
function readPlc(fib: Fib, table: Uint8Array, index: number, dataBytes: number): Plc | undefined {
  const { offset, size } = fib.structure(index);
  const count = (size - 4) / (4 + dataBytes);
  if (size === 0 || !Number.isInteger(count) || count < 0 || offset + size > table.length) return undefined;
  const view = new DataView(table.buffer, table.byteOffset + offset, size);
  return {
    cps: Array.from({ length: count + 1 }, (_, i) => view.getUint32(i * 4, true)),
    data: (i) => new DataView(table.buffer, table.byteOffset + offset + (count + 1) * 4 + i * dataBytes, dataBytes),
  };
}

/** Where each story begins: they follow one another in a fixed order after the main text. */
export function storyStarts(fib: Fib): { footnotes: number; endnotes: number; textBoxes: number } {
  const { text, footnotes, headers, macros, annotations, endnotes } = fib.lengths;
  const footnoteStart = text;
  const endnoteStart = footnoteStart + footnotes + headers + macros + annotations;
  return { footnotes: footnoteStart, endnotes: endnoteStart, textBoxes: endnoteStart + endnotes };
}

/** Footnotes or endnotes: each note's text, hung from its reference mark. */
export function readNotes(fib: Fib, table: Uint8Array, kind: 'footnote' | 'endnote'): AnchoredStory[] {
  const references = readPlc(fib, table, kind === 'footnote' ? STRUCTURE.footnoteReferences : STRUCTURE.endnoteReferences, FOOTNOTE_REFERENCE_BYTES);
  const texts = readPlc(fib, table, kind === 'footnote' ? STRUCTURE.footnoteTexts : STRUCTURE.endnoteTexts, 0);
  const length = kind === 'footnote' ? fib.lengths.footnotes : fib.lengths.endnotes;
  if (references === undefined || texts === undefined || length <= 0) return [];
  const start = kind === 'footnote' ? storyStarts(fib).footnotes : storyStarts(fib).endnotes;
  const notes: AnchoredStory[] = [];
  for (let i = 0; i + 1 < references.cps.length && i + 1 < texts.cps.length; i += 1) {
    const end = Math.min(texts.cps[i + 1]!, length);
    if (texts.cps[i]! < end) notes.push({ start: start + texts.cps[i]!, end: start + end, anchor: references.cps[i]! });
  }
  return notes;
}

/**
 * The main text's text boxes: each story's shape id is matched to a shape anchored in the main
 * text. A box inside a group shape has no anchor of its own and stays unplaced.
 */
export function readTextBoxes(fib: Fib, table: Uint8Array): AnchoredStory[] {
  const stories = readPlc(fib, table, STRUCTURE.textBoxTexts, TEXT_BOX_BYTES);
  if (stories === undefined || fib.lengths.textBoxes <= 0) return [];
  const shapes = readPlc(fib, table, STRUCTURE.mainShapes, SHAPE_ANCHOR_BYTES);
  const anchors = new Map<number, number>();
  shapes?.cps.slice(0, -1).forEach((cp, i) => anchors.set(shapes.data(i).getInt32(0, true), cp));
  const start = storyStarts(fib).textBoxes;
  const boxes: AnchoredStory[] = [];
  for (let i = 0; i + 1 < stories.cps.length; i += 1) {
    const data = stories.data(i);
    const end = Math.min(stories.cps[i + 1]!, fib.lengths.textBoxes);
    if (data.getUint16(TEXT_BOX_REUSABLE, true) !== 0 || stories.cps[i]! >= end) continue;
    boxes.push({ start: start + stories.cps[i]!, end: start + end, anchor: anchors.get(data.getInt32(TEXT_BOX_SHAPE_ID, true)) });
  }
  return boxes;
}
