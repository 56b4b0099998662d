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
 *
 * ReadDirection and CharDirection (GB/T 33190 11.2, 11.3) turn text in quarter turns clockwise
 * from the object's x axis: the first is the direction the text is read in (90 top to bottom,
 * 180 right to left, 270 bottom to top), the second turns each glyph about its origin. Neither
 * moves a glyph: X, Y and the Delta lists place them, as producers write them (ofdrw's
 * DrawContext.fillText steps vertical text with DeltaY, down for 90 and up for 270, and lines
 * read right to left with negative DeltaX) and viewers draw them (ofdrw's PdfboxMaker turns each
 * glyph about its origin by CharDirection). Only where no step is given does the reading
 * direction say where the next glyph goes: one glyph's extent further along it.
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

/** A direction in quarter turns clockwise from the object's x axis (its y axis points down). */
type QuarterTurn = 0 | 90 | 180 | 270;

/**
 * ReadDirection or CharDirection. The standard allows 0, 90, 180 and 270 only; any other value
 * (a slanted 45, a -90, no number at all) is taken for the default, 0, so such text reads as
 * ordinary text.
 */
function quarterTurn(value: string | undefined): QuarterTurn {
  const angle = Number(value);
  return angle === 90 || angle === 180 || angle === 270 ? angle : 0;
}

/** `length` along `turn`, as a step in the object's space; a length that is not finite stays on its axis. */
function towards(turn: QuarterTurn, length: number): [number, number] {
  switch (turn) {
    case 90:
      return [0, length];
    case 180:
      return [-length, 0];
    case 270:
      return [0, -length];
    default:
      return [length, 0];
  }
}

/** The unit vector on the page that `turn` in the object's space is drawn along. */
function pageDirection(matrix: Matrix, turn: QuarterTurn): { x: number; y: number } {
  const sign = turn < 180 ? 1 : -1;
  const [x, y] = turn % 180 === 0 ? [matrix[0], matrix[1]] : [matrix[2], matrix[3]];
  const length = Math.hypot(x, y) || 1;
  return { x: (sign * x) / length, y: (sign * y) / length };
}

interface ObjectStyle {
  matrix: Matrix;
  size: number;
  hScale: number;
  readDirection: QuarterTurn;
  charDirection: QuarterTurn;
}

/** The em box of a glyph of `width` set at `turn` reaches this far along `direction`. */
function extentAlong(direction: QuarterTurn, turn: QuarterTurn, width: number, size: number): number {
  return (direction - turn) % 180 === 0 ? width : size;
}

/** A glyph `width` long from (x, y) along its own baseline, turned by CharDirection, in points. */
function place(unit: TextUnit, x: number, y: number, width: number, style: ObjectStyle): PlacedText {
  const m = style.matrix;
  const [alongX, alongY] = towards(style.charDirection, width);
  const [startX, startY] = applyMatrix(m, x, y);
  const [endX, endY] = applyMatrix(m, x + alongX, y + alongY);
  const baseline = pageDirection(m, style.charDirection);
  return {
    text: foldLookalikes(unit.text),
    startX,
    startY,
    endX,
    endY,
    // The em runs across the baseline: along y for upright or upside-down glyphs, along x for turned ones.
    fontSize: style.size * (style.charDirection % 180 === 0 ? Math.hypot(m[2], m[3]) : Math.hypot(m[0], m[1])),
    dirX: baseline.x,
    dirY: baseline.y,
  };
}

/** Places the units of one TextCode, the first at (x, y). */
function placeTextCode(code: XmlElement, units: readonly TextUnit[], start: { x: number; y: number }, style: ObjectStyle, out: PlacedText[]): void {
  const glyphCount = units.reduce((sum, unit) => sum + unit.glyphs, 0);
  const deltaX = expandDeltas(code.attributes.get('DeltaX'), glyphCount);
  const deltaY = expandDeltas(code.attributes.get('DeltaY'), glyphCount);
  const { readDirection, charDirection } = style;
  const readAlongX = readDirection % 180 === 0;
  // A TextCode stepped only across its reading direction takes no step along it: DeltaY without
  // DeltaX in text read along x sets it vertically all the same.
  const [alongList, acrossList] = readAlongX ? ['DeltaX', 'DeltaY'] : ['DeltaY', 'DeltaX'];
  const steppedAlong = code.attributes.has(alongList) || !code.attributes.has(acrossList);
  const [readX, readY] = towards(readDirection, 1);
  let { x, y } = start;
  let glyph = 0;
  units.forEach((unit, index) => {
    const estimate = emWidth(unit.text) * style.size * style.hScale;
    const [defaultX, defaultY] = towards(readDirection, steppedAlong ? extentAlong(readDirection, charDirection, estimate, style.size) / unit.glyphs : 0);
    let stepX = 0;
    let stepY = 0;
    for (let n = 0; n < unit.glyphs; n += 1, glyph += 1) {
      stepX += deltaX[glyph] ?? defaultX;
      stepY += deltaY[glyph] ?? defaultY;
    }
    const isLast = index === units.length - 1;
    const stepAcross = readAlongX ? stepY : stepX;
    const stepAlong = stepX * readX + stepY * readY;
    const width = !isLast && charDirection === readDirection && stepAcross === 0 && stepAlong > 0 ? Math.min(estimate, stepAlong) : estimate;
    const placed = place(unit, x, y, width, style);
    out.push(WHITESPACE.test(placed.text) ? { ...placed, text: ' ' } : placed);
    x += stepX;
    y += stepY;
  });
}

/**
 * How the text of an object that is not set upright left to right is read, as unit vectors on
 * the page: the direction its characters follow one another in, and the object's x axis.
 */
export interface ReadingFrame {
  readX: number;
  readY: number;
  lineX: number;
  lineY: number;
}

export interface PlacedTextObject {
  /** The characters in drawing order, each along its own baseline; white space comes out as ' '. */
  glyphs: PlacedText[];
  /** Set when ReadDirection or CharDirection is other than 0. */
  frame?: ReadingFrame;
}

/** The characters of a TextObject placed in points. */
export function placeTextObject(textObject: XmlElement, matrix: Matrix): PlacedTextObject {
  const style: ObjectStyle = {
    matrix,
    size: Number(textObject.attributes.get('Size')) || 0,
    hScale: Number(textObject.attributes.get('HScale') ?? 1) || 1,
    readDirection: quarterTurn(textObject.attributes.get('ReadDirection')),
    charDirection: quarterTurn(textObject.attributes.get('CharDirection')),
  };
  if (style.size <= 0) return { glyphs: [] };
  const transforms = glyphTransforms(textObject);
  const glyphs: PlacedText[] = [];
  // A TextCode without X or Y keeps the previous one's (GB/T 33190 11.3).
  let lastX = 0;
  let lastY = 0;
  let position = 0;
  for (const code of childrenNamed(textObject, 'TextCode')) {
    const chars = [...code.text];
    lastX = Number(code.attributes.get('X') ?? lastX) || 0;
    lastY = Number(code.attributes.get('Y') ?? lastY) || 0;
    placeTextCode(code, textUnits(chars, position, transforms), { x: lastX, y: lastY }, style, glyphs);
    position += chars.length;
  }
  if (style.readDirection === 0 && style.charDirection === 0) return { glyphs };
  const read = pageDirection(matrix, style.readDirection);
  const line = pageDirection(matrix, 0);
  return { glyphs, frame: { readX: read.x, readY: read.y, lineX: line.x, lineY: line.y } };
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
