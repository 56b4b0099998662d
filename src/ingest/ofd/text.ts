import { foldLookalikes } from '../characters.js';
import { continuesRun, positionedRun, type PlacedText } from '../positioned/placed-text.js';
import type { PositionedRun } from '../positioned/types.js';
import { applyMatrix, type Matrix } from '../positioned/matrix.js';
import { numbers } from './geometry.js';
import type { FontFace } from './resources.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

/**
 * Text objects (GB/T 33190 11): each TextCode sets its first glyph at X, Y (the baseline, in
 * the object's own space) and every next one DeltaX, DeltaY further on. OFD carries no glyph
 * widths outside the embedded fonts, so a glyph is taken to be an em wide, half an em for
 * Latin letters and digits (as 公文 fonts set them), and never wider than its step to the next.
 */

/** Characters that CGTransform (GB/T 33190 11.4) draws with `glyphs` glyphs, each taking a step. */
interface TextUnit {
  text: string;
  glyphs: number;
}

interface GlyphTransform {
  position: number;
  codes: number;
  glyphs: number;
}

const HALF_WIDTH = /[\u0020-\u024f\uff61-\uffdc]/u;
const WHITESPACE = /^\s*$/u;

function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += HALF_WIDTH.test(ch) ? 0.5 : 1;
  return width;
}

/**
 * A DeltaX or DeltaY list with its `g count value` shorthand (GB/T 33190 11.3) expanded, at most
 * `limit` values long: a shorthand that repeats a value a billion times yields no more steps
 * than there are glyphs. A value that is not a number ends the list.
 */
export function expandDeltas(value: string | undefined, limit: number): number[] {
  const tokens = value?.trim().split(/\s+/u) ?? [];
  const deltas: number[] = [];
  for (let i = 0; i < tokens.length && deltas.length < limit; ) {
    if (tokens[i] === 'g') {
      const count = Number(tokens[i + 1]);
      const delta = Number(tokens[i + 2]);
      if (!Number.isInteger(count) || count < 0 || !Number.isFinite(delta)) break;
      for (let n = 0; n < count && deltas.length < limit; n += 1) deltas.push(delta);
      i += 3;
    } else {
      const delta = Number(tokens[i]);
      if (tokens[i] === '' || !Number.isFinite(delta)) break;
      deltas.push(delta);
      i += 1;
    }
  }
  return deltas;
}

/** The TextObject's CGTransforms by the position they start at; the last one listed there wins. */
function glyphTransforms(textObject: XmlElement): Map<number, GlyphTransform> {
  const byPosition = new Map<number, GlyphTransform>();
  for (const transform of childrenNamed(textObject, 'CGTransform').map((transform) => {
    const listed = numbers(child(transform, 'Glyphs')?.text).length;
    const count = (name: string): number => Math.max(1, Math.trunc(Number(transform.attributes.get(name) ?? 1)) || 1);
    return {
      position: Math.trunc(Number(transform.attributes.get('CodePosition') ?? 0)) || 0,
      codes: count('CodeCount'),
      // A transform cannot take more steps than the glyphs it lists.
      glyphs: Math.max(1, Math.min(count('GlyphCount'), listed)),
    };
  })) {
    byPosition.set(transform.position, transform);
  }
  return byPosition;
}

/**
 * The characters of one TextCode grouped as CGTransform draws them. Its positions count the
 * characters of the whole TextObject; the text itself is Unicode already (the transform maps it
 * to glyph indices of the embedded font, which the text does not need).
 */
function textUnits(chars: readonly string[], firstPosition: number, transforms: ReadonlyMap<number, GlyphTransform>): TextUnit[] {
  const units: TextUnit[] = [];
  for (let i = 0; i < chars.length; ) {
    const transform = transforms.get(firstPosition + i);
    const codes = Math.min(transform?.codes ?? 1, chars.length - i);
    units.push({ text: chars.slice(i, i + codes).join(''), glyphs: transform?.glyphs ?? 1 });
    i += codes;
  }
  return units;
}

