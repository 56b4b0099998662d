import type {
  Block,
  HeadingBlock,
  MetadataField,
  ParagraphStyle,
  SourceBlock,
  SourceMetadata,
  SourceParagraph,
  SourceTable,
  OcrMark,
} from '../model/document.js';
import type { Span } from '../model/span.js';
import { ATTACHMENT_LABEL, COPY_TO_LINE, DATE_ONLY_PRINTED_LINE, OTHER_RECORD_LINE, PRINTED_LINE } from '../ingest/lexicon/notice-parts.js';
import { numberOf } from '../ingest/lexicon/numerals.js';
import { ocrMarkOf } from '../ingest/positioned/confidence.js';
import { HEADING_PATTERNS } from './lexicon/headings.js';
import { isSelfEvidentMetadata, matchMetadataLine, type MetadataMatch } from './metadata.js';

// Share of a table's filled cells that must be `label：value` pairs for it to be metadata.
const METADATA_TABLE_SHARE = 0.6;

/** Appends to the canonical text and answers with the span of what was appended. */
class TextBuilder {
  private parts: string[] = [];
  private length = 0;

  append(text: string): Span {
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    return [start, this.length];
  }

  /** Separates blocks with one line break. */
  newBlock(): void {
    if (this.length > 0) this.append('\n');
  }

  toString(): string {
    return this.parts.join('');
  }
}

interface Origin {
  page?: number;
  ocr?: OcrMark;
}

/** Where a block came from: the page it starts on, and the OCR mark when it was read from a scan. */
function originOf(block: { page?: number | undefined; ocr?: OcrMark | undefined }): Origin {
  const origin: Origin = {};
  if (block.page !== undefined) origin.page = block.page;
  if (block.ocr !== undefined) origin.ocr = block.ocr;
  return origin;
}

function cleanLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

function classifyParagraph(text: string, span: Span, source: SourceParagraph): Block {
  const origin = originOf(source);
  const attachment = ATTACHMENT_LABEL.exec(text);
  if (attachment) {
    const number = attachment[1] === undefined ? undefined : numberOf(attachment[1]);
    return { type: 'attachment', span, ...origin, label: text.replace(/[\s:：]+/g, ''), ...(number === undefined ? {} : { number }) };
  }
  if (COPY_TO_LINE.test(text)) return { type: 'record', span, ...origin, role: 'copy-to' };
  if (PRINTED_LINE.test(text)) return { type: 'record', span, ...origin, role: 'printed' };
  if (OTHER_RECORD_LINE.test(text)) return { type: 'record', span, ...origin, role: 'other' };
  const heading = headingOf(text, span, source);
  if (heading) return heading;
  const style: ParagraphStyle = source.style ?? {};
  const block: Block = { type: 'paragraph', span, ...origin };
  if (style.align !== undefined) block.align = style.align;
  if (style.bold === true || style.heading !== undefined) block.emphasis = true;
  return block;
}

function headingOf(text: string, span: Span, source: SourceParagraph): HeadingBlock | undefined {
  for (const { scheme, level, pattern } of HEADING_PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const digits = match[1]!;
    // ① is U+2460.
    const ordinal = scheme === 'circled' ? digits.charCodeAt(0) - 0x245f : numberOf(digits);
    if (ordinal === undefined || ordinal < 1) return undefined;
    const rest = text.slice(match[0].length);
    return {
      type: 'heading',
      span,
      ...originOf(source),
      scheme,
      level,
      marker: match[0].trim(),
      ordinal,
      runIn: /[。；;：:!！?？]./.test(rest),
    };
  }
  return undefined;
}

function metadataFields(matches: readonly MetadataMatch[], lineStart: number, line: string): MetadataField[] {
  return matches.map((match) => ({
    label: match.label,
    value: line.slice(match.valueStart, match.valueEnd),
    labelSpan: [lineStart + match.labelStart, lineStart + match.labelEnd],
    valueSpan: [lineStart + match.valueStart, lineStart + match.valueEnd],
  }));
}

/** One block per paragraph, table or metadata group, in order, over one canonical text. */
export class DocumentComposer {
  private readonly text = new TextBuilder();
  readonly blocks: Block[] = [];

  get canonicalText(): string {
    return this.text.toString();
  }

  addParagraph(source: SourceParagraph): void {
    const line = cleanLine(source.text);
    if (line === '') return;
    this.text.newBlock();
    const span = this.text.append(line);
    this.blocks.push(classifyParagraph(line, span, source));
  }

  /** Consecutive `label:value` lines become one metadata block. */
  addMetadataLines(sources: readonly SourceParagraph[], matches: readonly MetadataMatch[][]): void {
    const fields: MetadataField[] = [];
    let start: number | undefined;
    let end = 0;
    sources.forEach((source, i) => {
      const line = cleanLine(source.text);
      this.text.newBlock();
      const span = this.text.append(line);
      start ??= span[0];
      end = span[1];
      fields.push(...metadataFields(matches[i]!, span[0], line));
    });
    // Lines of one group may come from pages read in different ways: the group is as sure as its characters.
    const scored = sources.map((source) => ({ text: source.text, confidence: source.ocr?.confidence }));
    if (start !== undefined) this.blocks.push({ type: 'metadata', span: [start, end], ...originOf({ page: sources[0]?.page }), ...ocrMarkOf(scored), fields });
  }

