import { isUndecodable, undecodableShare } from '../characters.js';
import { SCANNER_WATERMARKS } from '../lexicon/furniture.js';
import type { PageTextLayer } from './types.js';
import type { TextBox } from './upright.js';

// A page whose text is mostly replacement, private-use or control characters has a text layer
// without a usable Unicode mapping (PEERS.md: pdf.js #12245, #8069): its text is noise.
const DAMAGED_SHARE = 0.5;

function withoutWatermarks(text: string): string {
  return SCANNER_WATERMARKS.reduce((rest, pattern) => rest.replace(pattern, ''), text);
}

function withoutUndecodable(text: string): string {
  let kept = '';
  for (const ch of text) if (!isUndecodable(ch)) kept += ch;
  return kept;
}

export interface CheckedTextLayer {
  layer: PageTextLayer;
  /** The page's boxes with undecodable characters removed; empty unless the layer is readable. */
  boxes: TextBox[];
}

/**
 * Decides whether a page's text can be used. A scan carries no text, or only the stamp of the
 * scanner app; a damaged layer is mostly undecodable and is left out whole; a readable layer
 * loses its few undecodable characters (symbol-font bullets, stray controls), which are counted.
 */
export function checkTextLayer(page: number, boxes: readonly TextBox[]): CheckedTextLayer {
  const text = boxes.map((box) => box.text).join('');
  if (withoutWatermarks(text).trim() === '') return { layer: { page, state: 'none', undecodable: 0 }, boxes: [] };
  if (undecodableShare(text) >= DAMAGED_SHARE) return { layer: { page, state: 'damaged', undecodable: 0 }, boxes: [] };
  let undecodable = 0;
  const kept: TextBox[] = [];
  for (const box of boxes) {
    const clean = withoutUndecodable(box.text);
    undecodable += [...box.text].length - [...clean].length;
    if (clean.trim() !== '') kept.push(clean === box.text ? box : { ...box, text: clean });
  }
  return { layer: { page, state: 'text', undecodable }, boxes: kept };
}
