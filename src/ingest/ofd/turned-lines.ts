import { positionedRun, type PlacedText } from '../positioned/placed-text.js';
import { WIDE_GAP_EM } from '../positioned/spacing.js';
import type { PositionedRun } from '../positioned/types.js';
import { ASCENT } from '../positioned/upright.js';
import type { ReadingFrame } from './text.js';

/**
 * Text read along another direction than its object's x axis (ReadDirection 90, 180 or 270),
 * or set in turned glyphs (CharDirection), handed on to the layout as ordinary lines.
 *
 * Why the OFD reader turns it, and not the layout: the layout in positioned/ rebuilds lines
 * from baselines along the page's text direction and leaves out text set at any other angle. A
 * column read top to bottom would reach it either as upright glyphs stacked one above the other,
 * each then a line of its own, or as a run down the column, dropped as off-angle text like a
 * stamp; a line read right to left would come out left to right. Only the reader knows, from
 * ReadDirection, that such glyphs are one line and in which order they are read. So it joins
 * each line into one run along the object's x axis: its characters in reading order, its em
 * box at the line's top, spanning the line's extent across the page from its left edge. The
 * layout then sees it where the line starts, among the other lines.
 *
 * Why per drawn part (a page's content, a template) rather than per TextObject: producers start
 * a new TextObject mid-line wherever the font changes (the digits of a date), and some set each
 * character as an object of its own (two of the corpus OFDs do so with upright text).
 */

export interface TurnedGlyph {
  /** Along its own baseline, as CharDirection turns it. */
  glyph: PlacedText;
  frame: ReadingFrame;
  fontName: string | undefined;
  bold: boolean;
}

// A glyph overlapping a line by more than this share of an em is not its next character but a
// copy drawn over it (fake bold, which the layout recognises in the runs) or other text.
const OVERLAP_EM = 0.1;
// The characters of a line sit on one axis; half-width ones are a quarter of an em off it.
const AXIS_EM = 0.5;
// A letter-spaced heading (公　　告) leaves at most three full-width spaces between characters.
const LETTER_SPACED_GAP_EM = 4;
// The frames of one matrix agree exactly; those of matrices drawing alike, within rounding.
const SAME_DIRECTION = 0.01;

type Point = [number, number];

interface Footprint {
  glyph: TurnedGlyph;
  corners: Point[];
  /** Where its em box starts and ends along the reading direction. */
  start: number;
  end: number;
  /** Its middle across the reading direction. */
  axis: number;
  size: number;
}

interface Line {
  footprints: Footprint[];
  frame: ReadingFrame;
  start: number;
  end: number;
  /** That of its first glyph. */
  axis: number;
  size: number;
}

/** The corners of a glyph's em box. */
function corners(glyph: PlacedText): Point[] {
  // Up from the baseline is a quarter turn anticlockwise from it (y grows downwards).
  const upX = glyph.dirY;
  const upY = -glyph.dirX;
  const points: Point[] = [];
  for (const [x, y] of [
    [glyph.startX, glyph.startY],
    [glyph.endX, glyph.endY],
  ] as const) {
    for (const height of [ASCENT * glyph.fontSize, (ASCENT - 1) * glyph.fontSize]) points.push([x + upX * height, y + upY * height]);
  }
  return points;
}

/** A glyph's place in its line: undefined when it is placed nowhere (steps that overflow). */
function footprintOf(turned: TurnedGlyph): Footprint | undefined {
  const { readX, readY } = turned.frame;
  const points = corners(turned.glyph);
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let axis = 0;
  for (const [x, y] of points) {
    const along = x * readX + y * readY;
    start = Math.min(start, along);
    end = Math.max(end, along);
    axis += (y * readX - x * readY) / points.length;
  }
  const footprint = { glyph: turned, corners: points, start, end, axis, size: turned.glyph.fontSize };
  return [start, end, axis, footprint.size].every(Number.isFinite) ? footprint : undefined;
}

