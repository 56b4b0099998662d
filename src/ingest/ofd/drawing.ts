import type { RulingSegment } from '../positioned/types.js';
import { applyMatrix, type Matrix } from '../positioned/matrix.js';
import { samePoint, strokedSegments, thinRectangleAxis, type Point } from '../positioned/rulings.js';
import { child, type XmlElement } from './xml.js';

/**
 * Path objects → ruling lines (GB/T 33190 9): straight strokes, and filled rectangles so thin
 * that they are drawn as lines (how producers rule tables and the 版头 and 版记 lines). Glyph
 * outlines drawn as paths (a red 版头 set as vector art) are filled shapes of every form; a
 * filled path counts only when each of its parts is a thin rectangle.
 */

/** Operands each command of AbbreviatedData takes (GB/T 33190 9.3.2). */
const OPERANDS: Readonly<Record<string, number>> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };

interface PathShape {
  /** Straight polylines, closed ones ending on their first point. */
  polylines: Point[][];
  /** Whether any part is curved (curves only move the pen here). */
  curved: boolean;
}

/** Reads AbbreviatedData into polylines in the space `matrix` maps to. */
function pathShape(data: string, matrix: Matrix): PathShape {
  const tokens = data.trim().split(/\s+/u);
  const polylines: Point[][] = [];
  let current: Point[] = [];
  let curved = false;
  const end = (): void => {
    if (current.length > 1) polylines.push(current);
  };
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i]!;
    const count = OPERANDS[command];
    if (count === undefined) break;
    const operands = tokens.slice(i + 1, i + 1 + count).map(Number);
    if (operands.length < count || !operands.every(Number.isFinite)) break;
    i += 1 + count;
    const target = count === 0 ? undefined : applyMatrix(matrix, operands[count - 2]!, operands[count - 1]!);
    if (command === 'S' || command === 'M') {
      end();
      current = [target!];
    } else if (command === 'L') {
      if (!samePoint(current[current.length - 1], target!)) current.push(target!);
    } else if (command === 'C') {
      const first = current[0];
      if (first !== undefined && !samePoint(current[current.length - 1], first)) current.push(first);
      end();
      current = first === undefined ? [] : [first];
    } else {
      curved = true;
      end();
      current = [target!];
    }
  }
  end();
  return { polylines, curved };
}

function filledSegments(shape: PathShape): RulingSegment[] {
  if (shape.curved) return [];
  const axes = shape.polylines.map(thinRectangleAxis);
  return axes.every((axis) => axis !== undefined) ? (axes as RulingSegment[]) : [];
}

/**
 * Paint that leaves a mark on white paper (GB/T 33190 8.3.2): a colour whose components are all
 * near white (RGB or grey) or all zero (CMYK) erases rather than rules. Components are decimal
 * or `#hex`.
 */
export function isVisiblePaint(color: XmlElement | undefined): boolean {
  if (color === undefined) return true;
  if (Number(color.attributes.get('Alpha') ?? 255) === 0) return false;
  const components = (color.attributes.get('Value') ?? '')
    .trim()
    .split(/\s+/u)
    .map((value) => (value.startsWith('#') ? Number.parseInt(value.slice(1), 16) : Number(value)));
  if (components.length === 0 || !components.every(Number.isFinite)) return true;
  if (components.length === 4) return !components.every((component) => component === 0);
  return !components.every((component) => component >= 0xf0);
}

/** The ruling lines a PathObject draws, in the space `matrix` maps its coordinates to. */
export function pathRulings(pathObject: XmlElement, matrix: Matrix): RulingSegment[] {
  const data = child(pathObject, 'AbbreviatedData')?.text;
  if (data === undefined || pathObject.attributes.get('Visible') === 'false') return [];
  if (Number(pathObject.attributes.get('Alpha') ?? 255) === 0) return [];
  const shape = pathShape(data, matrix);
  const stroked = pathObject.attributes.get('Stroke') !== 'false' && isVisiblePaint(child(pathObject, 'StrokeColor'));
  const filled = pathObject.attributes.get('Fill') === 'true' && isVisiblePaint(child(pathObject, 'FillColor'));
  const segments = stroked ? strokedSegments(shape.polylines) : [];
  return filled ? segments.concat(filledSegments(shape)) : segments;
}

/** The width and height of what a unit square lands on under `matrix` (images are drawn into one). */
export function unitSquareExtent(matrix: Matrix): { width: number; height: number } {
  const corners = [applyMatrix(matrix, 0, 0), applyMatrix(matrix, 1, 0), applyMatrix(matrix, 0, 1), applyMatrix(matrix, 1, 1)];
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  // Four corners: a spread is safe here.
  return { width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
}
