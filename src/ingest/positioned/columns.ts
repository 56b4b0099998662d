import { lineOf, type Line, type Segment } from './lines.js';

/**
 * Side-by-side blocks. In signature areas two issuers often sit next to each other with the date
 * under one of them (jointly signed notices, GB/T 9704-2012 7.3.5.1), each block centred on its own axis and set a few
 * points higher or lower than the other. Read row by row, names and date interleave; read
 * column by column, each block stays whole.
 */

export interface ReadingLine {
  line: Line;
  /** Part of a side-by-side block: it never joins a neighbour into one paragraph. */
  inColumn: boolean;
}

interface Gutter {
  left: number;
  right: number;
}

// The white channel between two blocks is at least this wide.
const GUTTER_MIN_EM = 1;
// Lines of one block follow each other at no more than this gap (text line spacing, not a blank line).
const ADJACENT_GAP_EM = 1;
// Lines of a block centred on one axis: their centres agree within this.
const CENTRE_TOLERANCE_EM = 1;
// Two parts of one line set on baselines this far apart were placed independently.
const BASELINE_TOLERANCE = 1;

function gutterOf(line: Line): Gutter | undefined {
  if (line.segments.length !== 2) return undefined;
  const [left, right] = line.segments as [Segment, Segment];
  return { left: left.right, right: right.left };
}

/** The gutter left between a line's boxes, if none of them crosses it; `undefined` otherwise. */
function narrowedGutter(line: Line, gutter: Gutter): Gutter | undefined {
  if (line.segments.length > 2) return undefined;
  let left = gutter.left;
  let right = gutter.right;
  for (const box of line.boxes) {
    const centre = (box.left + box.right) / 2;
    if (centre < (gutter.left + gutter.right) / 2) left = Math.max(left, box.right);
    else right = Math.min(right, box.left);
  }
  return right - left >= GUTTER_MIN_EM * line.size ? { left, right } : undefined;
}

function areAdjacent(upper: Line, lower: Line): boolean {
  return lower.top - upper.bottom <= ADJACENT_GAP_EM * Math.max(upper.size, lower.size) && lower.top > upper.top;
}

interface Split {
  left: Line | undefined;
  right: Line | undefined;
}

function splitAt(line: Line, gutter: Gutter): Split {
  const middle = (gutter.left + gutter.right) / 2;
  const leftBoxes = line.boxes.filter((box) => (box.left + box.right) / 2 < middle);
  const rightBoxes = line.boxes.filter((box) => (box.left + box.right) / 2 >= middle);
  return {
    left: leftBoxes.length > 0 ? lineOf(leftBoxes) : undefined,
    right: rightBoxes.length > 0 ? lineOf(rightBoxes) : undefined,
  };
}

function isCentredColumn(parts: readonly Line[]): boolean {
  if (parts.length < 2) return true;
  const centres = parts.map((part) => (part.left + part.right) / 2);
  const size = Math.max(...parts.map((part) => part.size));
  return Math.max(...centres) - Math.min(...centres) <= CENTRE_TOLERANCE_EM * size;
}

/**
 * A block is read column by column when each column is centred on its own axis or the columns
 * were placed apart (their baselines differ); left-aligned key–value rows stay rows.
 */
function readsByColumn(splits: readonly Split[]): boolean {
  const lefts = splits.flatMap((split) => (split.left === undefined ? [] : [split.left]));
  const rights = splits.flatMap((split) => (split.right === undefined ? [] : [split.right]));
  if (lefts.length === 0 || rights.length === 0) return false;
  const placedApart = splits.some(
    (split) => split.left !== undefined && split.right !== undefined && Math.abs(split.left.baseline - split.right.baseline) > BASELINE_TOLERANCE,
  );
  return placedApart || (isCentredColumn(lefts) && isCentredColumn(rights));
}

interface ColumnBlock {
  start: number;
  end: number;
  gutter: Gutter;
}

function blockAround(lines: readonly Line[], seed: number, taken: readonly boolean[]): ColumnBlock | undefined {
  let gutter = gutterOf(lines[seed]!);
  if (gutter === undefined) return undefined;
  let start = seed;
  let end = seed;
  while (start > 0 && !taken[start - 1] && areAdjacent(lines[start - 1]!, lines[start]!)) {
    const narrowed = narrowedGutter(lines[start - 1]!, gutter);
    if (narrowed === undefined) break;
    gutter = narrowed;
    start -= 1;
  }
  while (end + 1 < lines.length && areAdjacent(lines[end]!, lines[end + 1]!)) {
    const narrowed = narrowedGutter(lines[end + 1]!, gutter);
    if (narrowed === undefined) break;
    gutter = narrowed;
    end += 1;
  }
  return end > start ? { start, end, gutter } : undefined;
}

/** Lines of a page in reading order, side-by-side blocks read column by column. */
export function readColumnsInOrder(lines: readonly Line[]): ReadingLine[] {
  const taken = lines.map(() => false);
  const blocks = new Map<number, Split[]>();
  for (let seed = 0; seed < lines.length; seed += 1) {
    if (taken[seed]) continue;
    const block = blockAround(lines, seed, taken);
    if (block === undefined) continue;
    const splits = lines.slice(block.start, block.end + 1).map((line) => splitAt(line, block.gutter));
    if (!readsByColumn(splits)) continue;
    for (let i = block.start; i <= block.end; i += 1) taken[i] = true;
    blocks.set(block.start, splits);
    seed = block.end;
  }

  const ordered: ReadingLine[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const splits = blocks.get(i);
    if (splits !== undefined) {
      for (const side of ['left', 'right'] as const) {
        for (const split of splits) {
          const part = split[side];
          if (part !== undefined) ordered.push({ line: part, inColumn: true });
        }
      }
      i += splits.length - 1;
    } else if (!taken[i]) {
      ordered.push({ line: lines[i]!, inColumn: false });
    }
  }
  return ordered;
}
