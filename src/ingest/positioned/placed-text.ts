import type { PositionedRun } from './types.js';

/**
 * A character (or characters drawn together) as a reader of a paged format places it, before
 * characters that follow each other are joined into runs: shared by the PDF and OFD readers.
 */
export interface PlacedText {
  text: string;
  startX: number;
  startY: number;
  endX: number;
  endY: number;
  fontSize: number;
  /** Unit vector along the baseline. */
  dirX: number;
  dirY: number;
}

// A glyph that starts within this share of an em of where the previous one ended continues the
// same run; larger gaps are kept so that layout can judge spacing from geometry.
const CONTIGUOUS_EM = 0.1;

/** Whether `next` is set in the same size and direction and starts where `run` ends. */
export function continuesRun(run: PlacedText, next: PlacedText): boolean {
  if (Math.abs(run.fontSize - next.fontSize) > 0.01 * next.fontSize) return false;
  if (Math.abs(run.dirX - next.dirX) > 0.01 || Math.abs(run.dirY - next.dirY) > 0.01) return false;
  const gapX = next.startX - run.endX;
  const gapY = next.startY - run.endY;
  const along = gapX * next.dirX + gapY * next.dirY;
  const across = -gapX * next.dirY + gapY * next.dirX;
  const tolerance = CONTIGUOUS_EM * next.fontSize;
  return Math.abs(along) <= tolerance && Math.abs(across) <= tolerance;
}

/** The run that placed text makes, with its font's name (when it has one) and boldness. */
export function positionedRun(placed: PlacedText, fontName: string | undefined, bold: boolean): PositionedRun {
  const width = (placed.endX - placed.startX) * placed.dirX + (placed.endY - placed.startY) * placed.dirY;
  const run: PositionedRun = {
    text: placed.text,
    x: placed.startX,
    y: placed.startY,
    width: Math.max(0, width),
    fontSize: placed.fontSize,
    angle: (Math.atan2(placed.dirY, placed.dirX) * 180) / Math.PI,
  };
  if (fontName !== undefined && fontName !== '') run.fontName = fontName;
  if (bold) run.bold = true;
  return run;
}
