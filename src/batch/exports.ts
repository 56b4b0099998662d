import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NoticeRecord } from '../normalise/index.js';
import type { Manifest } from './manifest.js';

/** The forms a batch writes its records in, for the systems that import them. */
export const EXPORT_FORMATS = ['json', 'jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const JSONL_NAME = 'records.jsonl';
export const CSV_NAME = 'tasks.csv';

/** The columns of the task table: one row per task and unit. */
const CSV_COLUMNS = [
  'file', 'docNumber', 'title', 'signDate', 'taskId', 'taskPath', 'taskTitle', 'unit', 'role', 'aliasOf', 'quotas', 'deadlines',
] as const;

// Spreadsheet programs read a CSV file as UTF-8 only when it starts with a byte order mark.
const BYTE_ORDER_MARK = '\uFEFF';

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One row per task and unit (a task without units gives one row with the unit empty). */
function csvRows(record: NoticeRecord): string[][] {
  const file = record.source.fileName ?? '';
  const aliases = new Map(record.units.map((unit) => [unit.name, unit.aliasOf ?? '']));
  return record.tasks.flatMap((task) => {
    const shared = [
      file,
      record.docNumber?.normalized ?? '',
      record.title ?? '',
      record.signDate ?? '',
      task.id,
      task.path.join(' > '),
      task.title,
    ];
    const quotas = task.quotas.map((index) => record.quotas[index]!.key).join('; ');
    const deadlines = task.deadlines.map((index) => record.deadlines[index]!.key).join('; ');
    const units = task.units.length > 0 ? task.units : [undefined];
    return units.map((unit) => [...shared, unit?.name ?? '', unit?.role ?? '', unit ? (aliases.get(unit.name) ?? '') : '', quotas, deadlines]);
  });
}

function csvLine(row: readonly string[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** What an export wrote, and the records the manifest lists that were no longer there. */
export interface ExportResult {
  path: string;
  missing: string[];
}

/**
 * Writes the one-stream exports from every record the manifest lists as converted, in the
 * order of their paths, so that a resumed run exports the whole archive, not just its last
 * part. Records are read and written one at a time: an archive never has to fit in memory.
 * A record file removed since is left out and named in `missing`.
 */
export async function writeExports(manifest: Manifest, format: Exclude<ExportFormat, 'json'>): Promise<ExportResult> {
  const converted = manifest
    .entries()
    .filter((entry) => entry.status === 'converted' && entry.output !== undefined)
    .sort((a, b) => a.path.localeCompare(b.path));
  const missing: string[] = [];
  async function* records(): AsyncGenerator<NoticeRecord> {
    for (const entry of converted) {
      const text = await readFile(join(manifest.outDir, entry.output!), 'utf8').catch(() => undefined);
      if (text === undefined) missing.push(entry.output!);
      else yield JSON.parse(text) as NoticeRecord;
    }
  }
  async function* lines(): AsyncGenerator<string> {
    if (format === 'csv') yield `${BYTE_ORDER_MARK}${csvLine(CSV_COLUMNS)}`;
    for await (const record of records()) {
      if (format === 'jsonl') yield `${JSON.stringify(record)}\n`;
      else for (const row of csvRows(record)) yield csvLine(row);
    }
  }
  const path = await manifest.writeAtomically(format === 'jsonl' ? JSONL_NAME : CSV_NAME, lines());
  return { path, missing };
}
