import type { RulingSegment } from './types.js';

/**
 * Ruling lines from drawn paths, shared by the readers of paged formats (PDF, OFD): straight
 * strokes, and filled rectangles so thin that they are drawn as lines (how Word, WPS and OFD
 * producers rule tables and the 版头 and 版记 lines).
 */

// A filled rectangle at most this thick (points) is a line; thicker fills are shading.
const THIN_FILL_MAX = 2.5;
// Shorter marks are dots, bullets or glyph fragments.
const MIN_RULING_LENGTH = 3;
// How far a corner may be off the bounding box and still make the shape a rectangle (points).
const CORNER_TOLERANCE = 0.5;

export type Point = readonly [number, number];

export function samePoint(a: Point | undefined, b: Point): boolean {
  return a !== undefined && Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;
}

/** Every segment of the polylines long enough to be a ruling. */
export function strokedSegments(polylines: readonly (readonly Point[])[]): RulingSegment[] {
  const segments: RulingSegment[] = [];
  for (const line of polylines) {
    for (let i = 1; i < line.length; i += 1) {
      const [x1, y1] = line[i - 1]!;
      const [x2, y2] = line[i]!;
      if (Math.hypot(x2 - x1, y2 - y1) >= MIN_RULING_LENGTH) segments.push({ x1, y1, x2, y2 });
    }
  }
  return segments;
}

/** The centre line of a polyline that is a thin axis-aligned rectangle (or a line closed on itself). */
export function thinRectangleAxis(line: readonly Point[]): RulingSegment | undefined {
  let left = Infinity;
  let right = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  for (const [x, y] of line) {
    left = Math.min(left, x);
    right = Math.max(right, x);
    top = Math.min(top, y);
    bottom = Math.max(bottom, y);
  }
  const onCorners = line.every(
    ([x, y]) =>
      (Math.abs(x - left) < CORNER_TOLERANCE || Math.abs(x - right) < CORNER_TOLERANCE) &&
      (Math.abs(y - top) < CORNER_TOLERANCE || Math.abs(y - bottom) < CORNER_TOLERANCE),
  );
  const width = right - left;
  const height = bottom - top;
  if (!onCorners || Math.min(width, height) > THIN_FILL_MAX || Math.max(width, height) < MIN_RULING_LENGTH) return undefined;
  return width >= height
    ? { x1: left, y1: (top + bottom) / 2, x2: right, y2: (top + bottom) / 2 }
    : { x1: (left + right) / 2, y1: top, x2: (left + right) / 2, y2: bottom };
}
