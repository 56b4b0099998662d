import type { SourceBlock } from '../../model/document.js';
import { blocksFromText, storyBlocks, type PositionedBlock } from './blocks.js';
import type { ParagraphLookup } from './paragraphs.js';
import { rawText, type Piece } from './pieces.js';
import { placeSeparators, predictSeparators, withoutOptionalHyphenText } from './separators.js';
import type { AnchoredStory } from './stories.js';

/** A range of the document as blocks: positioned when the file's structure matched the text. */
export type StoryText = { matched: true; blocks: PositionedBlock[] } | { matched: false; blocks: SourceBlock[] };

/** A text box or note with its blocks; `anchor` undefined puts it before the body. */
export interface HungStory {
  blocks: SourceBlock[];
  anchor: number | undefined;
}

export class StoryReader {
  constructor(
    private readonly pieces: readonly Piece[],
    private readonly wordDocument: Uint8Array,
    private readonly paragraphs: ParagraphLookup,
  ) {}

  /** The blocks of the characters [start, end), given word-extractor's string of them. */
  read(text: string, start: number, end: number): StoryText {
    const raw = rawText(this.pieces, this.wordDocument, start, end);
    const placed = placeSeparators(text, predictSeparators(raw, start, this.paragraphs));
    if (placed !== undefined) return { matched: true, blocks: storyBlocks(text, placed) };
    return { matched: false, blocks: blocksFromText(withoutOptionalHyphenText(text, raw)) };
  }
}

/**
 * Shares out the blocks of a range that holds several stories (word-extractor gives all text
 * boxes, or all footnotes, as one string) to the stories by position. Unmatched, the whole
 * range hangs from `unmatchedAnchor`.
 */
export function hangStories(range: StoryText, stories: readonly AnchoredStory[], unmatchedAnchor: number | undefined): HungStory[] {
  if (!range.matched) return [{ blocks: range.blocks, anchor: unmatchedAnchor }];
  const hung = stories.map((story) => ({ blocks: [] as SourceBlock[], anchor: story.anchor }));
  const unplaced: SourceBlock[] = [];
  for (const { block, lastCp } of range.blocks) {
    const index = stories.findIndex((story) => lastCp < story.end);
    (hung[index === -1 ? hung.length - 1 : index]?.blocks ?? unplaced).push(block);
  }
  hung.push({ blocks: unplaced, anchor: undefined });
  return hung;
}

/** The stories whose anchor lies at or before `lastCp`, taken off the front of `pending`. */
function due(pending: HungStory[], lastCp: number): SourceBlock[] {
  let count = 0;
  while (count < pending.length && pending[count]!.anchor! <= lastCp) count += 1;
  return pending.splice(0, count).flatMap((story) => story.blocks);
}

function anchoredInOrder(stories: readonly HungStory[]): HungStory[] {
  return stories.filter((story) => story.anchor !== undefined).sort((a, b) => a.anchor! - b.anchor!);
}

/**
 * Reading order: a text box comes before the paragraph that holds its anchor (in a 公文 the red
 * 发文机关标志 or the 发文字号 is sometimes a text box anchored at the top), a footnote or
 * endnote right after the paragraph that refers to it: after the 版记 it would be taken for
 * part of the record. Without positions, text boxes come first and notes last.
 */
export function inReadingOrder(body: StoryText, boxes: readonly HungStory[], notes: readonly HungStory[]): SourceBlock[] {
  const ordered: SourceBlock[] = [];
  const add = (blocks: readonly SourceBlock[]): void => {
    for (const block of blocks) ordered.push(block);
  };
  for (const story of boxes.concat(notes)) if (story.anchor === undefined) add(story.blocks);
  const pendingBoxes = anchoredInOrder(boxes);
  const pendingNotes = anchoredInOrder(notes);
  if (body.matched) {
    for (const { block, lastCp } of body.blocks) {
      add(due(pendingBoxes, lastCp));
      ordered.push(block);
      add(due(pendingNotes, lastCp));
    }
  } else {
    add(due(pendingBoxes, Number.MAX_SAFE_INTEGER));
    add(body.blocks);
  }
  add(due(pendingBoxes, Number.MAX_SAFE_INTEGER));
  add(due(pendingNotes, Number.MAX_SAFE_INTEGER));
  return ordered;
}
