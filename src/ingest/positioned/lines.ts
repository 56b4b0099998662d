import { visibleLength } from '../characters.js';
import { firstCharacter, lastCharacter, needsSpace, tidyRunText, WIDE_GAP_EM } from './spacing.js';
import type { TextBox } from './upright.js';
import { isEcho, type GlyphPlace } from './echo.js';
import { meanConfidence } from './confidence.js';

/** Part of a line set apart from the rest by a wide gap (see `WIDE_GAP_EM`). */
export interface Segment {
  left: number;
  right: number;
  text: string;
}

/** Boxes sharing a baseline, left to right. */
export interface Line {
  boxes: TextBox[];
  segments: Segment[];
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  baseline: number;
  /** Dominant em size of the line's characters. */
  size: number;
  bold: boolean;
  /** Single characters spread with gaps between them ("公  告", "唐 山 市 行 政 审 批 局"). */
  letterSpaced: boolean;
  /** Mean OCR confidence (0–1) of the line's characters; absent for a text layer. */
  confidence?: number;
}

// Two boxes are on one line when their em boxes overlap by at least this share of the smaller
// one; side-by-side blocks set a few points apart (signatures) still overlap by far more.
const SAME_LINE_OVERLAP = 0.5;
// Letter-spaced lines leave at least this much between their characters; tracking in a
// justified line leaves less.
const LETTER_SPACING_MIN_EM = 0.25;

interface LineDraft {
  boxes: TextBox[];
  top: number;
  bottom: number;
  size: number;
}

function verticalOverlapShare(draft: LineDraft, box: TextBox): number {
  const overlap = Math.min(draft.bottom, box.bottom) - Math.max(draft.top, box.top);
  const smaller = Math.min(draft.bottom - draft.top, box.bottom - box.top);
  return smaller <= 0 ? 0 : overlap / smaller;
}

/** Groups boxes into lines by vertical overlap, scanning them once in baseline order. */
function groupIntoLines(boxes: readonly TextBox[]): TextBox[][] {
  const sorted = [...boxes].sort((a, b) => a.baseline - b.baseline || a.left - b.left);
  const drafts: LineDraft[] = [];
  let open: LineDraft[] = [];
  let largest = 0;
  for (const box of sorted) {
    largest = Math.max(largest, box.size);
    // Lines ending well above this box can no longer receive boxes, which keeps the scan linear.
    open = open.filter((draft) => draft.bottom >= box.baseline - 2 * largest);
    let best: LineDraft | undefined;
    let bestShare = 0;
    for (const draft of open) {
      const share = verticalOverlapShare(draft, box);
      if (share > bestShare) {
        best = draft;
        bestShare = share;
      }
    }
    if (best !== undefined && bestShare >= SAME_LINE_OVERLAP) {
      best.boxes.push(box);
      // The line's band follows its largest glyphs, so small marks do not stretch it.
      if (box.size > best.size) Object.assign(best, { top: box.top, bottom: box.bottom, size: box.size });
    } else {
      const draft: LineDraft = { boxes: [box], top: box.top, bottom: box.bottom, size: box.size };
      drafts.push(draft);
      open.push(draft);
    }
  }
  return drafts.map((draft) => draft.boxes.sort((a, b) => a.left - b.left));
}

function placeOf(box: TextBox): GlyphPlace {
  return { text: box.text, x: box.left, y: box.baseline, width: box.right - box.left };
}

function withoutEchoes(boxes: readonly TextBox[]): TextBox[] {
  const kept: TextBox[] = [];
  for (const box of boxes) {
    const previous = kept[kept.length - 1];
    if (previous !== undefined && isEcho(placeOf(previous), placeOf(box), box.size)) {
      kept[kept.length - 1] = { ...previous, bold: true };
      continue;
    }
    kept.push(box);
  }
  return kept;
}


/** The em size most characters of the boxes are set in. */
function dominantSize(boxes: readonly TextBox[]): number {
  const weights = new Map<number, number>();
  for (const box of boxes) {
    const key = Math.round(box.size * 10) / 10;
    weights.set(key, (weights.get(key) ?? 0) + visibleLength(box.text));
  }
  let best = boxes[0]?.size ?? 0;
  let bestWeight = -1;
  for (const [size, weight] of weights) {
    if (weight > bestWeight) {
      best = size;
      bestWeight = weight;
    }
  }
  return best;
}

