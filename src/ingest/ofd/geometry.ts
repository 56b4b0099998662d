/**
 * OFD geometry (GB/T 33190 8.1, 8.2): lengths are millimetres, the origin is the top-left
 * corner and y grows downwards, as in the positioned layout, which wants points.
 */
import { multiply, type Matrix } from '../positioned/matrix.js';

export const POINTS_PER_MM = 72 / 25.4;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function translation(x: number, y: number): Matrix {
  return [1, 0, 0, 1, x, y];
}

export function scaling(factor: number): Matrix {
  return [factor, 0, 0, factor, 0, 0];
}

/** The finite numbers of a space-separated list; anything else in it is skipped. */
export function numbers(value: string | undefined): number[] {
  if (value === undefined) return [];
  return value
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
}

export function parseBox(value: string | undefined): Box | undefined {
  const [x, y, width, height] = numbers(value);
  if (x === undefined || y === undefined || width === undefined || height === undefined) return undefined;
  return { x, y, width, height };
}

export function parseMatrix(value: string | undefined): Matrix | undefined {
  const values = numbers(value);
  return values.length === 6 ? (values as unknown as Matrix) : undefined;
}

/**
 * Where a graphic object's own coordinates land in its parent's (GB/T 33190 8.2): its CTM,
 * then a move to the top-left corner of its Boundary.
 */
export function objectMatrix(parent: Matrix, boundary: Box | undefined, ctm: Matrix | undefined): Matrix {
  const placed = boundary === undefined ? parent : multiply(parent, translation(boundary.x, boundary.y));
  return ctm === undefined ? placed : multiply(placed, ctm);
}