  addMetadata(source: SourceMetadata): void {
    const fields: MetadataField[] = [];
    let start: number | undefined;
    let end = 0;
    for (const entry of source.entries) {
      const label = cleanLine(entry.label).replace(/\s+/g, '');
      const value = cleanLine(entry.value);
      if (label === '') continue;
      this.text.newBlock();
      const labelSpan = this.text.append(label);
      this.text.append('：');
      const valueSpan = this.text.append(value);
      start ??= labelSpan[0];
      end = valueSpan[1];
      fields.push({ label, value, labelSpan, valueSpan });
    }
    if (start !== undefined) this.blocks.push({ type: 'metadata', span: [start, end], fields });
  }

  /**
   * Rows are lines and cells are separated by tabs; cell text keeps its own line breaks. A table
   * whose cells are `label：value` pairs of the portal's information block (as a printed web page
   * draws it) is that block, and becomes metadata.
   */
  addTable(source: SourceTable): void {
    // Empty rows stay: row spans count them, and a form's blank rows are part of it.
    const rows = source.rows;
    if (!rows.some((row) => row.some((cell) => cell.text.trim() !== ''))) return;
    this.text.newBlock();
    const tableStart = this.text.append('')[0];
    const labelled: MetadataField[] = [];
    let filledCells = 0;
    const builtRows = rows.map((row, rowIndex) => {
      if (rowIndex > 0) this.text.append('\n');
      const rowStart = this.text.append('')[0];
      const cells = row.map((cell, cellIndex) => {
        if (cellIndex > 0) this.text.append('\t');
        const cellText = cell.text
          .split(/\r?\n/)
          .map((line) => line.replace(/\t/g, ' ').trim())
          .filter((line) => line !== '')
          .join('\n');
        const span = this.text.append(cellText);
        const matches = matchMetadataLine(cellText);
        if (matches) labelled.push(...metadataFields(matches, span[0], cellText));
        if (cellText !== '') filledCells += 1;
        return {
          span,
          ...(cell.colSpan !== undefined && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
          ...(cell.rowSpan !== undefined && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
        };
      });
      const rowEnd = this.text.append('')[1];
      return { span: [rowStart, rowEnd] as Span, cells };
    });
    const tableEnd = this.text.append('')[1];
    const labels = labelled.map((field) => ({ label: field.label }));
    if (labelled.length >= filledCells * METADATA_TABLE_SHARE && isSelfEvidentMetadata(labels)) {
      this.blocks.push({ type: 'metadata', span: [tableStart, tableEnd], ...originOf(source), fields: labelled });
    } else {
      this.blocks.push({ type: 'table', span: [tableStart, tableEnd], ...originOf(source), rows: builtRows });
    }
  }
}

/**
 * Finds the plain-text lines that are portal metadata: runs of `label:value` lines in which at
 * least one line is metadata on its own merit.
 */
export function metadataRuns(blocks: readonly SourceBlock[]): Map<number, MetadataMatch[]> {
  const candidates = new Map<number, MetadataMatch[]>();
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph') return;
    const matches = matchMetadataLine(cleanLine(block.text));
    if (matches) candidates.set(index, matches);
  });
  const accepted = new Map<number, MetadataMatch[]>();
  let runStart = -1;
  const closeRun = (end: number): void => {
    const indexes = Array.from({ length: end - runStart }, (_, i) => runStart + i);
    if (indexes.some((index) => isSelfEvidentMetadata(candidates.get(index)!))) {
      for (const index of indexes) accepted.set(index, candidates.get(index)!);
    }
  };
  for (let index = 0; index <= blocks.length; index += 1) {
    if (candidates.has(index)) {
      if (runStart < 0) runStart = index;
    } else if (runStart >= 0) {
      closeRun(index);
      runStart = -1;
    }
  }
  return accepted;
}

/** The line before a date-only `…印发` line names the printing organ and belongs to the 版记. */
export function attachPrintingOrgan(blocks: Block[], text: string): void {
  for (let i = 1; i < blocks.length; i += 1) {
    const current = blocks[i]!;
    const previous = blocks[i - 1]!;
    if (current.type !== 'record' || current.role !== 'printed') continue;
    if (!DATE_ONLY_PRINTED_LINE.test(text.slice(current.span[0], current.span[1]))) continue;
    const organ = text.slice(previous.span[0], previous.span[1]);
    if (previous.type === 'paragraph' && organ.length <= 40 && !/[，。；：,;:]/.test(organ)) {
      blocks[i - 1] = { type: 'record', span: previous.span, ...originOf(previous), role: 'printed' };
    }
  }
}
