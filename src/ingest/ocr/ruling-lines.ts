import type { RulingSegment } from '../positioned/types.js';
import type { PixelBox } from './engine.js';

/**
 * Ruling lines found in the image of a scanned page, so that a table on a scan is rebuilt from
 * its rulings as one drawn in a PDF or OFD is (`positioned/tables.ts`). A ruling is a long, thin,
 * straight run of ink: each row of the image is cut into runs of dark pixels (short breaks
 * bridged), and runs in neighbouring rows that overlap are joined into one track, which follows
 * a line however the sheet was turned on the glass; columns are read the same way for vertical
 * lines. A track long, thin and straight enough is a ruling, fitted by least squares. Strokes of
 * text are too short to pass; those of large type (a letterhead's) are told by running through
 * the boxes of the characters they belong to, where no rule of a table runs.
 */

/** A greyscale image, one byte per pixel (0 black, 255 white), row after row. */
export interface GreyImage {
  grey: Uint8Array;
  width: number;
  height: number;
}

const POINTS_PER_MM = 72 / 25.4;
// Longer than any stroke of text below display size: an ideograph of 二号 (22 pt, titles) is
// 7.8 mm to the em and its strokes are shorter than that. Table cells are taller and wider.
const MIN_LENGTH_MM = 8;
// Table rules are 0.25–2.25 pt (0.1–0.8 mm), a little wider once scanned.
const MAX_THICKNESS_MM = 1;
// Breaks bridged within a line: specks the scanner lost, the gaps of a dashed rule.
const MAX_GAP_MM = 0.75;
// Shorter runs of ink in a row neither start nor extend a track: most strokes of small text are
// left at once. A line at a slant crosses a row in a run its thickness over the slope long, for
// a one-pixel line at MAX_SLOPE 29 pixels (3.6 mm at 200 dpi), so slanted lines are still followed.
const MIN_RUN_MM = 2;
// Scanned sheets lie up to a degree or so askew, and tables are rebuilt up to 2°; a line fitted
// a little steeper than that (pixel noise) is still taken, a steeper one is no ruling of the page.
const MAX_SLOPE = Math.tan((2.5 * Math.PI) / 180);
// A track goes on across this many rows without a run of its own (a row lost to noise).
const MAX_EMPTY_ROWS = 1;
// A recognised word at least this deep across a line is a character; a rule misread as text
// ("一", "|") has a box no deeper than the rule.
const MIN_CHARACTER_MM = 2;
// A line that runs through characters for more than this share of its length is made of their strokes.
const MAX_SHARE_THROUGH_TEXT = 0.5;

/** Sizes, in pixels, that rulings are measured against on an image drawn at some scale. */
export interface Limits {
  minLength: number;
  maxThickness: number;
  maxGap: number;
  minRun: number;
  minCharacter: number;
  /** How far the end of a ruling may lie from a line it meets. */
  reach: number;
}

export function limitsAt(scale: number): Limits {
  const pixelsPerMm = scale * POINTS_PER_MM;
  const maxThickness = MAX_THICKNESS_MM * pixelsPerMm;
  const maxGap = Math.max(1, Math.round(MAX_GAP_MM * pixelsPerMm));
  return {
    minLength: Math.round(MIN_LENGTH_MM * pixelsPerMm),
    maxThickness,
    maxGap,
    minRun: Math.max(2, Math.round(MIN_RUN_MM * pixelsPerMm)),
    minCharacter: MIN_CHARACTER_MM * pixelsPerMm,
    reach: maxThickness + maxGap,
  };
}

/**
 * The grey level below which a pixel is ink: Otsu's threshold, which splits the histogram where
 * the two sides are most apart, and so adapts to grey paper and faint print alike.
 */
function inkThreshold(grey: Uint8Array): number {
  const histogram = new Float64Array(256);
  for (let pixel = 0; pixel < grey.length; pixel += 1) histogram[grey[pixel]!]! += 1;
  let total = 0;
  for (let level = 0; level < 256; level += 1) total += level * histogram[level]!;
  let below = 0;
  let belowTotal = 0;
  let best = 0;
  let threshold = 128;
  for (let level = 0; level < 255; level += 1) {
    below += histogram[level]!;
    belowTotal += level * histogram[level]!;
    const above = grey.length - below;
    if (below === 0 || above === 0) continue;
    const difference = belowTotal / below - (total - belowTotal) / above;
    const between = below * above * difference * difference;
    if (between > best) {
      best = between;
      threshold = level + 1;
    }
  }
  return threshold;
}

/**
 * Runs joined into one line. Positions are along the line (x for a horizontal one) and across it
 * (y); the sums over its pixels give the least-squares fit of across on along.
 */
interface Track {
  start: number;
  end: number;
  lastAcross: number;
  /** Set when the track was found to be part of another and merged into it. */
  merged: boolean;
  pixels: number;
  sumAlong: number;
  sumAcross: number;
  sumAlong2: number;
  sumAlongAcross: number;
  sumAcross2: number;
}

