/**
 * Colour → grey for the recogniser, with red seals (公章) lifted off the text beneath them.
 *
 * A 公文 is signed by stamping the issuer's seal over the signature and the date (GB/T 9704-2012
 * 7.3.5), so in a scan the two lines that matter most lie under red ink, and read as grey the
 * seal's ring, star and lettering tangle with them. Within a seal, the red channel alone is the
 * grey: red ink is as bright in it as the paper, and black ink stays dark. (Of the blends of it
 * with lightness tried on the corpus's two sealed pages and the fixture, none read better.)
 * Elsewhere red is kept, as ordinary lightness: a red letterhead (版头) names the issuer and must
 * still be read. A seal is told from a letterhead by shape: a round or oval mark a few
 * centimetres across, where a letterhead is a row of separate characters over a long flat rule.
 */

const MM_PER_POINT = 25.4 / 72;
// Red ink: the red channel this far above the brighter of green and blue.
const RED_MARGIN = 50;
// The grid in which red is looked for, and how much of a cell must be red ink to count.
const CELL_MM = 1;
const RED_CELL_SHARE = 0.1;
// Official seals are 38–45 mm across (GB/T 9704 leaves the size to the stamping rules); faded
// or cropped ones show less, oval ones are longer.
const SEAL_SIZE_MM: readonly [number, number] = [20, 70];
const SEAL_MAX_ASPECT = 1.6;
// Seal ink bleeds a little past the ring's outline.
const SEAL_MARGIN_MM = 1;

/** A rectangle of a grid: columns `left` to `right` and rows `top` to `bottom`, ends excluded. */
interface GridRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

function isRedInk(red: number, green: number, blue: number): boolean {
  return red - Math.max(green, blue) >= RED_MARGIN;
}

/** Which cells of the grid hold red ink. */
function redCells(rgba: Uint8ClampedArray, width: number, height: number, cell: number): { red: Uint8Array; columns: number; rows: number } {
  const columns = Math.ceil(width / cell);
  const rows = Math.ceil(height / cell);
  const counts = new Uint32Array(columns * rows);
  for (let y = 0; y < height; y += 1) {
    const rowCell = Math.floor(y / cell) * columns;
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (isRedInk(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!)) counts[rowCell + Math.floor(x / cell)]! += 1;
    }
  }
  const needed = RED_CELL_SHARE * cell * cell;
  return { red: Uint8Array.from(counts, (count) => (count >= needed ? 1 : 0)), columns, rows };
}

/** Bounding boxes, in cells, of the groups of red cells that touch (corners included). */
function redComponents(red: Uint8Array, columns: number, rows: number): GridRect[] {
  const seen = new Uint8Array(red.length);
  const boxes: GridRect[] = [];
  for (let start = 0; start < red.length; start += 1) {
    if (red[start] === 0 || seen[start] === 1) continue;
    const box = { left: columns, top: rows, right: 0, bottom: 0 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const index = stack.pop()!;
      const x = index % columns;
      const y = Math.floor(index / columns);
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x + 1);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y + 1);
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= columns || ny >= rows) continue;
          const next = ny * columns + nx;
          if (red[next] === 1 && seen[next] === 0) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    boxes.push(box);
  }
  return boxes;
}

function isSealShaped(box: GridRect, cellMm: number): boolean {
  const width = (box.right - box.left) * cellMm;
  const height = (box.bottom - box.top) * cellMm;
  const [smallest, largest] = SEAL_SIZE_MM;
  const inRange = (size: number): boolean => size >= smallest && size <= largest;
  return inRange(width) && inRange(height) && Math.max(width, height) <= SEAL_MAX_ASPECT * Math.min(width, height);
}

/** Where the seals are on an image of a page drawn at `scale` pixels per point, in pixels. */
export function findSeals(rgba: Uint8ClampedArray, width: number, height: number, scale: number): GridRect[] {
  const pixelsPerMm = scale / MM_PER_POINT;
  const cell = Math.max(1, Math.round(CELL_MM * pixelsPerMm));
  const cellMm = cell / pixelsPerMm;
  const { red, columns, rows } = redCells(rgba, width, height, cell);
  const margin = Math.round(SEAL_MARGIN_MM * pixelsPerMm);
  return redComponents(red, columns, rows)
    .filter((box) => isSealShaped(box, cellMm))
    .map((box) => ({
      left: Math.max(0, box.left * cell - margin),
      top: Math.max(0, box.top * cell - margin),
      right: Math.min(width, box.right * cell + margin),
      bottom: Math.min(height, box.bottom * cell + margin),
    }));
}

/** Lightness (ITU-R BT.601) everywhere but inside the seals, where the red channel is taken. */
export function greyWithoutSeals(rgba: Uint8ClampedArray, width: number, height: number, scale: number): Uint8Array {
  const grey = new Uint8Array(width * height);
  for (let pixel = 0, i = 0; pixel < grey.length; pixel += 1, i += 4) {
    grey[pixel] = (rgba[i]! * 299 + rgba[i + 1]! * 587 + rgba[i + 2]! * 114) / 1000;
  }
  for (const seal of findSeals(rgba, width, height, scale)) {
    for (let y = seal.top; y < seal.bottom; y += 1) {
      for (let x = seal.left; x < seal.right; x += 1) grey[y * width + x] = rgba[(y * width + x) * 4]!;
    }
  }
  return grey;
}