function sameFrame(a: ReadingFrame, b: ReadingFrame): boolean {
  return (
    Math.abs(a.readX - b.readX) <= SAME_DIRECTION &&
    Math.abs(a.readY - b.readY) <= SAME_DIRECTION &&
    Math.abs(a.lineX - b.lineX) <= SAME_DIRECTION &&
    Math.abs(a.lineY - b.lineY) <= SAME_DIRECTION
  );
}

/**
 * Whether `next` carries `line` on: read the same way, on its axis, beyond either end of it (the
 * characters may be listed against their reading order) by less than `maxGapEm`.
 */
function continues(line: Line, next: Line, maxGapEm: number): boolean {
  const em = Math.max(line.size, next.size);
  const gap = Math.max(next.start - line.end, line.start - next.end);
  return sameFrame(line.frame, next.frame) && Math.abs(next.axis - line.axis) <= AXIS_EM * em && gap >= -OVERLAP_EM * em && gap < maxGapEm * em;
}

/** Joins each line to the one before it where `joins` says so. */
function joined(lines: readonly Line[], joins: (line: Line, next: Line) => boolean): Line[] {
  const out: Line[] = [];
  for (const next of lines) {
    const line = out[out.length - 1];
    if (line === undefined || !joins(line, next)) {
      out.push(next);
      continue;
    }
    for (const footprint of next.footprints) line.footprints.push(footprint);
    line.start = Math.min(line.start, next.start);
    line.end = Math.max(line.end, next.end);
    line.size = Math.max(line.size, next.size);
  }
  return out;
}

/** The run a line becomes: along the object's x axis, its characters in reading order. */
function runOf(line: Line): PositionedRun | undefined {
  const ordered = [...line.footprints].sort((a, b) => a.start + a.end - (b.start + b.end));
  const text = ordered.map((footprint) => footprint.glyph.glyph.text).join('');
  if (text.trim() === '') return undefined;
  const { lineX, lineY } = line.frame;
  // Down the object's y axis: a quarter turn clockwise from its x axis.
  const downX = -lineY;
  const downY = lineX;
  let left = Number.POSITIVE_INFINITY;
  let right = Number.NEGATIVE_INFINITY;
  let top = Number.POSITIVE_INFINITY;
  for (const footprint of line.footprints) {
    for (const [x, y] of footprint.corners) {
      const across = x * lineX + y * lineY;
      left = Math.min(left, across);
      right = Math.max(right, across);
      top = Math.min(top, x * downX + y * downY);
    }
  }
  const baseline = top + ASCENT * line.size;
  const placed: PlacedText = {
    text,
    startX: left * lineX + baseline * downX,
    startY: left * lineY + baseline * downY,
    endX: right * lineX + baseline * downX,
    endY: right * lineY + baseline * downY,
    fontSize: line.size,
    dirX: lineX,
    dirY: lineY,
  };
  const boldCount = ordered.filter((footprint) => footprint.glyph.bold).length;
  return positionedRun(placed, ordered[0]!.glyph.fontName, boldCount * 2 > ordered.length);
}

/**
 * The lines of turned text, in drawing order, as runs. Glyphs join a line where they follow
 * one another on its axis; a gap of `WIDE_GAP_EM` or more is a separation (two labels one above
 * the other), unless a single character stands on one side of it, which is letter-spacing, as
 * the layout judges gaps along a line.
 */
export function turnedRuns(glyphs: readonly TurnedGlyph[]): PositionedRun[] {
  const singles: Line[] = [];
  for (const glyph of glyphs) {
    const footprint = footprintOf(glyph);
    if (footprint === undefined) continue;
    const { start, end, axis, size } = footprint;
    singles.push({ footprints: [footprint], frame: glyph.frame, start, end, axis, size });
  }
  const pieces = joined(singles, (line, next) => continues(line, next, WIDE_GAP_EM));
  const lines = joined(pieces, (line, next) => (line.footprints.length === 1 || next.footprints.length === 1) && continues(line, next, LETTER_SPACED_GAP_EM));
  const runs: PositionedRun[] = [];
  for (const line of lines) {
    const run = runOf(line);
    if (run !== undefined) runs.push(run);
  }
  return runs;
}
