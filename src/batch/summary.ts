import type { NoticeRecord } from '../normalise/index.js';

/** What a progress line says about a converted notice. */
export interface RecordSummary {
  docType: string | null;
  docNumber: string | null;
  signDate: string | null;
  tasks: number;
}

export function summaryOf(record: NoticeRecord): RecordSummary {
  return { docType: record.docType, docNumber: record.docNumber?.normalized ?? null, signDate: record.signDate, tasks: record.tasks.length };
}
