import type { ParagraphStyle, SourceBlock, SourceCell } from '../../model/document.js';
import type { PlacedSeparator } from './separators.js';

/** A block of a story with the position of the mark that ends it, to hang text boxes and notes on. */
export interface PositionedBlock {
  block: SourceBlock;
  lastCp: number;
}

// Control characters that survive word-extractor (a field mark without its partner, an
// annotation or object anchor) are binary residue; the non-breaking hyphen is a hyphen.
const RESIDUE = /[\x00-\x08\x0b-\x1d\x1f\x7f]/g;
const NON_BREAKING_HYPHEN = /\x1e/g;

function cleanText(text: string): string {
  return text.replace(NON_BREAKING_HYPHEN, '-').replace(RESIDUE, '');
}

function paragraph(text: string, style: ParagraphStyle): SourceBlock {
  return Object.keys(style).length > 0 ? { kind: 'paragraph', text, style: { ...style } } : { kind: 'paragraph', text };
}

/** Paragraphs of a cell without the blank ones Word users type to make room for a signature. */
function cell(lines: readonly string[]): SourceCell {
  return { text: lines.filter((line) => line.trim() !== '').join('\n') };
}

class StoryBuilder {
  readonly blocks: PositionedBlock[] = [];
  private line = '';
  private cellLines: string[] = [];
  private row: SourceCell[] = [];
  private rows: SourceCell[][] = [];
  private tableEnd = 0;
  private tableOpen = false;

  add(text: string, separator: PlacedSeparator | undefined): void {
    const inTable = separator?.paragraph.inTable === true;
    if (!inTable) this.closeTable();
    this.tableOpen = inTable;
    this.line += cleanText(text);
    if (separator === undefined) {
      this.endParagraph({}, Number.MAX_SAFE_INTEGER);
      return;
    }
    switch (separator.kind) {
      case 'optional-hyphen':
        return;
      case 'tab':
        this.line += '\t';
        return;
      case 'cell':
        if (!inTable) {
          this.line += '\t';
          return;
        }
        this.endCell();
        return;
      case 'row':
        if (this.line !== '' || this.cellLines.length > 0) this.endCell();
        this.rows.push(this.row);
        this.row = [];
        this.tableEnd = separator.cp;
        return;
      default:
        if (inTable) {
          this.cellLines.push(this.line);
          this.line = '';
        } else {
          this.endParagraph(separator.paragraph.style, separator.cp);
        }
    }
  }

  finish(): PositionedBlock[] {
    this.closeTable();
    return this.blocks;
  }

  private endCell(): void {
    this.cellLines.push(this.line);
    this.row.push(cell(this.cellLines));
    this.line = '';
    this.cellLines = [];
  }

  private endParagraph(style: ParagraphStyle, lastCp: number): void {
    if (this.line.trim() !== '') this.blocks.push({ block: paragraph(this.line, style), lastCp });
    this.line = '';
  }

  /** A table ends at the first paragraph outside it; a row left without its end mark still counts. */
  private closeTable(): void {
    if (!this.tableOpen) return;
    if (this.line !== '' || this.cellLines.length > 0) this.endCell();
    if (this.row.length > 0) this.rows.push(this.row);
    if (this.rows.some((row) => row.some((c) => c.text.trim() !== ''))) {
      this.blocks.push({ block: { kind: 'table', rows: this.rows }, lastCp: this.tableEnd });
    }
    this.row = [];
    this.rows = [];
  }
}

/** Blocks of a story from word-extractor's string and its separators placed in it. */
export function storyBlocks(text: string, separators: readonly PlacedSeparator[]): PositionedBlock[] {
  const builder = new StoryBuilder();
  let start = 0;
  for (const separator of separators) {
    builder.add(text.slice(start, separator.offset), separator);
    start = separator.offset + separator.text.length;
  }
  if (start < text.length) builder.add(text.slice(start), undefined);
  return builder.finish();
}

/**
 * Blocks from word-extractor's string alone, when the file's structure cannot be matched to
 * it: a line that ends with a tab ends a table row (a row end mark after the last cell mark),
 * and its cells are separated by tabs; any other line is a paragraph.
 */
export function blocksFromText(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  let rows: SourceCell[][] = [];
  const closeTable = (): void => {
    if (rows.length > 0) blocks.push({ kind: 'table', rows });
    rows = [];
  };
  for (const raw of text.split('\n')) {
    const line = cleanText(raw);
    if (line.endsWith('\t')) {
      rows.push(line.slice(0, -1).split('\t').map((part) => ({ text: part.trim() })));
      continue;
    }
    closeTable();
    if (line.trim() !== '') blocks.push({ kind: 'paragraph', text: line });
  }
  closeTable();
  return blocks;
}