function gapBetween(before: TextBox, after: TextBox): number {
  return after.left - before.right;
}

function segmentOf(boxes: TextBox[], letterSpaced: boolean): Segment {
  let text = '';
  let previous: TextBox | undefined;
  for (const box of boxes) {
    const piece = tidyRunText(box.text);
    if (piece === '') continue;
    if (previous !== undefined) {
      const em = Math.max(previous.size, box.size);
      if (!letterSpaced && needsSpace(lastCharacter(text), firstCharacter(piece), gapBetween(previous, box), em)) text += ' ';
    }
    text += piece;
    previous = box;
  }
  return { left: boxes[0]!.left, right: Math.max(...boxes.map((box) => box.right)), text };
}

/**
 * Splits a line at wide gaps between multi-character pieces. A wide gap next to a single
 * character is letter-spacing and does not split.
 */
function segmentsOf(boxes: readonly TextBox[], letterSpaced: boolean): Segment[] {
  const pieces: TextBox[][] = [];
  for (const box of boxes) {
    const piece = pieces[pieces.length - 1];
    const previous = piece?.[piece.length - 1];
    if (piece !== undefined && previous !== undefined && gapBetween(previous, box) < WIDE_GAP_EM * Math.max(previous.size, box.size)) {
      piece.push(box);
    } else {
      pieces.push([box]);
    }
  }
  const segments: TextBox[][] = [];
  let previousPiece: readonly TextBox[] | undefined;
  for (const piece of pieces) {
    const current = segments[segments.length - 1];
    if (current !== undefined && previousPiece !== undefined && !(isWord(previousPiece) && isWord(piece))) current.push(...piece);
    else segments.push([...piece]);
    previousPiece = piece;
  }
  return segments.map((segment) => segmentOf(segment, letterSpaced));
}

function isWord(boxes: readonly TextBox[]): boolean {
  return visibleLength(boxes.map((box) => box.text).join('')) >= 2;
}

function isLetterSpaced(boxes: readonly TextBox[]): boolean {
  if (boxes.length < 2) return false;
  if (!boxes.every((box) => visibleLength(box.text) === 1)) return false;
  for (let i = 1; i < boxes.length; i += 1) {
    const previous = boxes[i - 1]!;
    const box = boxes[i]!;
    if (gapBetween(previous, box) < LETTER_SPACING_MIN_EM * Math.max(previous.size, box.size)) return false;
  }
  return true;
}

export function lineOf(boxes: TextBox[]): Line {
  const letterSpaced = isLetterSpaced(boxes);
  const segments = segmentsOf(boxes, letterSpaced);
  const size = dominantSize(boxes);
  const main = boxes.filter((box) => Math.abs(box.size - size) <= 0.1 * size);
  const boldCharacters = boxes.filter((box) => box.bold).reduce((sum, box) => sum + visibleLength(box.text), 0);
  const allCharacters = boxes.reduce((sum, box) => sum + visibleLength(box.text), 0);
  const confidence = meanConfidence(boxes);
  return {
    boxes,
    segments,
    text: segments.map((segment) => segment.text).join(' '),
    left: boxes[0]!.left,
    right: Math.max(...boxes.map((box) => box.right)),
    top: Math.min(...boxes.map((box) => box.top)),
    bottom: Math.max(...boxes.map((box) => box.bottom)),
    baseline: (main[0] ?? boxes[0]!).baseline,
    size,
    bold: boldCharacters * 2 > allCharacters,
    letterSpaced,
    ...(confidence === undefined ? {} : { confidence }),
  };
}

/** Lines of the boxes, top to bottom. */
export function buildLines(boxes: readonly TextBox[]): Line[] {
  return groupIntoLines(boxes)
    .map((lineBoxes) => lineOf(withoutEchoes(lineBoxes)))
    .filter((line) => line.text !== '')
    .sort((a, b) => a.top - b.top || a.left - b.left);
}