interface ObjectStyle {
  matrix: Matrix;
  size: number;
  hScale: number;
}

function place(unit: TextUnit, x: number, y: number, width: number, style: ObjectStyle): PlacedText {
  const [startX, startY] = applyMatrix(style.matrix, x, y);
  const [endX, endY] = applyMatrix(style.matrix, x + width, y);
  const m = style.matrix;
  const length = Math.hypot(m[0], m[1]) || 1;
  return {
    text: foldLookalikes(unit.text),
    startX,
    startY,
    endX,
    endY,
    fontSize: style.size * Math.hypot(m[2], m[3]),
    dirX: m[0] / length,
    dirY: m[1] / length,
  };
}

/** Places the units of one TextCode, the first at (x, y). */
function placeTextCode(code: XmlElement, units: readonly TextUnit[], start: { x: number; y: number }, style: ObjectStyle, out: PlacedText[]): void {
  const glyphCount = units.reduce((sum, unit) => sum + unit.glyphs, 0);
  const deltaX = expandDeltas(code.attributes.get('DeltaX'), glyphCount);
  const deltaY = expandDeltas(code.attributes.get('DeltaY'), glyphCount);
  // Text stepped only downwards (DeltaY without DeltaX) is set vertically: no step across.
  const steppedAcross = code.attributes.has('DeltaX') || !code.attributes.has('DeltaY');
  let { x, y } = start;
  let glyph = 0;
  units.forEach((unit, index) => {
    const estimate = emWidth(unit.text) * style.size * style.hScale;
    let stepX = 0;
    let stepY = 0;
    for (let n = 0; n < unit.glyphs; n += 1, glyph += 1) {
      stepX += deltaX[glyph] ?? (steppedAcross ? estimate / unit.glyphs : 0);
      stepY += deltaY[glyph] ?? 0;
    }
    const isLast = index === units.length - 1;
    const width = !isLast && stepY === 0 && stepX > 0 ? Math.min(estimate, stepX) : estimate;
    const placed = place(unit, x, y, width, style);
    out.push(WHITESPACE.test(placed.text) ? { ...placed, text: ' ' } : placed);
    x += stepX;
    y += stepY;
  });
}

/** The characters of a TextObject placed in points, in drawing order; white space comes out as ' '. */
export function placeTextObject(textObject: XmlElement, matrix: Matrix): PlacedText[] {
  const style: ObjectStyle = {
    matrix,
    size: Number(textObject.attributes.get('Size')) || 0,
    hScale: Number(textObject.attributes.get('HScale') ?? 1) || 1,
  };
  if (style.size <= 0) return [];
  const transforms = glyphTransforms(textObject);
  const placed: PlacedText[] = [];
  // A TextCode without X or Y keeps the previous one's (GB/T 33190 11.3).
  let lastX = 0;
  let lastY = 0;
  let position = 0;
  for (const code of childrenNamed(textObject, 'TextCode')) {
    const chars = [...code.text];
    lastX = Number(code.attributes.get('X') ?? lastX) || 0;
    lastY = Number(code.attributes.get('Y') ?? lastY) || 0;
    placeTextCode(code, textUnits(chars, position, transforms), { x: lastX, y: lastY }, style, placed);
    position += chars.length;
  }
  return placed;
}

/**
 * Joins the placed characters of one TextObject into runs: characters that follow each other
 * without a gap; white space ends a run, leaving its gap for the layout to judge.
 */
export function runsOf(placed: readonly PlacedText[], font: FontFace | undefined, bold: boolean): PositionedRun[] {
  const runs: PositionedRun[] = [];
  let current: PlacedText | undefined;
  const flush = (): void => {
    if (current !== undefined) runs.push(positionedRun(current, font?.name, bold));
    current = undefined;
  };
  for (const next of placed) {
    if (next.text === ' ') {
      flush();
    } else if (current !== undefined && continuesRun(current, next)) {
      current = { ...current, text: current.text + next.text, endX: next.endX, endY: next.endY };
    } else {
      flush();
      current = next;
    }
  }
  flush();
  return runs;
}
