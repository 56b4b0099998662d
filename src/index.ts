/**
 * gongwen: Chinese government notices (公文) in TXT, HTML, DOCX and PDF to typed JSON.
 *
 * `parse` reads a notice from a path or bytes and resolves to its record. The stages are
 * exported for scripts that need only one: `ingest` (bytes → blocks of text), `layout`
 * (blocks → canonical text and typed blocks), `extract` (document → fields with evidence),
 * `toRecord` (fields → the validated record).
 */
export { parse, parseBytes, readInputFile, type ParseOptions } from './pipeline.js';
export { ingest, sniffFormat, decodeText, DEFAULT_MAX_BYTES, type IngestOptions, type Sniffed, type SniffedKind } from './ingest/index.js';
export { terminateOcr, type OcrOptions, type OcrProgress } from './ingest/ocr/index.js';
export { layout } from './layout/index.js';
export { extract, DOCUMENT_FIELD_EXTRACTORS, ExtractionContext, findDates, findDocNumbers } from './extract/index.js';
export type { Extractor, DocumentFields } from './extract/index.js';
export { toRecord, NoticeRecordSchema, noticeJsonSchema, type NoticeRecord } from './normalise/index.js';
export { GongwenError, ERROR_CODES, isGongwenError, asGongwenError, type ErrorCode } from './model/errors.js';
export type { Message, Severity } from './model/messages.js';
export type { Result } from './model/result.js';
export type { Span } from './model/span.js';
export type {
  AttachmentBlock,
  Block,
  HeadingBlock,
  IngestedDocument,
  MetadataBlock,
  ParagraphBlock,
  RecordBlock,
  TableBlock,
  NoticeDocument,
  OcrMark,
  Part,
  SourceBlock,
  SourceFormat,
  SourceInfo,
} from './model/document.js';
export { VERSION } from './version.js';
