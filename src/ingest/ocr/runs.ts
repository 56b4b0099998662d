import { isCjk } from '../characters.js';
import type { PositionedRun } from '../positioned/types.js';
import type { PixelBox, RecognisedLine, RecognisedWord } from './engine.js';

/**
 * Recognised lines → positioned runs in page space, so that a scanned page goes through the same
 * layout as a born-digital one. Each word becomes a run on its line's baseline, set in the size
 * its line's characters show, with its recognition confidence.
 */

// Tesseract gives shapes it cannot read at all (rules, stamps, specks) a confidence near zero.
const WORD_CONFIDENCE_FLOOR = 0.1;
// A line read this badly on average is noise: the edge of a stamp, a picture, a fold.
const LINE_CONFIDENCE_FLOOR = 0.4;
// Hatching, rules and pictures come out as Latin letters and digits, read about as surely as
// these are by the Chinese model; a line without an ideograph must be read more surely.
const LINE_WITHOUT_IDEOGRAPH_CONFIDENCE_FLOOR = 0.7;
// Ems within this share of one another are one type size measured with the scatter of ink boxes
// (a line of digits is shorter than one of ideographs); 三号 and 二号 lie 37 % apart.
const SAME_SIZE_SHARE = 0.12;

const READABLE = /[\p{L}\p{N}]/u;
const HAS_IDEOGRAPH = /\p{Script=Han}/u;
const SINGLE_IDEOGRAPH = /^\p{Script=Han}$/u;

// Recognisers answer ASCII punctuation for the full-width marks that Chinese text is set with.
const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ':': '：', ';': '；', '(': '（', ')': '）', '!': '！', '?': '？' };

// A page number between dashes ("— 3 —") is read with 一, now and then 二, for the dashes.
const DASHED_PAGE_NUMBER = /^[一二—-](\d{1,4})[一二—-]$/u;

function meanWordConfidence(words: readonly RecognisedWord[]): number {
  return words.reduce((sum, word) => sum + word.confidence, 0) / words.length;
}

/** The line's words worth keeping, or none when the line is noise. */
function keptWords(line: RecognisedLine): RecognisedWord[] {
  const words = line.words.filter((word) => word.text.trim() !== '' && word.confidence >= WORD_CONFIDENCE_FLOOR);
  if (words.length === 0 || !words.some((word) => READABLE.test(word.text))) return [];
  const floor = words.some((word) => HAS_IDEOGRAPH.test(word.text)) ? LINE_CONFIDENCE_FLOOR : LINE_WITHOUT_IDEOGRAPH_CONFIDENCE_FLOOR;
  return meanWordConfidence(words) >= floor ? words : [];
}

/** The boxes, in pixels, of the words that become runs: those read as text rather than noise. */
export function keptWordBoxes(lines: readonly RecognisedLine[]): PixelBox[] {
  return lines.flatMap((line) => keptWords(line).map((word) => word.box));
}

/**
 * ASCII punctuation next to a CJK character on either side becomes its full-width form, and so
 * does a closing parenthesis whose opening one did.
 */
export function fullWidthPunctuation(texts: readonly string[]): string[] {
  const characters = texts.map((text) => [...text]);
  const flat = characters.flat();
  let index = 0;
  let openFullWidth = 0;
  const convert = (character: string, position: number): string => {
    const full = FULL_WIDTH[character];
    if (full === undefined) return character;
    const besideCjk = [flat[position - 1], flat[position + 1]].some((neighbour) => neighbour !== undefined && isCjk(neighbour));
    if (character === ')' && openFullWidth > 0) {
      openFullWidth -= 1;
      return full;
    }
    if (!besideCjk) return character;
    if (character === '(') openFullWidth += 1;
    return full;
  };
  return characters.map((word) => word.map((character) => convert(character, index++)).join(''));
}

/** The words of a line that reads as a page number between dashes, with real dashes. */
function withPageNumberDashes(texts: readonly string[]): readonly string[] {
  return DASHED_PAGE_NUMBER.test(texts.join('')) ? texts.map((text) => text.replace(/[一二]/gu, '—')) : texts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The em of a line's characters, in pixels. An ideograph's ink nearly fills its em, so heights
 * measure it: the line's, and the median of its words' (a box now and then takes in a speck or
 * the edge of a seal, and the line's takes in all of them). Ideographs stand one em apart, or
 * more in a letter-spaced or justified line, so the median step from one to the next is a third
 * measure. Tesseract's boxes err by being too large, never much too small: the least of the
 * three is taken.
 */
function emOf(line: RecognisedLine, words: readonly RecognisedWord[]): number {
  const measures = [line.box.y1 - line.box.y0, median(words.map((word) => word.box.y1 - word.box.y0))];
  const steps: number[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const [before, after] = [words[index - 1]!, words[index]!];
    if (SINGLE_IDEOGRAPH.test(before.text) && SINGLE_IDEOGRAPH.test(after.text)) steps.push(after.box.x0 - before.box.x0);
  }
  if (steps.length > 0) measures.push(median(steps));
  return Math.min(...measures);
}

/**
 * The type size of each line: ems that lie close together are one size, that of the group's
 * median, so that lines of one paragraph agree as the layout expects of a text layer. Groups
 * form around the lines with most words first (body text), so titles stay apart.
 */
export function snapSizes(ems: readonly number[], weights: readonly number[]): number[] {
  const sizes = [...ems];
  const order = ems.map((_, index) => index).sort((a, b) => weights[b]! - weights[a]! || a - b);
  const assigned = new Set<number>();
  for (const seed of order) {
    if (assigned.has(seed)) continue;
    const centre = ems[seed]!;
    const group = order.filter((index) => !assigned.has(index) && Math.abs(ems[index]! - centre) <= SAME_SIZE_SHARE * centre);
    const size = median(group.map((index) => ems[index]!));
    for (const index of group) {
      sizes[index] = size;
      assigned.add(index);
    }
  }
  return sizes;
}

function baselineAt(baseline: PixelBox, x: number): number {
  const run = baseline.x1 - baseline.x0;
  return run === 0 ? baseline.y0 : baseline.y0 + ((baseline.y1 - baseline.y0) * (x - baseline.x0)) / run;
}

/**
 * Runs in page points of the lines recognised on an image of the page drawn at `scale` pixels per
 * point. The baseline is where tesseract fits it (the foot of the ideographs); the em is measured
 * from the characters (see `emOf`).
 */
export function runsOfLines(lines: readonly RecognisedLine[], scale: number): PositionedRun[] {
  const kept = lines.map((line) => ({ line, words: keptWords(line) })).filter(({ words }) => words.length > 0);
  const sizes = snapSizes(
    kept.map(({ line, words }) => emOf(line, words) / scale),
    kept.map(({ words }) => words.length),
  );
  return kept.flatMap(({ line, words }, index) => {
    const texts = fullWidthPunctuation(withPageNumberDashes(words.map((word) => word.text)));
    return words.map((word, wordIndex) => {
      const centre = (word.box.x0 + word.box.x1) / 2;
      return {
        text: texts[wordIndex]!,
        x: word.box.x0 / scale,
        y: baselineAt(line.baseline, centre) / scale,
        width: (word.box.x1 - word.box.x0) / scale,
        fontSize: sizes[index]!,
        confidence: word.confidence,
      };
    });
  });
}
