import type { Block } from '../model/document.js';
import { overlaps, type Span } from '../model/span.js';
import type { NoticeRecord } from '../normalise/index.js';
import { collectFindings, findingAt, ocrConfidence, type Finding, type OcrMarked, type UnitRole } from './findings.js';
import { cardFor, reviewAgainstGold, type GoldReview } from './gold.js';
import type { GoldCard } from './scoring.js';
import { segmentRange } from './segments.js';

/**
 * What a document page shows, computed here and embedded in the page as JSON: the text cut
 * into segments block by block, each segment naming the findings, tasks and warnings that
 * cover it. The browser script only turns this into elements; it never parses the record.
 */

export interface SegmentView {
  text: string;
  /** Findings covering the segment, the most specific (shortest) first: it gives the colour. */
  findings?: number[];
  tasks?: number[];
  warnings?: number[];
}

export type TextRole = 'heading' | 'paragraph' | 'record' | 'attachment';

export interface TextBlockView {
  type: 'text';
  role: TextRole;
  level?: number;
  align?: 'left' | 'center' | 'right' | 'justify';
  emphasis?: boolean;
  segments: SegmentView[];
  /** Tasks whose span reaches into the block. */
  tasks: number[];
  /** OCR confidence (0–1) of the block, from its `ocr.confidence`, when it was read by OCR. */
  ocr?: number;
}

export interface CellView {
  colSpan?: number;
  rowSpan?: number;
  segments: SegmentView[];
}

export interface TableBlockView {
  type: 'table';
  rows: Array<{ tasks: number[]; cells: CellView[] }>;
  ocr?: number;
}

export interface MetadataBlockView {
  type: 'metadata';
  fields: Array<{ label: SegmentView[]; value: SegmentView[] }>;
  tasks: number[];
  ocr?: number;
}

export type BlockView = TextBlockView | TableBlockView | MetadataBlockView;

export interface PartView {
  kind: 'main' | 'attachment' | 'record';
  label?: string;
  blocks: BlockView[];
}

export interface TaskView {
  id: string;
  path: string[];
  title: string;
  units: Array<{ name: string; role: UnitRole; form: string; finding?: number }>;
  quotas: Array<{ key: string; raw: string; finding?: number }>;
  deadlines: Array<{ key: string; raw: string; implied: boolean; finding?: number }>;
  ocr?: number;
}

export interface WarningView {
  severity: string;
  ruleId: string;
  message: string;
  found?: string;
  expected?: string;
  page?: number;
  /** Whether the warning has a place in the text to link to. */
  placed: boolean;
}

export interface DocumentPageData {
  page: 'document';
  title: string;
  origin: string;
  facts: Array<{ label: string; value: string }>;
  parts: PartView[];
  findings: Finding[];
  tasks: TaskView[];
  warnings: WarningView[];
  gold: GoldReview | null;
}

interface Marks {
  findings: Finding[];
  tasks: Span[];
  warnings: Array<Span | undefined>;
}

/** A span cut to the text; an empty span (a warning about a place) widens to one character. */
function placeOf(span: Span | undefined, length: number): Span | undefined {
  if (span === undefined) return undefined;
  const start = Math.min(Math.max(span[0], 0), length);
  const end = Math.min(Math.max(span[1], start), length);
  if (end > start) return [start, end];
  return start < length ? [start, start + 1] : undefined;
}

function byLength(findings: readonly Finding[]): (a: number, b: number) => number {
  const length = (id: number): number => findings[id]!.span[1] - findings[id]!.span[0];
  return (a, b) => length(a) - length(b) || a - b;
}

function segmentsOf(text: string, range: Span, marks: Marks): SegmentView[] {
  const taskOffset = marks.findings.length;
  const warningOffset = taskOffset + marks.tasks.length;
  const spans: Span[] = [...marks.findings.map((finding) => finding.span), ...marks.tasks, ...marks.warnings.map((span) => span ?? ([0, 0] as Span))];
  const order = byLength(marks.findings);
  return segmentRange(range, spans).map((segment) => {
    const view: SegmentView = { text: text.slice(segment.start, segment.end) };
    const findings = segment.covering.filter((index) => index < taskOffset).sort(order);
    const tasks = segment.covering.filter((index) => index >= taskOffset && index < warningOffset).map((index) => index - taskOffset);
    const warnings = segment.covering.filter((index) => index >= warningOffset).map((index) => index - warningOffset);
    if (findings.length > 0) view.findings = findings;
    if (tasks.length > 0) view.tasks = tasks;
    if (warnings.length > 0) view.warnings = warnings;
    return view;
  });
}

function tasksReaching(span: Span, marks: Marks): number[] {
  return marks.tasks.flatMap((task, index) => (overlaps(task, span) ? [index] : []));
}

function withOcr<T extends object>(view: T, block: OcrMarked): T {
  const ocr = ocrConfidence(block);
  return ocr === undefined ? view : { ...view, ocr };
}

function textBlock(text: string, block: Exclude<Block, { type: 'table' | 'metadata' }>, marks: Marks): TextBlockView {
  const view: TextBlockView = { type: 'text', role: block.type, segments: segmentsOf(text, block.span, marks), tasks: tasksReaching(block.span, marks) };
  if (block.type === 'heading') view.level = block.level;
  if (block.type === 'paragraph') {
    if (block.align !== undefined) view.align = block.align;
    if (block.emphasis === true) view.emphasis = true;
  }
  return withOcr(view, block);
}

