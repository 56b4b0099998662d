import { z } from 'zod';
import { SpanSchema } from './span.js';

const SOURCE_FORMATS = ['text', 'html', 'docx', 'pdf', 'doc', 'ofd'] as const;
const SourceFormatSchema = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

export const StampSchema = z.object({
  page: z.number().int().positive().describe('page the seal is placed on'),
  kind: z.enum(['signature', 'seal']).describe('an electronic signature (签章) or a seal drawn as a page object'),
});
export type Stamp = z.infer<typeof StampSchema>;

export const OcrMarkSchema = z
  .object({
    confidence: z.number().min(0).max(1).describe('mean recognition confidence of the characters, from 0 to 1'),
  })
  .describe('present when the text was recognised by OCR from a scanned page: a value to route to review');
export type OcrMark = z.infer<typeof OcrMarkSchema>;

export const SourceInfoSchema = z.object({
  fileName: z.string().optional().describe('base name of the input file, when read from a file'),
  format: SourceFormatSchema.describe('format sniffed from the bytes'),
  encoding: z.string().optional().describe('character encoding the text was decoded from (text and HTML)'),
  pages: z.number().int().nonnegative().optional().describe('page count (PDF, OFD)'),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  stamps: z
    .array(StampSchema)
    .optional()
    .describe('seals (印章) the source places on its pages (OFD), in page order; a seal is an image, so its text is not read'),
  ocrPages: z
    .array(z.number().int().positive())
    .optional()
    .describe('pages without a usable text layer whose text was recognised by OCR (PDF), in page order'),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

// ---------------------------------------------------------------------------------------------
// What an ingestor hands to layout: blocks of plain text in reading order, with the hints that
// only the source format knows (a Word heading style, a centred PDF line, a portal metadata
// table). Every ingestor returns this same shape.

export interface ParagraphStyle {
  /** Heading level declared by the source (HTML h1–h6, a Word heading style, Markdown #). */
  heading?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  bold?: boolean;
  /** Font size in points (PDF). */
  fontSize?: number;
}

export interface SourceParagraph {
  kind: 'paragraph';
  /** One paragraph of text, without line breaks. */
  text: string;
  page?: number;
  style?: ParagraphStyle;
  /** Set when the text was recognised by OCR. */
  ocr?: OcrMark;
}

export interface SourceCell {
  /** Cell text; paragraphs inside a cell are separated by `\n`. */
  text: string;
  colSpan?: number;
  rowSpan?: number;
}

export interface SourceTable {
  kind: 'table';
  rows: SourceCell[][];
  page?: number;
  /** Set when the text was recognised by OCR. */
  ocr?: OcrMark;
}

export interface MetadataEntry {
  label: string;
  value: string;
}

/** The portal's information block (索引号, 发布机构, 成文日期 …) found by an HTML ingestor. */
export interface SourceMetadata {
  kind: 'metadata';
  entries: MetadataEntry[];
  page?: number;
}

export type SourceBlock = SourceParagraph | SourceTable | SourceMetadata;

export interface IngestedDocument {
  source: SourceInfo;
  blocks: SourceBlock[];
}

// ---------------------------------------------------------------------------------------------
// What layout produces: one canonical text and typed blocks over it.

const blockBase = {
  span: SpanSchema,
  page: z.number().int().positive().optional().describe('page on which the block starts (PDF)'),
  ocr: OcrMarkSchema.optional(),
};

const HEADING_SCHEMES = [
  'chapter', // 第一章
  'section', // 第一节
  'article', // 第一条
  'cn', // 一、
  'cn-paren', // （一）
  'arabic', // 1.  1、  1．
  'arabic-paren', // （1）
  'circled', // ①
] as const;
export type HeadingScheme = (typeof HEADING_SCHEMES)[number];

const HeadingBlockSchema = z.object({
  type: z.literal('heading'),
  ...blockBase,
  scheme: z.enum(HEADING_SCHEMES),
  level: z.number().int().min(1).max(5).describe('一、=1, （一）=2, 1.=3, （1）=4, ①=5; 第一章=1, 第一节=2, 第一条=3'),
  marker: z.string().describe('the numbering as written, e.g. "（一）"'),
  ordinal: z.number().int().positive().describe('the number the marker stands for'),
  runIn: z.boolean().describe('true when body text follows the heading in the same paragraph'),
});

const ParagraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  ...blockBase,
  align: z.enum(['left', 'center', 'right', 'justify']).optional(),
  emphasis: z.boolean().optional().describe('set in bold or as a heading by the source'),
});

const CellSchema = z.object({
  span: SpanSchema,
  colSpan: z.number().int().positive().optional(),
  rowSpan: z.number().int().positive().optional(),
});

const RowSchema = z.object({ span: SpanSchema, cells: z.array(CellSchema) });

const TableBlockSchema = z.object({
  type: z.literal('table'),
  ...blockBase,
  rows: z.array(RowSchema),
});

export const MetadataFieldSchema = z.object({
  label: z.string().describe('label with white space removed, e.g. "索引号"'),
  value: z.string(),
  labelSpan: SpanSchema,
  valueSpan: SpanSchema,
});
export type MetadataField = z.infer<typeof MetadataFieldSchema>;

const MetadataBlockSchema = z.object({
  type: z.literal('metadata'),
  ...blockBase,
  fields: z.array(MetadataFieldSchema),
});

const RecordBlockSchema = z.object({
  type: z.literal('record'),
  ...blockBase,
  role: z.enum(['copy-to', 'printed', 'other']).describe('抄送 line, 印发机关和印发日期 line, or another 版记 line'),
});

const AttachmentBlockSchema = z.object({
  type: z.literal('attachment'),
  ...blockBase,
  label: z.string().describe('the label that opens an attachment part, e.g. "附件2"'),
  number: z.number().int().positive().optional(),
});

export const BlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  TableBlockSchema,
  MetadataBlockSchema,
  RecordBlockSchema,
  AttachmentBlockSchema,
]);

export type HeadingBlock = z.infer<typeof HeadingBlockSchema>;
export type ParagraphBlock = z.infer<typeof ParagraphBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;
export type MetadataBlock = z.infer<typeof MetadataBlockSchema>;
export type RecordBlock = z.infer<typeof RecordBlockSchema>;
export type AttachmentBlock = z.infer<typeof AttachmentBlockSchema>;
export type Block = z.infer<typeof BlockSchema>;

export const PartSchema = z.object({
  kind: z.enum(['main', 'attachment', 'record']).describe(
    'main: the notice and any document it encloses; attachment: a part opened by a 附件 label; record: the 版记',
  ),
  span: SpanSchema,
  label: z.string().optional(),
});
export type Part = z.infer<typeof PartSchema>;

export interface NoticeDocument {
  source: SourceInfo;
  /** The canonical text; every span points into it. */
  text: string;
  /** Leaf blocks in reading order; they do not overlap. */
  blocks: Block[];
  /** The top-level division of the text; parts do not overlap and cover every block. */
  parts: Part[];
}
