/**
 * What a paged format hands to the positioned-text layout: per page, where each piece of text
 * and each ruling line was drawn. The PDF reader reduces its content to this, and a reader of
 * any other paged format (OFD) can do the same, so the geometry (lines, columns, tables,
 * furniture, paragraphs) is worked out once.
 *
 * Coordinates are points in display space: origin at the top-left corner of the page as it is
 * shown (after any page rotation), x growing to the right and y growing downwards.
 */

/** Text set along one baseline: a glyph, or glyphs that follow each other without a gap. */
export interface PositionedRun {
  text: string;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance along the baseline from the start of the first glyph to the end of the last. */
  width: number;
  /** Em size the text is set in, in display points. */
  fontSize: number;
  /** Base font name; weight words in it ("SimHei-Bold", "Arial-BoldMT") mark bold text. */
  fontName?: string;
  /** Bold by other evidence than the name: font flags, glyphs drawn twice. */
  bold?: boolean;
  /** Direction of the baseline in degrees, clockwise from the x axis; 0 (the default) is left to right. */
  angle?: number;
  /** Recognition confidence (0–1) of text read by OCR from an image of the page; absent for a text layer. */
  confidence?: number;
}

/** A straight line drawn on the page (a stroke, or a thin filled rectangle along its long axis). */
export interface RulingSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PositionedPage {
  /** 1-based page number. */
  number: number;
  width: number;
  height: number;
  runs: PositionedRun[];
  rulings: RulingSegment[];
}

/** What a page's text layer turned out to be. */
export type TextLayerState = 'text' | 'none' | 'damaged';

export interface PageTextLayer {
  page: number;
  state: TextLayerState;
  /** Characters that could not be decoded and were left out of a page that is otherwise readable. */
  undecodable: number;
}
