import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { AnnotationMode, getDocument, normalizeUnicode, OPS, VerbosityLevel, type PDFDocumentProxy, type PDFPageProxy } from './pdfjs.js';
import { GongwenError } from '../model/errors.js';
import { foldLookalikes } from './characters.js';
import { info, warning, type Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import type { FormatReading } from './format.js';
import { repairRecognisedBlock, type OcrOptions, type PageImageSource, type PlacedImage } from './ocr/index.js';
import { meanConfidence } from './positioned/confidence.js';
import { isEcho } from './positioned/echo.js';
import { layoutPositionedPages, type PositionedLayout } from './positioned/index.js';
import { applyMatrix, IDENTITY, multiply, type Matrix } from './positioned/matrix.js';
import { continuesRun, positionedRun, type PlacedText } from './positioned/placed-text.js';
import { samePoint, strokedSegments, thinRectangleAxis, type Point } from './positioned/rulings.js';
import type { PageTextLayer, PositionedPage, PositionedRun, RulingSegment } from './positioned/types.js';

/**
 * PDF → positioned text. pdf.js parses the file; this module only replays each page's operator
 * list (text state, transformation matrices, paths) to learn where every glyph and ruling line
 * was drawn, and hands that to the format-independent layout in `positioned/`. Pages without a
 * usable text layer (scans) are read by OCR (`ocr/`), whose words and the table rulings it finds
 * in a scan go through the same layout.
 *
 * Glyphs come from the operator list rather than `getTextContent` for two reasons: the
 * operator list is needed anyway for table rulings, so one pass serves both, and
 * `getTextContent` drops glyphs when a PDF sets a negative font size inside a scaled CTM (it
 * compares an unscaled glyph width with the page box, so everything within |font size| of the
 * left edge vanishes: corpus tangshan-2018-tangfa-10 loses the first characters of every line).
 */

// pdf.js reads CMaps and standard fonts through Node's fs when given plain paths; file:// URLs
// are not readable by its Node loader and leave CJK text empty (see PEERS.md). It insists on a
// trailing '/'.
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_DIRECTORY = `${PDFJS_ROOT}/cmaps/`;
const STANDARD_FONT_DIRECTORY = `${PDFJS_ROOT}/standard_fonts/`;
const WASM_DIRECTORY = `${PDFJS_ROOT}/wasm/`;

const TEXT_LAYER_OPTIONS = {
  cMapUrl: CMAP_DIRECTORY,
  cMapPacked: true,
  standardFontDataUrl: STANDARD_FONT_DIRECTORY,
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  // Images never carry text here and decoding them dominated the time on scans (2 s for the
  // 8 scanned corpus pages); 0 makes pdf.js skip every image without decoding it.
  maxImageSize: 0,
  // WebAssembly only serves image decoding and ICC colour, neither of which matters here.
  useWasm: false,
  // pdf.js logs through console.warn at the default level; a library must stay silent.
  verbosity: VerbosityLevel.ERRORS,
} as const;

/** For the pages OCR reads: their images decoded, JPEG 2000 and JBIG2 scans included. */
const IMAGE_OPTIONS = {
  ...TEXT_LAYER_OPTIONS,
  // A 600 dpi A3 scan is 70 million pixels; a larger image (a few kilobytes of JPEG can declare
  // one) is not decoded, so the page is drawn without it rather than filling the memory.
  maxImageSize: 100_000_000,
  useWasm: true,
  wasmUrl: WASM_DIRECTORY,
  // Decoded images then arrive as pixel arrays, never as browser bitmaps.
  isOffscreenCanvasSupported: false,
} as const;

type DocumentOptions = typeof TEXT_LAYER_OPTIONS | typeof IMAGE_OPTIONS;

function asMatrix(value: unknown): Matrix | undefined {
  if (!Array.isArray(value) && !ArrayBuffer.isView(value)) return undefined;
  const numbers = Array.from(value as ArrayLike<unknown>);
  if (numbers.length !== 6 || !numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  return numbers as unknown as Matrix;
}

// ---------------------------------------------------------------------------------------------
// Fonts, as pdf.js resolves them into the document's common objects.

interface FontFace {
  name: string;
  /** Glyph space → text space; widths are multiplied by its first entry. */
  matrix: Matrix;
  vertical: boolean;
  bold: boolean;
  /** The file carries the font program, so the page can be drawn as it prints. */
  embedded: boolean;
}

const DEFAULT_FONT_MATRIX: Matrix = [0.001, 0, 0, 0.001, 0, 0];

/** pdf.js's font object: the base name without its subset prefix ("BCDEEE+SimSun"), and its flags. */
function fontFaceOf(data: unknown): FontFace {
  const font = (data ?? {}) as { name?: unknown; fontMatrix?: unknown; vertical?: unknown; bold?: unknown; black?: unknown; missingFile?: unknown };
  return {
    name: typeof font.name === 'string' ? font.name.replace(/^[A-Z]{6}\+/, '') : '',
    matrix: asMatrix(font.fontMatrix) ?? DEFAULT_FONT_MATRIX,
    vertical: font.vertical === true,
    bold: font.bold === true || font.black === true,
    embedded: font.missingFile !== true,
  };
}

// ---------------------------------------------------------------------------------------------
// Graphics and text state, mirroring pdf.js's canvas renderer (display/canvas.js) so that
// positions are those the page is drawn with.

interface TextState {
  font: FontFace | undefined;
  fontSize: number;
  /** A negative font size mirrors the glyphs; pdf.js keeps the sign apart from the size. */
  fontDirection: 1 | -1;
  charSpacing: number;
  wordSpacing: number;
  horizontalScale: number;
  leading: number;
  rise: number;
  matrix: Matrix;
  lineX: number;
  lineY: number;
  x: number;
  y: number;
}

interface GraphicsState {
  ctm: Matrix;
  text: TextState;
  fillVisible: boolean;
  strokeVisible: boolean;
}

function initialState(viewportTransform: Matrix): GraphicsState {
  return {
    ctm: viewportTransform,
    text: {
      font: undefined,
      fontSize: 0,
      fontDirection: 1,
      charSpacing: 0,
      wordSpacing: 0,
      horizontalScale: 1,
      leading: 0,
      rise: 0,
      matrix: IDENTITY,
      lineX: 0,
      lineY: 0,
      x: 0,
      y: 0,
    },
    fillVisible: true,
    strokeVisible: true,
  };
}

function cloneState(state: GraphicsState): GraphicsState {
  return { ...state, text: { ...state.text } };
}

// Paint that leaves no mark on white paper: used to erase, never to rule a table.
function isVisiblePaint(hex: unknown): boolean {
  if (typeof hex !== 'string' || !/^#[0-9a-f]{6}$/i.test(hex)) return true;
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return !channels.every((channel) => channel >= 0xf0);
}

// ---------------------------------------------------------------------------------------------
// Glyphs → runs.

interface OperatorGlyph {
  unicode?: unknown;
  width?: unknown;
  isSpace?: unknown;
  vmetric?: unknown;
}

interface PlacedGlyph extends PlacedText {
  font: FontFace;
}

/** Glyphs gathered into one run so far; `start…` is where the run began, `last…` its last glyph. */
interface PendingRun extends PlacedGlyph {
  lastText: string;
  lastX: number;
  lastY: number;
  lastWidth: number;
  bold: boolean;
}

function widthOf(glyph: PlacedGlyph): number {
  return Math.hypot(glyph.endX - glyph.startX, glyph.endY - glyph.startY);
}

class RunCollector {
  readonly runs: PositionedRun[] = [];
  /** Some glyph was set in a font the file does not embed. */
  unembedded = false;
  private pending: PendingRun | undefined;

  add(glyph: PlacedGlyph): void {
    if (!glyph.font.embedded) this.unembedded = true;
    const pending = this.pending;
    if (pending !== undefined && this.isEcho(pending, glyph)) {
      pending.bold = true;
      return;
    }
    if (pending !== undefined && this.continues(pending, glyph)) {
      pending.text += glyph.text;
      pending.endX = glyph.endX;
      pending.endY = glyph.endY;
      pending.lastText = glyph.text;
      pending.lastX = glyph.startX;
      pending.lastY = glyph.startY;
      pending.lastWidth = widthOf(glyph);
      return;
    }
    this.flush();
    this.pending = {
      ...glyph,
      lastText: glyph.text,
      lastX: glyph.startX,
      lastY: glyph.startY,
      lastWidth: widthOf(glyph),
      bold: glyph.font.bold,
    };
  }

  /** Ends the current run, e.g. at a space: the gap it leaves is for layout to judge. */
  flush(): void {
    const pending = this.pending;
    if (pending === undefined) return;
    this.pending = undefined;
    this.runs.push(positionedRun(pending, pending.font.name, pending.bold));
  }

  private isEcho(pending: PendingRun, glyph: PlacedGlyph): boolean {
    return isEcho(
      { text: pending.lastText, x: pending.lastX, y: pending.lastY, width: pending.lastWidth },
      { text: glyph.text, x: glyph.startX, y: glyph.startY, width: widthOf(glyph) },
      glyph.fontSize,
    );
  }

  private continues(pending: PendingRun, glyph: PlacedGlyph): boolean {
    return pending.font === glyph.font && continuesRun(pending, glyph);
  }
}

const WHITESPACE = /^\s*$/u;

// Text layers map glyphs to Kangxi radicals and other look-alikes (⽂ for 文); they are folded
// here, before page furniture and chrome are recognised by their words.
function glyphText(glyph: OperatorGlyph): string {
  return typeof glyph.unicode === 'string' ? foldLookalikes(normalizeUnicode(glyph.unicode)) : '';
}

function glyphAdvanceWidth(glyph: OperatorGlyph, vertical: boolean): number {
  const width = typeof glyph.width === 'number' ? glyph.width : 0;
  if (!vertical) return width;
  const vmetric = glyph.vmetric;
  return Array.isArray(vmetric) && typeof vmetric[0] === 'number' ? -vmetric[0] : width;
}

/** Places the glyphs of one text-showing operator and advances the text position (PDF 32000 9.4.4). */
function showText(glyphs: readonly unknown[], state: GraphicsState, collector: RunCollector): void {
  const text = state.text;
  const font = text.font;
  if (font === undefined || text.fontSize === 0) return;
  const horizontalScale = text.horizontalScale * text.fontDirection;
  const widthScale = text.fontSize * font.matrix[0];
  const m = multiply(state.ctm, text.matrix);
  const emSize = text.fontSize * Math.hypot(m[2], m[3]);
  const [dirX, dirY] = font.vertical ? [-m[2], -m[3]] : [m[0] * Math.sign(horizontalScale), m[1] * Math.sign(horizontalScale)];
  const dirLength = Math.hypot(dirX, dirY) || 1;
  let advance = 0;
  for (const item of glyphs) {
    if (typeof item === 'number') {
      // TJ adjustments are in thousandths of an em, against the writing direction.
      advance += ((font.vertical ? 1 : -1) * item * text.fontSize) / 1000;
      continue;
    }
    if (item === null || typeof item !== 'object') continue;
    const glyph = item as OperatorGlyph;
    const spacing = (glyph.isSpace === true ? text.wordSpacing : 0) + text.charSpacing;
    const glyphWidth = glyphAdvanceWidth(glyph, font.vertical) * widthScale;
    const content = glyphText(glyph);
    if (WHITESPACE.test(content)) {
      collector.flush();
    } else {
      const [startX, startY] = font.vertical
        ? applyMatrix(m, text.x, text.y + text.rise - advance)
        : applyMatrix(m, text.x + advance * horizontalScale, text.y + text.rise);
      const [endX, endY] = font.vertical
        ? applyMatrix(m, text.x, text.y + text.rise - advance - glyphWidth)
        : applyMatrix(m, text.x + (advance + glyphWidth) * horizontalScale, text.y + text.rise);
      collector.add({
        text: content,
        startX,
        startY,
        endX,
        endY,
        fontSize: emSize,
        dirX: dirX / dirLength,
        dirY: dirY / dirLength,
        font,
      });
    }
    advance += font.vertical ? glyphWidth - spacing * text.fontDirection : glyphWidth + spacing * text.fontDirection;
  }
  if (font.vertical) text.y -= advance;
  else text.x += advance * horizontalScale;
}

// ---------------------------------------------------------------------------------------------
// Paths → ruling segments.

// pdf.js ≥ 5 sends each path as one constructPath operator: [paintOp, [Float32Array], minMax],
// the array holding DrawOPS codes each followed by its coordinates (moveTo x y, lineTo x y,
// curveTo x1 y1 x2 y2 x y, quadraticCurveTo x1 y1 x y, closePath).
const DRAW_MOVE_TO = 0;
const DRAW_LINE_TO = 1;
const DRAW_CURVE_TO = 2;
const DRAW_QUADRATIC_CURVE_TO = 3;
const DRAW_CLOSE_PATH = 4;

const STROKE_OPS: ReadonlySet<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILL_OPS: ReadonlySet<number> = new Set([OPS.fill, OPS.eoFill]);

/**
 * The polylines of a path in display space, closed ones ending on their first point, repeated
 * points dropped; curves only move the pen (no table is ruled with curves).
 */
function subpaths(buffer: ArrayLike<number>, m: Matrix): Point[][] {
  const paths: Point[][] = [];
  let current: Point[] = [];
  let index = 0;
  const take = (): Point => {
    const point = applyMatrix(m, buffer[index] ?? 0, buffer[index + 1] ?? 0);
    index += 2;
    return point;
  };
  const end = (): void => {
    if (current.length > 1) paths.push(current);
  };
  const lineTo = (point: Point): void => {
    if (!samePoint(current[current.length - 1], point)) current.push(point);
  };
  while (index < buffer.length) {
    const code = buffer[index++];
    if (code === DRAW_MOVE_TO) {
      end();
      current = [take()];
    } else if (code === DRAW_LINE_TO) {
      lineTo(take());
    } else if (code === DRAW_CURVE_TO || code === DRAW_QUADRATIC_CURVE_TO) {
      index += code === DRAW_CURVE_TO ? 4 : 2;
      end();
      current = [take()];
    } else if (code === DRAW_CLOSE_PATH) {
      const first = current[0];
      if (first !== undefined) lineTo(first);
      end();
      current = first === undefined ? [] : [first];
    } else {
      break;
    }
  }
  end();
  return paths;
}

/** The centre line of each filled subpath that is a thin axis-aligned rectangle. */
function filledSegments(paths: readonly Point[][]): RulingSegment[] {
  const segments: RulingSegment[] = [];
  for (const path of paths) {
    const axis = path.length >= 4 && path.length <= 5 ? thinRectangleAxis(path) : undefined;
    if (axis !== undefined) segments.push(axis);
  }
  return segments;
}

function pathRulings(args: readonly unknown[], state: GraphicsState): RulingSegment[] {
  const [paintOp, data] = args;
  const buffer = Array.isArray(data) ? (data[0] as unknown) : undefined;
  if (typeof paintOp !== 'number' || buffer === null || !ArrayBuffer.isView(buffer)) return [];
  const coordinates = buffer as unknown as ArrayLike<number>;
  if (STROKE_OPS.has(paintOp) && state.strokeVisible) return strokedSegments(subpaths(coordinates, state.ctm));
  if (FILL_OPS.has(paintOp) && state.fillVisible) return filledSegments(subpaths(coordinates, state.ctm));
  return [];
}

// ---------------------------------------------------------------------------------------------
// The operator list, replayed.

interface PageDrawing {
  runs: PositionedRun[];
  rulings: RulingSegment[];
  /** Images the page paints (none unless pdf.js was asked to decode them). */
  images: PlacedImage[];
  /** Text set in fonts the file does not embed: a rendering of the page shows placeholders for it. */
  unembeddedText: boolean;
}

type FontLookup = (name: string) => FontFace | undefined;

function setFont(state: GraphicsState, fonts: FontLookup, name: unknown, size: unknown): void {
  if (typeof name !== 'string' || typeof size !== 'number') return;
  state.text.font = fonts(name);
  state.text.fontDirection = size < 0 ? -1 : 1;
  state.text.fontSize = Math.abs(size);
}

function moveText(text: TextState, x: number, y: number): void {
  text.lineX += x;
  text.lineY += y;
  text.x = text.lineX;
  text.y = text.lineY;
}

function numberArg(args: readonly unknown[], index: number): number {
  const value = args[index];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function applyGraphicsStateDictionary(state: GraphicsState, fonts: FontLookup, entries: unknown): void {
  if (!Array.isArray(entries)) return;
  for (const entry of entries) {
    if (!Array.isArray(entry) || entry[0] !== 'Font' || !Array.isArray(entry[1])) continue;
    setFont(state, fonts, entry[1][0], entry[1][1]);
  }
}

/** Text state and positioning operators (PDF 32000 9.3, 9.4.2); false for any other operator. */
function applyTextOperator(state: GraphicsState, fn: number, args: readonly unknown[], fonts: FontLookup): boolean {
  const text = state.text;
  switch (fn) {
    case OPS.beginText:
      state.text = { ...text, matrix: IDENTITY, lineX: 0, lineY: 0, x: 0, y: 0 };
      return true;
    case OPS.setFont:
      setFont(state, fonts, args[0], args[1]);
      return true;
    case OPS.setCharSpacing:
      text.charSpacing = numberArg(args, 0);
      return true;
    case OPS.setWordSpacing:
      text.wordSpacing = numberArg(args, 0);
      return true;
    case OPS.setHScale:
      text.horizontalScale = numberArg(args, 0) / 100;
      return true;
    case OPS.setLeading:
      text.leading = -numberArg(args, 0);
      return true;
    case OPS.setTextRise:
      text.rise = numberArg(args, 0);
      return true;
    case OPS.moveText:
      moveText(text, numberArg(args, 0), numberArg(args, 1));
      return true;
    case OPS.setLeadingMoveText:
      text.leading = numberArg(args, 1);
      moveText(text, numberArg(args, 0), numberArg(args, 1));
      return true;
    case OPS.nextLine:
      moveText(text, 0, text.leading);
      return true;
    case OPS.setTextMatrix: {
      const matrix = asMatrix(args[0]) ?? asMatrix(args);
      if (matrix !== undefined) state.text = { ...text, matrix, lineX: 0, lineY: 0, x: 0, y: 0 };
      return true;
    }
    default:
      return false;
  }
}

/** Colour operators as pdf.js normalises them (every colour space becomes RGB hex). */
function applyPaintOperator(state: GraphicsState, fn: number, args: readonly unknown[]): boolean {
  switch (fn) {
    case OPS.setFillRGBColor:
      state.fillVisible = isVisiblePaint(args[0]);
      return true;
    case OPS.setStrokeRGBColor:
      state.strokeVisible = isVisiblePaint(args[0]);
      return true;
    case OPS.setFillTransparent:
      state.fillVisible = false;
      return true;
    case OPS.setStrokeTransparent:
      state.strokeVisible = false;
      return true;
    case OPS.setFillColorN:
      state.fillVisible = true;
      return true;
    case OPS.setStrokeColorN:
      state.strokeVisible = true;
      return true;
    default:
      return false;
  }
}

/**
 * Replays a page's operator list: the graphics state stack (save/restore, form XObjects,
 * transparency groups), the CTM, text and paths. Positions come out in display space because the
 * CTM starts as the viewport transform, which also applies the page's /Rotate.
 */
function replayOperators(fnArray: readonly number[], argsArray: readonly unknown[], viewportTransform: Matrix, fonts: FontLookup): PageDrawing {
  const collector = new RunCollector();
  const rulings: RulingSegment[] = [];
  const images: PlacedImage[] = [];
  const stack: GraphicsState[] = [];
  let state = initialState(viewportTransform);
  for (let i = 0; i < fnArray.length; i += 1) {
    const fn = fnArray[i]!;
    const args = (Array.isArray(argsArray[i]) ? argsArray[i] : []) as unknown[];
    if (applyTextOperator(state, fn, args, fonts) || applyPaintOperator(state, fn, args)) continue;
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        stack.push(cloneState(state));
        break;
      case OPS.restore:
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push(cloneState(state));
        const matrix = asMatrix(args[0]);
        if (matrix !== undefined) state.ctm = multiply(state.ctm, matrix);
        break;
      }
      case OPS.transform: {
        const matrix = asMatrix(args);
        if (matrix !== undefined) state.ctm = multiply(state.ctm, matrix);
        break;
      }
      case OPS.setGState:
        applyGraphicsStateDictionary(state, fonts, args[0]);
        break;
      case OPS.constructPath:
        for (const segment of pathRulings(args, state)) rulings.push(segment);
        break;
      case OPS.showText:
        if (Array.isArray(args[0])) showText(args[0] as unknown[], state, collector);
        break;
      case OPS.endText:
        collector.flush();
        break;
      case OPS.paintImageXObject:
        // Images are painted into the unit square of the current transformation.
        if (typeof args[0] === 'string') images.push({ objectId: args[0], matrix: state.ctm });
        break;
      default:
        break;
    }
  }
  collector.flush();
  return { runs: collector.runs, rulings, images, unembeddedText: collector.unembedded };
}

// ---------------------------------------------------------------------------------------------
// Document and pages.

function loadError(error: unknown): GongwenError {
  const name = error instanceof Error ? error.name : '';
  const reason = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return new GongwenError('E_ENCRYPTED_PDF', 'the PDF is protected by a password', { cause: error });
  }
  return new GongwenError('E_CORRUPT_PDF', `the PDF cannot be parsed (${reason.split('\n')[0]})`, { cause: error });
}

async function openDocument(bytes: Uint8Array, options: DocumentOptions): Promise<PDFDocumentProxy> {
  // pdf.js transfers the buffer to its worker, which detaches it, and refuses Node Buffers; a
  // copy keeps the caller's bytes (which `ingest` hashes afterwards) intact.
  const task = getDocument({ ...options, data: new Uint8Array(bytes) });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy();
    throw loadError(error);
  }
}

