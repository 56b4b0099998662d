import type { Block, MetadataField, NoticeDocument, Part } from '../model/document.js';
import type { Span } from '../model/span.js';
import type { DocumentFields } from './findings.js';

/** A block read as one line of text: paragraphs, headings, attachment labels and 版记 lines. */
export interface Line {
  /** Index of the block in `document.blocks`. */
  index: number;
  block: Block;
  text: string;
  span: Span;
  part: Part;
}

/**
 * What every extractor reads: the document, its lines, the portal metadata, and the fields
 * found by the extractors that ran before it (a title is sought above the addressees, a
 * signature above the date).
 */
export class ExtractionContext {
  readonly lines: readonly Line[];
  /** Lines of the notice itself: the first main part, before attachments and the 版记. */
  readonly mainLines: readonly Line[];
  readonly metadata: readonly MetadataField[];

  constructor(
    readonly document: NoticeDocument,
    readonly fields: DocumentFields,
  ) {
    const lines: Line[] = [];
    document.blocks.forEach((block, index) => {
      if (block.type === 'table' || block.type === 'metadata') return;
      lines.push({ index, block, text: document.text.slice(block.span[0], block.span[1]), span: block.span, part: this.partOf(block.span) });
    });
    this.lines = lines;
    const main = document.parts.find((part) => part.kind === 'main');
    this.mainLines = main === undefined ? [] : lines.filter((line) => line.part === main);
    this.metadata = document.blocks.flatMap((block) => (block.type === 'metadata' ? block.fields : []));
  }

  get text(): string {
    return this.document.text;
  }

  /** The part (notice, attachment, 版记) that holds a span. */
  partOf(span: Span): Part {
    return this.document.parts.find((part) => part.span[0] <= span[0] && span[1] <= part.span[1]) ?? this.document.parts[0]!;
  }

  slice(span: Span): string {
    return this.document.text.slice(span[0], span[1]);
  }

  /** The first metadata field with one of the labels, in the order given. */
  metadataField(...labels: string[]): MetadataField | undefined {
    for (const label of labels) {
      const field = this.metadata.find((candidate) => candidate.label === label && candidate.value.trim() !== '');
      if (field) return field;
    }
    return undefined;
  }
}