function blockView(text: string, block: Block, marks: Marks): BlockView {
  if (block.type === 'table') {
    const rows = block.rows.map((row) => ({
      tasks: tasksReaching(row.span, marks),
      cells: row.cells.map((cell) => {
        const view: CellView = { segments: segmentsOf(text, cell.span, marks) };
        if (cell.colSpan !== undefined && cell.colSpan > 1) view.colSpan = cell.colSpan;
        if (cell.rowSpan !== undefined && cell.rowSpan > 1) view.rowSpan = cell.rowSpan;
        return view;
      }),
    }));
    return withOcr({ type: 'table', rows }, block);
  }
  if (block.type === 'metadata') {
    const fields = block.fields.map((field) => ({ label: segmentsOf(text, field.labelSpan, marks), value: segmentsOf(text, field.valueSpan, marks) }));
    return withOcr({ type: 'metadata', fields, tasks: tasksReaching(block.span, marks) }, block);
  }
  return textBlock(text, block, marks);
}

/** The record's blocks in order, with any text no block covers kept as a paragraph, so nothing is hidden. */
function coveringBlocks(record: NoticeRecord): Block[] {
  const sorted = [...record.blocks].sort((a, b) => a.span[0] - b.span[0]);
  const blocks: Block[] = [];
  let covered = 0;
  const keepGap = (end: number): void => {
    if (end > covered && /\S/.test(record.text.slice(covered, end))) blocks.push({ type: 'paragraph', span: [covered, end] });
  };
  for (const block of sorted) {
    keepGap(block.span[0]);
    blocks.push(block);
    covered = Math.max(covered, block.span[1]);
  }
  keepGap(record.text.length);
  return blocks;
}

function partViews(record: NoticeRecord, marks: Marks): PartView[] {
  const parts: PartView[] = [];
  let current: PartView | undefined;
  let currentSpan: Span | undefined;
  for (const block of coveringBlocks(record)) {
    const part = record.parts.find((candidate) => candidate.span[0] <= block.span[0] && block.span[0] < candidate.span[1]);
    if (current === undefined || (part !== undefined && part.span !== currentSpan)) {
      current = { kind: part?.kind ?? 'main', ...(part?.label === undefined ? {} : { label: part.label }), blocks: [] };
      currentSpan = part?.span;
      parts.push(current);
    }
    current.blocks.push(blockView(record.text, block, marks));
  }
  return parts;
}

function taskView(task: NoticeRecord['tasks'][number], record: NoticeRecord, findings: readonly Finding[]): TaskView {
  const linked = (finding: Finding | undefined): { finding?: number } => (finding === undefined ? {} : { finding: finding.id });
  const view: TaskView = {
    id: task.id,
    path: task.path,
    title: task.title,
    units: task.units.map((unit) => ({ name: unit.name, role: unit.role, form: unit.form, ...linked(findingAt(findings, 'unit', unit.span, unit.role)) })),
    quotas: task.quotas.flatMap((index) => {
      const quota = record.quotas[index];
      return quota === undefined ? [] : [{ key: quota.key, raw: quota.raw, ...linked(findingAt(findings, 'quota', quota.span)) }];
    }),
    deadlines: task.deadlines.flatMap((index) => {
      const deadline = record.deadlines[index];
      return deadline === undefined ? [] : [{ key: deadline.key, raw: deadline.raw, implied: deadline.implied, ...linked(findingAt(findings, 'deadline', deadline.span)) }];
    }),
  };
  return withOcr(view, task);
}

function warningView(message: NoticeRecord['messages'][number], place: Span | undefined): WarningView {
  const view: WarningView = { severity: message.severity, ruleId: message.ruleId, message: message.message, placed: place !== undefined };
  if (message.found !== undefined) view.found = message.found;
  if (message.expected !== undefined) view.expected = message.expected;
  if (message.page !== undefined) view.page = message.page;
  return view;
}

function facts(record: NoticeRecord): Array<{ label: string; value: string }> {
  const all: Array<[string, string | null | undefined]> = [
    ['发文字号', record.docNumber?.normalized],
    ['文种', record.docType],
    ['发文机关', record.issuers.join('、') || null],
    ['成文日期', record.signDate],
    ['发布日期', record.publishDate],
    ['印发日期', record.printDate],
    ['format', `${record.source.format}${record.source.pages === undefined ? '' : `, ${record.source.pages} pages`}`],
  ];
  return all.flatMap(([label, value]) => (value === null || value === undefined ? [] : [{ label, value }]));
}

/** The data of one document's page; with gold cards, the matching card's verdict too. */
export function documentPageData(record: NoticeRecord, origin: string, cards: readonly GoldCard[] = []): DocumentPageData {
  const findings = collectFindings(record);
  const card = cardFor(record, cards);
  const gold = card === undefined ? null : reviewAgainstGold(card, record, findings);
  const length = record.text.length;
  const warnings = record.messages.map((message) => placeOf(message.span, length));
  const marks: Marks = { findings, tasks: record.tasks.map((task) => placeOf(task.span, length) ?? [0, 0]), warnings };
  return {
    page: 'document',
    title: record.title ?? record.source.fileName ?? 'untitled notice',
    origin,
    facts: facts(record),
    parts: partViews(record, marks),
    findings,
    tasks: record.tasks.map((task) => taskView(task, record, findings)),
    warnings: record.messages.map((message, index) => warningView(message, warnings[index])),
    gold,
  };
}
