// A copy starting within this share of an em of the previous glyph, and within half that
// glyph's width (so that the second l of "ll" is not taken for a copy), is an echo.
const ECHO_EM = 0.25;
const ECHO_WIDTH_SHARE = 0.5;

export interface GlyphPlace {
  text: string;
  x: number;
  y: number;
  width: number;
}

/**
 * Fake bold: producers without a bold face draw each glyph twice, a hair apart. The second
 * drawing marks the text bold and is not text of its own.
 */
export function isEcho(previous: GlyphPlace, next: GlyphPlace, emSize: number): boolean {
  const tolerance = Math.min(ECHO_EM * emSize, ECHO_WIDTH_SHARE * previous.width);
  return next.text === previous.text && Math.abs(next.x - previous.x) < tolerance && Math.abs(next.y - previous.y) < tolerance;
}