/** Sum of k² for k from 0 to n. */
function sumOfSquares(n: number): number {
  return (n * (n + 1) * (2 * n + 1)) / 6;
}

function addRun(track: Track, start: number, end: number, across: number): void {
  const length = end - start + 1;
  const sumAlong = ((start + end) * length) / 2;
  track.start = Math.min(track.start, start);
  track.end = Math.max(track.end, end);
  track.lastAcross = across;
  track.pixels += length;
  track.sumAlong += sumAlong;
  track.sumAcross += across * length;
  track.sumAlong2 += sumOfSquares(end) - sumOfSquares(start - 1);
  track.sumAlongAcross += across * sumAlong;
  track.sumAcross2 += across * across * length;
}

function absorb(into: Track, track: Track): void {
  into.start = Math.min(into.start, track.start);
  into.end = Math.max(into.end, track.end);
  into.lastAcross = Math.max(into.lastAcross, track.lastAcross);
  into.pixels += track.pixels;
  into.sumAlong += track.sumAlong;
  into.sumAcross += track.sumAcross;
  into.sumAlong2 += track.sumAlong2;
  into.sumAlongAcross += track.sumAlongAcross;
  into.sumAcross2 += track.sumAcross2;
  track.merged = true;
}

export type Direction = 'horizontal' | 'vertical';

/**
 * A ruling in image pixels. Along it (x for a horizontal one) it reaches from `start` to `end`;
 * across it, its centre line is `across = at + slope · (along − anchor)`, pixel centres at .5.
 */
export interface PixelRuling {
  direction: Direction;
  start: number;
  end: number;
  /** Where along the line `at` is taken: its middle as found. */
  anchor: number;
  /** Across position of the line at `anchor`, and so of the line straightened. */
  at: number;
  slope: number;
  thickness: number;
}

function rulingOf(track: Track, direction: Direction, limits: Limits): PixelRuling | undefined {
  const length = track.end - track.start + 1;
  if (length < limits.minLength) return undefined;
  const { pixels } = track;
  const meanAlong = track.sumAlong / pixels;
  const meanAcross = track.sumAcross / pixels;
  const spreadAlong = track.sumAlong2 - track.sumAlong * meanAlong;
  const coSpread = track.sumAlongAcross - track.sumAlong * meanAcross;
  const spreadAcross = track.sumAcross2 - track.sumAcross * meanAcross;
  const slope = coSpread / spreadAlong;
  if (Math.abs(slope) > MAX_SLOPE) return undefined;
  // Rows spread evenly over a line t pixels thick have a variance of (t² − 1) / 12 about its axis.
  const thickness = Math.sqrt((12 * Math.max(0, spreadAcross - slope * coSpread)) / pixels + 1);
  if (thickness > limits.maxThickness) return undefined;
  // Pixel k spans k to k + 1: its centre lies at k + 0.5.
  const anchor = (track.start + track.end + 1) / 2;
  return { direction, start: track.start, end: track.end + 1, anchor, at: meanAcross + 0.5 + slope * (anchor - meanAlong - 0.5), slope, thickness };
}

/** Strides in the grey array of a step along the lines looked for and of a step across them, and the image's size those ways. */
interface Walk {
  direction: Direction;
  alongStride: number;
  acrossStride: number;
  alongCount: number;
  acrossCount: number;
}

function walkOf(direction: Direction, image: GreyImage): Walk {
  const { width, height } = image;
  return direction === 'horizontal'
    ? { direction, alongStride: 1, acrossStride: width, alongCount: width, acrossCount: height }
    : { direction, alongStride: width, acrossStride: 1, alongCount: height, acrossCount: width };
}

/** The rulings that run one way across the image, in one pass over its pixels. */
function rulingsAlong(grey: Uint8Array, threshold: number, limits: Limits, walk: Walk): PixelRuling[] {
  const found: PixelRuling[] = [];
  let active: Track[] = [];
  const finish = (track: Track): void => {
    const ruling = track.merged ? undefined : rulingOf(track, walk.direction, limits);
    if (ruling !== undefined) found.push(ruling);
  };
  const attach = (start: number, end: number, across: number): void => {
    let home: Track | undefined;
    for (const track of active) {
      if (track.merged || start > track.end + limits.maxGap || end < track.start - limits.maxGap) continue;
      if (home === undefined) home = track;
      else absorb(home, track);
    }
    if (home === undefined) {
      home = { start, end, lastAcross: across, merged: false, pixels: 0, sumAlong: 0, sumAcross: 0, sumAlong2: 0, sumAlongAcross: 0, sumAcross2: 0 };
      active.push(home);
    }
    addRun(home, start, end, across);
  };
  const { alongStride, acrossStride, alongCount, acrossCount } = walk;
  for (let across = 0; across < acrossCount; across += 1) {
    const still: Track[] = [];
    for (const track of active) {
      if (!track.merged && across - track.lastAcross - 1 <= MAX_EMPTY_ROWS) still.push(track);
      else finish(track);
    }
    active = still;
    const rowStart = across * acrossStride;
    let along = 0;
    while (along < alongCount) {
      if (grey[rowStart + along * alongStride]! >= threshold) {
        along += 1;
        continue;
      }
      const start = along;
      let last = along;
      for (along += 1; along < alongCount && along - last <= limits.maxGap + 1; along += 1) {
        if (grey[rowStart + along * alongStride]! < threshold) last = along;
      }
      if (last - start + 1 >= limits.minRun) attach(start, last, across);
    }
  }
  for (const track of active) finish(track);
  return found;
}

