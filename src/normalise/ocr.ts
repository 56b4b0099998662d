import type { Block } from '../model/document.js';
import type { Span } from '../model/span.js';
import type { NoticeRecord } from './schema.js';

/**
 * Findings read from OCR text are marked like the blocks they stand in, so that an importing
 * system can send them to review. This is one pass over the record rather than a concern of
 * each extractor: a finding is any object of the record's finding fields with a span of its own
 * (`span`, `titleSpan`), and it takes the lowest confidence of the OCR blocks its spans reach.
 */

const FINDING_FIELDS = ['docNumber', 'recipients', 'citedDocuments', 'attachments', 'contacts', 'units', 'quotas', 'deadlines', 'tasks', 'provenance'] as const;

interface OcrRange {
  start: number;
  end: number;
  confidence: number;
}

function isSpan(value: unknown): value is Span {
  return Array.isArray(value) && value.length === 2 && value.every((end) => typeof end === 'number');
}

/** The spans of the blocks read by OCR, in text order (blocks do not overlap). */
function ocrRanges(blocks: readonly Block[]): OcrRange[] {
  return blocks.flatMap((block) => (block.ocr === undefined ? [] : [{ start: block.span[0], end: block.span[1], confidence: block.ocr.confidence }]));
}

/** The lowest confidence of the ranges a span reaches; an empty span reaches the range it stands in. */
function lowestConfidence(ranges: readonly OcrRange[], [start, end]: Span): number | undefined {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  let lowest: number | undefined;
  for (let index = low; index < ranges.length && ranges[index]!.start < Math.max(end, start + 1); index += 1) {
    lowest = Math.min(lowest ?? 1, ranges[index]!.confidence);
  }
  return lowest;
}

function marked(value: unknown, ranges: readonly OcrRange[]): unknown {
  if (Array.isArray(value)) return value.map((item) => marked(item, ranges));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, child]) => [key, isSpan(child) ? child : marked(child, ranges)] as const);
  let lowest: number | undefined;
  for (const [key, child] of entries) {
    if ((key !== 'span' && !key.endsWith('Span')) || !isSpan(child)) continue;
    const confidence = lowestConfidence(ranges, child);
    if (confidence !== undefined) lowest = Math.min(lowest ?? 1, confidence);
  }
  const copy = Object.fromEntries(entries);
  return lowest === undefined ? copy : { ...copy, ocr: { confidence: lowest } };
}

/** The record with every finding that lies in OCR text marked `ocr: { confidence }`. */
export function markOcrFindings(record: NoticeRecord, blocks: readonly Block[]): NoticeRecord {
  const ranges = ocrRanges(blocks);
  if (ranges.length === 0) return record;
  const marks = Object.fromEntries(FINDING_FIELDS.map((field) => [field, marked(record[field], ranges)]));
  // The copies have the record's shape plus the optional marks its schema declares; toRecord validates them.
  return { ...record, ...marks } as NoticeRecord;
}
