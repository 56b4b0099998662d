import { visibleLength } from '../characters.js';
import type { PositionedPage, PositionedRun, RulingSegment } from './types.js';

/**
 * A run of text in upright page space: its baseline runs left to right and y grows downwards.
 * Every later step works on these boxes only.
 */
export interface TextBox {
  text: string;
  left: number;
  right: number;
  baseline: number;
  /** Em box: the part of the line the glyphs occupy. */
  top: number;
  bottom: number;
  size: number;
  bold: boolean;
  /** OCR confidence (0–1) of the run's text; absent for a text layer. */
  confidence?: number;
}

export interface UprightPage {
  number: number;
  width: number;
  height: number;
  boxes: TextBox[];
  rulings: RulingSegment[];
  /** Text set at another angle than the page's text (stamps, watermarks, margin notes), left out. */
  offAngleText: string;
}

// Share of the em above the baseline in CJK fonts (ideographic em box: 0.88 ascent, 0.12 descent).
export const ASCENT = 0.88;
// Weight words in a font's base name.
const BOLD_FONT_NAME = /bold|black|heavy|semibold|demibold/i;
// Runs within this many degrees of a quarter turn count as set at that quarter turn.
const ANGLE_TOLERANCE = 5;

type QuarterTurn = 0 | 1 | 2 | 3;

function quarterTurnOf(run: PositionedRun): QuarterTurn | undefined {
  const angle = (((run.angle ?? 0) % 360) + 360) % 360;
  const turn = Math.round(angle / 90);
  if (Math.abs(angle - turn * 90) > ANGLE_TOLERANCE) return undefined;
  return (turn % 4) as QuarterTurn;
}


/** The quarter turn most of the page's text is set at: a landscape table drawn sideways reads as one. */
function dominantTurn(runs: readonly PositionedRun[]): QuarterTurn {
  const weights = [0, 0, 0, 0];
  for (const run of runs) {
    const turn = quarterTurnOf(run);
    if (turn !== undefined) weights[turn]! += visibleLength(run.text);
  }
  let best: QuarterTurn = 0;
  for (const turn of [1, 2, 3] as const) if (weights[turn]! > weights[best]!) best = turn;
  return best;
}

type Rotation = (x: number, y: number) => [number, number];

/** Turns display coordinates so that text set at `turn` quarter turns reads left to right. */
function rotationFor(turn: QuarterTurn, width: number, height: number): Rotation {
  switch (turn) {
    case 1:
      return (x, y) => [y, width - x];
    case 2:
      return (x, y) => [width - x, height - y];
    case 3:
      return (x, y) => [height - y, x];
    default:
      return (x, y) => [x, y];
  }
}

function boxOf(run: PositionedRun, rotate: Rotation): TextBox {
  const [x, y] = rotate(run.x, run.y);
  const box: TextBox = {
    text: run.text,
    left: x,
    right: x + run.width,
    baseline: y,
    top: y - ASCENT * run.fontSize,
    bottom: y + (1 - ASCENT) * run.fontSize,
    size: run.fontSize,
    bold: run.bold === true || (run.fontName !== undefined && BOLD_FONT_NAME.test(run.fontName)),
  };
  if (run.confidence !== undefined) box.confidence = run.confidence;
  return box;
}

function isOnPage(box: TextBox, width: number, height: number): boolean {
  return box.right > 0 && box.left < width && box.bottom > 0 && box.top < height;
}

/**
 * Brings a page into upright space: the quarter turn most text is set at becomes left to right
 * (so pages whose content is drawn sideways read like any other), runs set at any other angle
 * are left out and counted, and text drawn outside the page is dropped.
 */
export function uprightPage(page: PositionedPage): UprightPage {
  const turn = dominantTurn(page.runs);
  const rotate = rotationFor(turn, page.width, page.height);
  const [width, height] = turn % 2 === 1 ? [page.height, page.width] : [page.width, page.height];
  const boxes: TextBox[] = [];
  let offAngleText = '';
  for (const run of page.runs) {
    if (quarterTurnOf(run) !== turn) {
      offAngleText += run.text;
      continue;
    }
    const box = boxOf(run, rotate);
    if (box.text !== '' && isOnPage(box, width, height)) boxes.push(box);
  }
  const rulings = page.rulings.map((segment) => {
    const [x1, y1] = rotate(segment.x1, segment.y1);
    const [x2, y2] = rotate(segment.x2, segment.y2);
    return { x1, y1, x2, y2 };
  });
  return { number: page.number, width, height, boxes, rulings, offAngleText };
}
