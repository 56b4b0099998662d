import type { Line } from './lines.js';

/**
 * Why a line ended where it did: the positions a wrapped line hangs from after a label, and the
 * width of a word too long to have fitted at the end of the line before. Positions of single
 * characters are estimated from their boxes (glyphs of a box share its width evenly).
 */

// A label such as "附件：" or "抄送：" ends within this many characters of the line start.
const LABEL_MAX_CHARACTERS = 8;
const LABEL_COLON = /[:：]/;
// The number of the first item after a label: "附件：1. 名称".
const ITEM_NUMBER = /^(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])/;

interface PlacedCharacter {
  character: string;
  x: number;
}

/** The first characters of a line with their estimated starts. */
function leadingCharacters(line: Line, count: number): PlacedCharacter[] {
  const placed: PlacedCharacter[] = [];
  for (const box of line.boxes) {
    const characters = [...box.text];
    const advance = characters.length === 0 ? 0 : (box.right - box.left) / characters.length;
    for (let i = 0; i < characters.length; i += 1) {
      if (placed.length === count) return placed;
      placed.push({ character: characters[i]!, x: box.left + i * advance });
    }
  }
  return placed;
}

/**
 * Where the text after a leading label starts, and where the name after the label's item number
 * starts ("附件：1. 名称"): the positions a wrapped line hangs from (GB/T 9704-2012 7.3.4).
 * Empty when the line does not start with a label.
 */
export function labelEndsOf(line: Line): number[] {
  const characters = leadingCharacters(line, LABEL_MAX_CHARACTERS + 4);
  const colon = characters.findIndex((placed, index) => index < LABEL_MAX_CHARACTERS && LABEL_COLON.test(placed.character));
  if (colon < 0) return [];
  const ends: number[] = [];
  const afterColon = characters[colon + 1];
  if (afterColon !== undefined) ends.push(afterColon.x);
  const rest = characters.slice(colon + 1).map((placed) => placed.character).join('');
  const number = ITEM_NUMBER.exec(rest);
  const afterNumber = number === null ? undefined : characters[colon + 1 + [...number[0]].length];
  if (afterNumber !== undefined) ends.push(afterNumber.x);
  return ends;
}

/** Whether the line opens with an item number ("2.", "（3）"): the next item of a list, not a continuation. */
export function opensWithItemNumber(line: Line): boolean {
  return ITEM_NUMBER.test(line.text);
}

// Latin words, numbers, e-mail addresses and URLs wrap as a whole.
const WORD_CHARACTER = /[0-9A-Za-z@._\-/:%]/;
// The word may follow one character it is bound to ("牌 30 个", "箱164345988@qq.com").
const WORD_START_MAX_INDEX = 1;
// Shorter openings ("2.", "第3") fit almost anywhere and explain no early line end.
const LONG_UNIT_MIN_CHARACTERS = 3;

/**
 * Width of the line's opening up to the end of its first Latin word or number, when that unit is
 * long enough that the line before may have ended early for want of room; 0 otherwise.
 */
export function leadingWordWidth(line: Line): number {
  const characters = leadingCharacters(line, Number.POSITIVE_INFINITY);
  const start = characters.findIndex((placed) => WORD_CHARACTER.test(placed.character));
  if (start < 0 || start > WORD_START_MAX_INDEX) return 0;
  let end = start;
  while (end + 1 < characters.length && WORD_CHARACTER.test(characters[end + 1]!.character)) end += 1;
  if (end + 1 < LONG_UNIT_MIN_CHARACTERS) return 0;
  const next = characters[end + 1];
  const last = characters[end]!;
  const lastRight = next?.x ?? line.right;
  return Math.max(lastRight, last.x) - line.left;
}
