import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import type { GoldCard } from '../../src/report/scoring.js';
import { parse, type NoticeRecord } from '../../src/index.js';
import { fixturesDir } from '../helpers.js';

/**
 * A hostile notice: markup and script in its title, its text and a table cell, a `</script>`
 * that would end the data element if the JSON were embedded raw, and a javascript: URL. Each
 * payload, if it ever ran, would set `window.__pwned`. The 星期三 beside a Monday gives the
 * record a warning with a place in the text.
 */
export const HOSTILE_NOTICE = [
  '某某市人民政府办公室文件',
  '某政办发〔2024〕7号',
  '关于印发<script>window.__pwned=1</script>方案的通知',
  '各区人民政府，市政府各部门：',
  '现将<img src=x onerror="window.__pwned=2">方案印发给你们，请于2024年5月20日（星期三）前报送 javascript:alert(3) 材料，</script><script>window.__pwned=3</script>全年不少于10次。',
  '一、工作任务',
  '（一）开展检查<b onmouseover="window.__pwned=4">加粗</b>。（责任单位：市<i>教育</i>局）',
  '附件：工作任务表',
  '某某市人民政府办公室',
  '2024年5月6日',
  '附件',
  '工作任务表',
  '序号\t工作任务\t责任单位\t完成时限',
  '1\t<img src=x onerror="window.__pwned=5">整治\t市<script>window.__pwned=6</script>局\t2024年6月30日前',
].join('\n');

export const HOSTILE_FILE_NAME = 'hostile<script>.txt';

export async function hostileRecord(): Promise<NoticeRecord> {
  return parse(new TextEncoder().encode(HOSTILE_NOTICE), { fileName: HOSTILE_FILE_NAME });
}

const made: string[] = [];

/** A new temporary folder, removed by removeTempDirs (each test file calls it in afterAll). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export const fixtureNotice = (name: string): string => join(fixturesDir, 'notices', name);

/** A copy of a record as if its first blocks and its first quota had been read by OCR with little confidence. */
export function readByOcr(record: NoticeRecord, confidence: number): NoticeRecord {
  const scanned = structuredClone(record);
  for (const block of scanned.blocks.slice(0, 3)) block.ocr = { confidence };
  scanned.quotas[0]!.ocr = { confidence };
  scanned.tasks[0]!.ocr = { confidence };
  return scanned;
}

export const FAILED_INPUT: ManifestEntry = {
  path: '/archive/scan.pdf',
  size: 1024,
  sha256: '0'.repeat(64),
  status: 'failed',
  code: 'E_NO_TEXT_LAYER',
  message: 'the PDF has 2 pages and none has text; run the PDF through OCR first',
  milliseconds: 12,
  at: '2024-05-06T08:00:00.000Z',
};

/**
 * An output folder as `gongwen convert --out` leaves it: one record file per converted input
 * and a manifest that lists them and a failure.
 */
export function outputFolder(records: ReadonlyArray<{ name: string; record: NoticeRecord }>): string {
  const dir = tempDir('gongwen-report-in-');
  const lines = [JSON.stringify(FAILED_INPUT)];
  for (const { name, record } of records) {
    const output = `${name}.json`;
    mkdirSync(join(dir, output, '..'), { recursive: true });
    writeFileSync(join(dir, output), JSON.stringify(record));
    const entry: ManifestEntry = { path: `/archive/${name}`, size: 1, sha256: '1'.repeat(64), status: 'converted', output, milliseconds: 1, at: FAILED_INPUT.at };
    lines.push(JSON.stringify(entry));
  }
  writeFileSync(join(dir, 'manifest.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

/** A gold card that agrees with a record in every item, but for the overrides. */
export function goldCardOf(record: NoticeRecord, overrides: Partial<GoldCard> & Pick<GoldCard, 'id' | 'file'>): GoldCard {
  return {
    title: record.title,
    docType: record.docType,
    docNumber: record.docNumber?.normalized ?? null,
    issuers: record.issuers,
    recipients: record.recipients?.raw ?? null,
    signDate: record.signDate,
    publishDate: record.publishDate,
    printDate: record.printDate,
    citedDocNumbers: record.citedDocuments.map((cited) => cited.docNumber.normalized),
    attachments: record.attachments.map((attachment) => attachment.title),
    phones: record.contacts.phones,
    emails: record.contacts.emails,
    units: record.units.map((unit) => ({ name: unit.name, roles: unit.roles })),
    quotas: record.quotas.map((quota) => ({ key: quota.key, raw: quota.raw })),
    deadlines: record.deadlines.map((deadline) => ({ key: deadline.key, raw: deadline.raw })),
    ...overrides,
  };
}

/** A small notice whose task names a lead unit, with a deadline and a quota in one sentence. */
export const NESTED_NOTICE = [
  '某某市人民政府办公室文件',
  '某政办发〔2024〕8号',
  '关于开展安全检查的通知',
  '各区人民政府：',
  '一、工作任务',
  '（一）开展安全检查。各区于5月20日前完成检查不少于10次。（牵头单位：市教育局）',
  '某某市人民政府办公室',
  '2024年5月6日',
].join('\n');

/**
 * The nested notice's record with its (implied) deadline widened to hold the quota, so that the
 * quota sits inside the deadline and the lead unit inside the task: overlaps the seeds lack.
 */
export async function nestedRecord(): Promise<NoticeRecord> {
  const record = await parse(new TextEncoder().encode(NESTED_NOTICE), { fileName: 'nested.txt' });
  const start = record.text.indexOf('5月20日前');
  const end = record.text.indexOf('不少于10次') + '不少于10次。'.length;
  const deadline = record.deadlines[0]!;
  if (start < 0 || !deadline.implied || record.quotas.length !== 1 || record.tasks[0]?.units[0]?.role !== 'lead') throw new Error('the nested notice no longer reads as the tests expect');
  deadline.span = [start, end];
  deadline.raw = record.text.slice(start, end);
  return record;
}

/** The text of the nested notice that its card expects as a quota and its record lacks: inside the deadline, outside the quota. */
export const NESTED_MISS = '完成检查';

export function nestedCard(record: NoticeRecord): GoldCard {
  return goldCardOf(record, {
    id: 'nested',
    file: 'cards/nested.txt',
    quotas: [...record.quotas.map((quota) => ({ key: quota.key, raw: quota.raw })), { key: NESTED_MISS, raw: NESTED_MISS }],
  });
}
