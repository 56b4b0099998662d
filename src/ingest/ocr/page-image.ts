import { createCanvas, ImageData, type Canvas } from '@napi-rs/canvas';
import { AnnotationMode, ImageKind, type PDFPageProxy } from '../pdfjs.js';
import type { RecognitionImage } from './engine.js';
import type { GreyImage } from './ruling-lines.js';
import { greyWithoutSeals } from './seals.js';

/**
 * The image of a PDF page that OCR reads. A scanned page is one large image: that image is taken
 * as it is stored (no overlaid scanner stamp, no text layer drawn over it) and only turned and
 * resampled into the page's display space. Any other page (vector drawings, text in fonts whose
 * Unicode mapping is broken) is drawn by pdf.js.
 */

/** Where a page draws an image: pdf.js's name for it and the matrix from its unit square to display space. */
export interface PlacedImage {
  /** A page object, or a document object when the name starts with "g_". */
  objectId: string;
  matrix: readonly [number, number, number, number, number, number];
}

// 公文 are set in 16 pt (三号), 44 px to the em at 200 dpi. Eight born-digital corpus pages drawn
// and read back lost 4.7 % of their characters at 150 dpi, 4.6 % at 200 and 5.1 % at 300 (the
// model is trained on smaller text), in 1.9, 2.3 and 2.6 s a page; 200 rather than 150 keeps
// 10.5 pt (五号) table text at 29 px to the em.
const OCR_DPI = 200;
const SCALE = OCR_DPI / 72;
// A page larger than A0 (62 million pixels at 200 dpi) is drawn smaller, so that a page declared
// metres wide cannot ask for gigabytes of canvas; its text is large in proportion.
const MAX_PIXELS = 64_000_000;
// And no side longer than Leptonica, under tesseract, takes: a page metres long and a hair wide
// has a small area but would still be drawn a hundred million pixels long.
const MAX_SIDE = 32_767;

// An image that covers this share of the page is the scan of it.
const SCAN_COVERAGE = 0.5;

export type PageImageSource = 'scan' | 'rendering';

export interface PageImage {
  image: RecognitionImage;
  /** The same image as grey levels, where ruling lines are looked for. */
  pixels: GreyImage;
  /** Pixels per point of the page. */
  scale: number;
  source: PageImageSource;
}

/** What pdf.js holds for a decoded image (src/shared/image_utils.js). */
interface DecodedImage {
  width?: unknown;
  height?: unknown;
  kind?: unknown;
  data?: unknown;
}

function coveredArea(matrix: PlacedImage['matrix'], width: number, height: number): number {
  const corners = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
  ].map(([u, v]) => [matrix[0] * u! + matrix[2] * v! + matrix[4], matrix[1] * u! + matrix[3] * v! + matrix[5]] as const);
  const left = Math.max(0, Math.min(...corners.map(([x]) => x)));
  const right = Math.min(width, Math.max(...corners.map(([x]) => x)));
  const top = Math.max(0, Math.min(...corners.map(([, y]) => y)));
  const bottom = Math.min(height, Math.max(...corners.map(([, y]) => y)));
  return Math.max(0, right - left) * Math.max(0, bottom - top);
}

/** The image that is the scan of the page: the largest one, if it covers most of the page. */
export function scanOf(images: readonly PlacedImage[], width: number, height: number): PlacedImage | undefined {
  let best: PlacedImage | undefined;
  let bestArea = SCAN_COVERAGE * width * height;
  for (const image of images) {
    const area = coveredArea(image.matrix, width, height);
    if (area >= bestArea) {
      best = image;
      bestArea = area;
    }
  }
  return best;
}

/** The image as pdf.js decoded it; null when it could not be decoded. */
function decodedImage(page: PDFPageProxy, objectId: string): Promise<DecodedImage | null> {
  const objects = objectId.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => objects.get(objectId, resolve));
}

