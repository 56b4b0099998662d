import type { NoticeRecord } from '../normalise/index.js';
import type { GoldTotals } from './gold.js';
import type { ConversionFailure } from './inputs.js';

/** What the index page lists: one row per record, and the inputs that failed to convert. */

export interface IndexRow {
  /** The document page, relative to the index. */
  page: string;
  title: string;
  fileName: string;
  origin: string;
  docType: string;
  docNumber: string;
  date: string;
  issuers: string;
  tasks: number;
  units: number;
  quotas: number;
  deadlines: number;
  warnings: number;
  gold: GoldTotals | null;
}

export interface IndexPageData {
  page: 'index';
  rows: IndexRow[];
  failures: ConversionFailure[];
  /** Whether the report was given gold cards (the index then shows their columns). */
  gold: boolean;
  /** Things the reviewer should know about the report as a whole (a gold card several records claim). */
  notes: string[];
}

export function indexRow(record: NoticeRecord, page: string, origin: string, gold: GoldTotals | null): IndexRow {
  return {
    page,
    title: record.title ?? '',
    fileName: record.source.fileName ?? '',
    origin,
    docType: record.docType ?? '',
    docNumber: record.docNumber?.normalized ?? '',
    date: record.signDate ?? record.publishDate ?? '',
    issuers: record.issuers.join('、'),
    tasks: record.tasks.length,
    units: record.units.length,
    quotas: record.quotas.length,
    deadlines: record.deadlines.length,
    warnings: record.messages.filter((message) => message.severity !== 'info').length,
    gold,
  };
}
