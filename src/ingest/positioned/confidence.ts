import type { OcrMark } from '../../model/document.js';
import { visibleLength } from '../characters.js';

/** A piece of text and, when OCR read it, how sure the recogniser was. */
export interface ScoredText {
  text: string;
  confidence?: number | undefined;
}

/**
 * The mean confidence of the characters of the pieces read by OCR, each piece weighing as many
 * characters as it shows; `undefined` when no piece came from OCR.
 */
export function meanConfidence(pieces: Iterable<ScoredText>): number | undefined {
  let sum = 0;
  let weight = 0;
  let scored = false;
  for (const piece of pieces) {
    if (piece.confidence === undefined) continue;
    scored = true;
    const characters = visibleLength(piece.text);
    sum += piece.confidence * characters;
    weight += characters;
  }
  if (!scored) return undefined;
  return weight === 0 ? 0 : sum / weight;
}

// Two decimals: finer differences between confidences say nothing a reviewer can use.
function rounded(confidence: number): number {
  return Math.round(confidence * 100) / 100;
}

/** The OCR mark of a block made of the pieces, if any of them was read by OCR. */
export function ocrMarkOf(pieces: Iterable<ScoredText>): { ocr?: OcrMark } {
  const confidence = meanConfidence(pieces);
  return confidence === undefined ? {} : { ocr: { confidence: rounded(confidence) } };
}