/** Across position of a ruling's fitted (slanted) centre line at `along`. */
export function fittedAt(ruling: PixelRuling, along: number): number {
  return ruling.at + ruling.slope * (along - ruling.anchor);
}

/** The long, thin, straight lines of an image drawn at `scale` pixels per point, horizontal and vertical. */
export function findRulingLines(image: GreyImage, scale: number): PixelRuling[] {
  const limits = limitsAt(scale);
  const threshold = inkThreshold(image.grey);
  return [...rulingsAlong(image.grey, threshold, limits, walkOf('horizontal', image)), ...rulingsAlong(image.grey, threshold, limits, walkOf('vertical', image))];
}

/** A box as seen from a ruling: its extent along the ruling and across it. */
interface AxisBox {
  alongStart: number;
  alongEnd: number;
  acrossStart: number;
  acrossEnd: number;
}

function axisBox(box: PixelBox, direction: Direction): AxisBox {
  return direction === 'horizontal'
    ? { alongStart: box.x0, alongEnd: box.x1, acrossStart: box.y0, acrossEnd: box.y1 }
    : { alongStart: box.y0, alongEnd: box.y1, acrossStart: box.x0, acrossEnd: box.x1 };
}

/** Whether most of a ruling runs inside characters, as a stroke of one. */
function runsThroughText(ruling: PixelRuling, characters: readonly AxisBox[]): boolean {
  const inside: Array<[number, number]> = [];
  for (const box of characters) {
    const start = Math.max(ruling.start, box.alongStart);
    const end = Math.min(ruling.end, box.alongEnd);
    if (end <= start) continue;
    const across = fittedAt(ruling, (start + end) / 2);
    if (across >= box.acrossStart && across <= box.acrossEnd) inside.push([start, end]);
  }
  inside.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let reached = -Infinity;
  for (const [start, end] of inside) {
    covered += Math.max(0, end - Math.max(start, reached));
    reached = Math.max(reached, end);
  }
  return covered > MAX_SHARE_THROUGH_TEXT * (ruling.end - ruling.start);
}

/** The rulings that are not strokes of the recognised words `words` (boxes in pixels). */
export function rulingsClearOfText(rulings: readonly PixelRuling[], words: readonly PixelBox[], scale: number): PixelRuling[] {
  const { minCharacter } = limitsAt(scale);
  const characters = (direction: Direction): AxisBox[] =>
    words.map((box) => axisBox(box, direction)).filter((box) => box.acrossEnd - box.acrossStart >= minCharacter);
  const across: Record<Direction, AxisBox[]> = { horizontal: characters('horizontal'), vertical: characters('vertical') };
  return rulings.filter((ruling) => !runsThroughText(ruling, across[ruling.direction]));
}

/**
 * Straightened, a slanted line moves off the ends of the lines that meet it: a table 16 cm wide
 * on a sheet half a degree askew has its top rule 1.4 mm higher at one end than at the other.
 * Each end of a ruling that lies on a crossing ruling is moved to where that one is drawn once
 * straightened, so that corners still meet.
 */
function snapEnds(rulings: readonly PixelRuling[], reach: number): PixelRuling[] {
  return rulings.map((ruling) => {
    const snapped = { ...ruling };
    for (const side of ['start', 'end'] as const) {
      // A crossing ruling's along is this one's across, and the other way round.
      const across = fittedAt(ruling, ruling[side]);
      let nearest: { at: number; distance: number } | undefined;
      for (const other of rulings) {
        if (other.direction === ruling.direction || across < other.start - reach || across > other.end + reach) continue;
        const distance = Math.abs(fittedAt(other, across) - ruling[side]);
        if (distance <= reach && (nearest === undefined || distance < nearest.distance)) nearest = { at: other.at, distance };
      }
      if (nearest !== undefined) snapped[side] = nearest.at;
    }
    return snapped;
  });
}

/** The rulings in page points (display space, y downwards), straightened, with the corners where they meet kept. */
export function rulingSegments(rulings: readonly PixelRuling[], scale: number): RulingSegment[] {
  return snapEnds(rulings, limitsAt(scale).reach).map(({ direction, start, end, at }) =>
    direction === 'horizontal' ? { x1: start / scale, y1: at / scale, x2: end / scale, y2: at / scale } : { x1: at / scale, y1: start / scale, x2: at / scale, y2: end / scale },
  );
}