/** RGBA pixels of a decoded image, or undefined for one that is missing or in a form kept for browsers. */
function rgbaOf(image: DecodedImage | null): ImageData | undefined {
  const { width, height, kind, data } = image ?? {};
  if (typeof width !== 'number' || typeof height !== 'number' || !(data instanceof Uint8Array || data instanceof Uint8ClampedArray)) return undefined;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (kind === ImageKind.RGBA_32BPP) {
    rgba.set(data.subarray(0, rgba.length));
  } else if (kind === ImageKind.RGB_24BPP) {
    for (let pixel = 0, from = 0, to = 0; pixel < width * height; pixel += 1, from += 3, to += 4) {
      rgba[to] = data[from]!;
      rgba[to + 1] = data[from + 1]!;
      rgba[to + 2] = data[from + 2]!;
      rgba[to + 3] = 255;
    }
  } else if (kind === ImageKind.GRAYSCALE_1BPP) {
    // Rows start on a byte boundary; a set bit is white.
    const rowBytes = Math.ceil(width / 8);
    for (let y = 0, to = 0; y < height; y += 1) {
      for (let x = 0; x < width; x += 1, to += 4) {
        const shade = ((data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) * 255;
        rgba[to] = shade;
        rgba[to + 1] = shade;
        rgba[to + 2] = shade;
        rgba[to + 3] = 255;
      }
    }
  } else {
    return undefined;
  }
  return new ImageData(rgba, width, height);
}

/** Pixels per point for a page of `width` × `height` points: 200 dpi, less for a page too large for it. */
function scaleOf(width: number, height: number): number {
  const area = width * height;
  if (!(area > 0) || !Number.isFinite(area)) return SCALE;
  return Math.min(SCALE, Math.sqrt(MAX_PIXELS / area), MAX_SIDE / Math.max(width, height));
}

function whitePage(width: number, height: number, scale: number): Canvas {
  const canvas = createCanvas(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)));
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  return canvas;
}

/** Draws the scan where the page places it; false when pdf.js did not hand over its pixels. */
async function drawScan(page: PDFPageProxy, scan: PlacedImage, canvas: Canvas, scale: number): Promise<boolean> {
  const pixels = rgbaOf(await decodedImage(page, scan.objectId));
  if (pixels === undefined) return false;
  const source = createCanvas(pixels.width, pixels.height);
  source.getContext('2d').putImageData(pixels, 0, 0);
  const context = canvas.getContext('2d');
  context.imageSmoothingQuality = 'high';
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.transform(...scan.matrix);
  // Image space: the unit square, the first row of pixels along its top edge (y = 1).
  context.transform(1 / pixels.width, 0, 0, -1 / pixels.height, 0, 1);
  context.drawImage(source, 0, 0);
  return true;
}

async function drawRendering(page: PDFPageProxy, canvas: Canvas, scale: number): Promise<void> {
  const viewport = page.getViewport({ scale });
  // pdf.js draws on any canvas with a 2D context; its types name the browser's.
  const target = canvas as unknown as Parameters<PDFPageProxy['render']>[0]['canvas'];
  await page.render({ canvas: target, viewport, annotationMode: AnnotationMode.DISABLE }).promise;
}

/** A binary PGM: tesseract.js reads it without decoding anything. */
export function pgmOf({ grey, width, height }: GreyImage): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii'), grey]);
}

/**
 * The image of a page of `width` × `height` points for OCR: its scan when it has one among
 * `images` (pdf.js must have decoded them), else the page drawn by pdf.js.
 */
export async function pageImage(page: PDFPageProxy, width: number, height: number, images: readonly PlacedImage[]): Promise<PageImage> {
  const scale = scaleOf(width, height);
  const canvas = whitePage(width, height, scale);
  const scan = scanOf(images, width, height);
  const scanned = scan !== undefined && (await drawScan(page, scan, canvas, scale));
  if (!scanned) await drawRendering(page, canvas, scale);
  const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  const pixels = { grey: greyWithoutSeals(rgba, canvas.width, canvas.height, scale), width: canvas.width, height: canvas.height };
  return {
    image: { bytes: pgmOf(pixels), dpi: Math.round(scale * 72) },
    pixels,
    scale,
    source: scanned ? 'scan' : 'rendering',
  };
}