/** A page as drawn: its positioned text and rulings, and what OCR needs to know of it. */
type DrawnPage = PositionedPage & Omit<PageDrawing, 'runs' | 'rulings'>;

async function drawPage(page: PDFPageProxy, fonts: Map<string, FontFace>): Promise<DrawnPage> {
  const viewport = page.getViewport({ scale: 1 });
  const operators = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
  const lookup: FontLookup = (name) => {
    let font = fonts.get(name);
    if (font === undefined && page.commonObjs.has(name)) {
      font = fontFaceOf(page.commonObjs.get(name));
      fonts.set(name, font);
    }
    return font;
  };
  const transform = asMatrix(viewport.transform) ?? IDENTITY;
  const drawing = replayOperators(operators.fnArray, operators.argsArray, transform, lookup);
  return { number: page.pageNumber, width: viewport.width, height: viewport.height, ...drawing };
}

async function readPage(document: PDFDocumentProxy, number: number, fonts: Map<string, FontFace>): Promise<DrawnPage> {
  const page = await document.getPage(number);
  try {
    return await drawPage(page, fonts);
  } finally {
    page.cleanup();
  }
}

interface PageReadFailure {
  number: number;
  reason: string;
}

function failureReason(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

async function readPages(document: PDFDocumentProxy): Promise<{ pages: DrawnPage[]; failures: PageReadFailure[] }> {
  const fonts = new Map<string, FontFace>();
  const pages: DrawnPage[] = [];
  const failures: PageReadFailure[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    try {
      pages.push(await readPage(document, number, fonts));
    } catch (error) {
      failures.push({ number, reason: failureReason(error) });
    }
  }
  return { pages, failures };
}

function noTextLayerProblem(count: number, recognised: boolean): string {
  const problem = count === 1 ? 'the only page has no text layer (a scan?)' : `none of the ${count} pages has a text layer (a scan?)`;
  if (!recognised) return problem;
  return `${problem} and OCR recognised no text on ${count === 1 ? 'it' : 'them'}`;
}

/**
 * Errors for files without usable text, and a warning for each page whose text is missing.
 * `recognised` are the pages OCR read, which changes what there is to say about them.
 */
function textLayerMessages(layers: readonly PageTextLayer[], pageCount: number, recognised: ReadonlySet<number>): Message[] {
  const withText = layers.filter((layer) => layer.state !== 'none');
  if (withText.length === 0) {
    const allRecognised = layers.length > 0 && layers.every((layer) => recognised.has(layer.page));
    throw new GongwenError('E_NO_TEXT_LAYER', noTextLayerProblem(pageCount, allRecognised), { details: { pages: pageCount } });
  }
  const damaged = withText.filter((layer) => layer.state === 'damaged');
  if (damaged.length === withText.length) {
    const pages = damaged.map((layer) => layer.page);
    throw new GongwenError(
      'E_DAMAGED_TEXT_LAYER',
      `the text layer cannot be decoded on any page that has one (${pages.length === 1 ? 'page' : 'pages'} ${pages.join(', ')})`,
      { details: { pages } },
    );
  }
  const messages: Message[] = [];
  for (const layer of layers) {
    const ocrFoundNothing = recognised.has(layer.page) ? ' and OCR recognised no text on it' : '';
    if (layer.state === 'none') {
      const advice = ocrFoundNothing === '' ? 'convert it with OCR on to recover it' : 'check the scan';
      messages.push(
        warning('ingest:pdf-no-text-layer', `page ${layer.page} has no text layer (a scan?)${ocrFoundNothing}; its content is missing, ${advice}`, {
          page: layer.page,
        }),
      );
    } else if (layer.state === 'damaged') {
      messages.push(
        warning('ingest:pdf-damaged-text-layer', `the text layer of page ${layer.page} cannot be decoded${ocrFoundNothing}; its text was left out`, {
          page: layer.page,
        }),
      );
    } else if (layer.undecodable > 0) {
      messages.push(
        warning(
          'ingest:pdf-undecodable-characters',
          `${layer.undecodable} character${layer.undecodable === 1 ? '' : 's'} on page ${layer.page} could not be decoded and ${layer.undecodable === 1 ? 'was' : 'were'} left out`,
          { page: layer.page },
        ),
      );
    }
  }
  return messages;
}

/**
 * Pages whose text OCR must supply: those without a text layer, and those whose layer cannot be
 * decoded but whose glyphs the file embeds (drawn, they show the right characters; only their
 * Unicode mapping is lost). A damaged page in fonts the file does not carry would be drawn with
 * placeholder shapes, and is left as it is.
 */
function pagesNeedingOcr(layers: readonly PageTextLayer[], pages: readonly DrawnPage[]): number[] {
  const unembedded = new Set(pages.filter((page) => page.unembeddedText).map((page) => page.number));
  return layers.filter((layer) => layer.state === 'none' || (layer.state === 'damaged' && !unembedded.has(layer.page))).map((layer) => layer.page);
}

/** A page whose words OCR read, from its scan or from a rendering of it. */
type RecognisedPdfPage = PositionedPage & { source: PageImageSource };

interface Recognition {
  /** Pages on which OCR found text, with its words in place of the page's own text. */
  pages: Map<number, RecognisedPdfPage>;
  /** Pages OCR read to the end, whether it found text on them or not. */
  read: Set<number>;
  /** A warning for each page OCR could not read. */
  failures: Message[];
}

function nothingRecognised(): Recognition {
  return { pages: new Map(), read: new Set(), failures: [] };
}

/**
 * Reads the given pages by OCR, one after another, from a second copy of the document in which
 * pdf.js decodes images (the first skips them, which is what makes text layers fast).
 */
async function recognisePages(bytes: Uint8Array, numbers: readonly number[], onProgress: OcrOptions['onProgress']): Promise<Recognition> {
  const { recognisePage } = await import('./ocr/recognise.js');
  const document = await openDocument(bytes, IMAGE_OPTIONS);
  const fonts = new Map<string, FontFace>();
  const recognition = nothingRecognised();
  try {
    for (const [done, number] of numbers.entries()) {
      onProgress?.({ page: number, pages: numbers.length, done });
      try {
        const page = await document.getPage(number);
        try {
          const drawn = await drawPage(page, fonts);
          const { runs, rulings, source } = await recognisePage(page, drawn.width, drawn.height, drawn.images);
          recognition.read.add(number);
          if (runs.length > 0) recognition.pages.set(number, { number, width: drawn.width, height: drawn.height, runs, rulings: [...drawn.rulings, ...rulings], source });
        } finally {
          page.cleanup();
        }
      } catch (error) {
        recognition.failures.push(
          warning('ingest:pdf-ocr-failed', `page ${number} could not be read by OCR (${failureReason(error)}); its content is missing`, { page: number }),
        );
      }
      onProgress?.({ page: number, pages: numbers.length, done: done + 1 });
    }
  } finally {
    await document.destroy();
  }
  return recognition;
}

const READ_FROM: Readonly<Record<PageImageSource, string>> = { scan: 'its scanned image', rendering: 'the page as drawn' };

/** Says, for each page whose text came from OCR, why and how surely it was read. */
function recognitionMessages(pages: ReadonlyMap<number, RecognisedPdfPage>, before: readonly PageTextLayer[], used: ReadonlySet<number>): Message[] {
  return before.flatMap((layer) => {
    const page = pages.get(layer.page);
    if (page === undefined || !used.has(layer.page)) return [];
    const why = layer.state === 'damaged' ? `the text layer of page ${layer.page} cannot be decoded` : `page ${layer.page} has no text layer`;
    const confidence = (meanConfidence(page.runs) ?? 0).toFixed(2);
    return [info('ingest:pdf-ocr', `${why}; its text was recognised by OCR from ${READ_FROM[page.source]}, with a mean confidence of ${confidence}`, { page: layer.page })];
  });
}

export interface PdfReading extends FormatReading {
  /** Pages whose text was recognised by OCR, in page order. */
  ocrPages?: number[];
}

/**
 * Reads a PDF into paragraphs and tables in reading order, each block carrying its 1-based page.
 * Pages without a usable text layer are recognised by OCR unless `options.ocr` is false.
 */
export async function readPdf(bytes: Uint8Array, options: OcrOptions = {}): Promise<Result<PdfReading>> {
  const document = await openDocument(bytes, TEXT_LAYER_OPTIONS);
  try {
    const pageCount = document.numPages;
    const { pages, failures } = await readPages(document);
    if (pages.length === 0) {
      const reason = failures[0]?.reason ?? 'it has no pages';
      throw new GongwenError('E_CORRUPT_PDF', `no page of the PDF can be read (${reason})`);
    }
    const messages: Message[] = failures.map((failure) =>
      warning('ingest:pdf-unreadable-page', `page ${failure.number} cannot be read (${failure.reason}); its content is missing`, {
        page: failure.number,
      }),
    );
    const textLayers = layoutPositionedPages(pages);
    const needed = options.ocr === false ? [] : pagesNeedingOcr(textLayers.value.pages, pages);
    const recognition = needed.length === 0 ? nothingRecognised() : await recognisePages(bytes, needed, options.onProgress);
    const layout: Result<PositionedLayout> =
      recognition.pages.size === 0 ? textLayers : layoutPositionedPages(pages.map((page) => recognition.pages.get(page.number) ?? page));
    const ocrPages = layout.value.pages.filter((layer) => layer.state === 'text' && recognition.pages.has(layer.page)).map((layer) => layer.page);
    messages.push(
      ...recognition.failures,
      ...recognitionMessages(recognition.pages, textLayers.value.pages, new Set(ocrPages)),
      ...textLayerMessages(layout.value.pages, pageCount, recognition.read),
      ...layout.messages,
    );
    messages.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
    const blocks = ocrPages.length === 0 ? layout.value.blocks : layout.value.blocks.map(repairRecognisedBlock);
    return result({ blocks, pages: pageCount, ...(ocrPages.length > 0 ? { ocrPages } : {}) }, messages);
  } finally {
    await document.destroy();
  }
}
