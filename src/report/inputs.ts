import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { latestManifestEntries } from '../batch/manifest.js';
import { GongwenError } from '../model/errors.js';
import { NoticeRecordSchema, type NoticeRecord } from '../normalise/index.js';

/**
 * The records a report shows, from what the user names: record files (`.json`), record
 * streams (`.jsonl`, one record a line), folders of them, or the output folder of `gongwen
 * convert`, whose manifest says which records are current and which inputs failed.
 */

export interface LoadedRecord {
  record: NoticeRecord;
  /** Where the record was read from (a file, or a stream's file and line). */
  origin: string;
  /** A name for the record's page, unique within its folder or stream. */
  name: string;
  /** The input the record was converted from, when a convert manifest says so. */
  inputPath?: string;
}

export interface ConversionFailure {
  path: string;
  code: string;
  message: string;
  at: string;
}

export interface LoadedInputs {
  records: LoadedRecord[];
  failures: ConversionFailure[];
  /** Inputs that could not be read or are not records; the report leaves them out. */
  problems: GongwenError[];
}

const MANIFEST_NAME = 'manifest.jsonl';

function readFailed(path: string, reason: string, cause?: unknown): GongwenError {
  return new GongwenError('E_READ_FAILED', `cannot read ${path}: ${reason.split('\n')[0]}`, cause === undefined ? {} : { cause });
}

/**
 * A parsed value as a record, or why not. The value itself is kept, not zod's copy, so that
 * fields newer than this schema (such as OCR confidences) reach the page.
 */
function asRecord(value: unknown, origin: string): NoticeRecord {
  const checked = NoticeRecordSchema.safeParse(value);
  if (checked.success) return value as NoticeRecord;
  const issue = checked.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : ` at ${issue.path.join('.')}`;
  throw new GongwenError('E_READ_FAILED', `${origin} is not a gongwen record${where}: ${issue?.message ?? 'invalid'}`);
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw readFailed(origin, `not JSON (${(error as Error).message})`, error);
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw readFailed(path, (error as Error).message, error);
  }
}

function recordName(path: string): string {
  return basename(path).replace(/\.json$/i, '');
}

async function readRecordFile(path: string, name = recordName(path)): Promise<LoadedRecord> {
  return { record: asRecord(parseJson(await readText(path), path), path), origin: path, name };
}

/** A stream of records; a bad line is a problem of its own and the other lines still count. */
async function readRecordStream(path: string, into: LoadedInputs): Promise<void> {
  const lines = (await readText(path)).split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const origin = `${path}:${index + 1}`;
    try {
      const record = asRecord(parseJson(line, origin), origin);
      into.records.push({ record, origin, name: record.source.fileName ?? `${recordName(path)}-${index + 1}` });
    } catch (error) {
      into.problems.push(error as GongwenError);
    }
  });
}

/** A manifest field as text: what a hand-edited or damaged manifest holds must not break the index. */
function text(value: unknown, fallback: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return fallback;
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** An output folder of `gongwen convert`: its current records and its failures, as its manifest lists them. */
async function readOutputFolder(dir: string, into: LoadedInputs): Promise<void> {
  const manifest = join(dir, MANIFEST_NAME);
  for (const [path, entry] of latestManifestEntries(await readText(manifest))) {
    if (typeof path !== 'string' || typeof entry !== 'object' || entry === null) {
      into.problems.push(readFailed(manifest, `an entry has no input path (${text(path, 'none')})`));
    } else if (entry.status === 'failed') {
      into.failures.push({ path, code: text(entry.code, 'E_INTERNAL'), message: text(entry.message, ''), at: text(entry.at, '') });
    } else if (typeof entry.output === 'string') {
      const output = entry.output;
      await collect(async () => ({ ...(await readRecordFile(join(dir, output), output.replace(/\.json$/i, ''))), inputPath: path }), into);
    }
  }
}

async function collect(read: () => Promise<LoadedRecord>, into: LoadedInputs): Promise<void> {
  try {
    into.records.push(await read());
  } catch (error) {
    if (!(error instanceof GongwenError)) throw error;
    into.problems.push(error);
  }
}

async function listFolder(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw readFailed(dir, (error as Error).message, error);
  }
}

/** A folder of records (not an output folder): every `.json` and `.jsonl` below it, hidden folders left out. */
async function readRecordFolder(root: string, dir: string, into: LoadedInputs): Promise<void> {
  const entries = (await listFolder(dir)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await readRecordFolder(root, path, into);
    else if (/\.jsonl$/i.test(entry.name)) await readRecordStream(path, into);
    else if (/\.json$/i.test(entry.name)) await collect(() => readRecordFile(path, relative(root, path).replace(/\.json$/i, '')), into);
  }
}

async function readInput(path: string, into: LoadedInputs): Promise<void> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (error) {
    throw readFailed(path, (error as Error).message, error);
  }
  if (!isFolder && basename(path) === MANIFEST_NAME) return readOutputFolder(dirname(path), into);
  if (!isFolder) return /\.jsonl$/i.test(path) ? readRecordStream(path, into) : collect(() => readRecordFile(path), into);
  const manifest = await stat(join(path, MANIFEST_NAME)).then(
    (found) => found.isFile(),
    () => false,
  );
  return manifest ? readOutputFolder(path, into) : readRecordFolder(path, path, into);
}

/** Reads every input; what cannot be read becomes a problem, and the rest is still shown. */
export async function loadInputs(paths: readonly string[]): Promise<LoadedInputs> {
  const loaded: LoadedInputs = { records: [], failures: [], problems: [] };
  for (const path of paths) {
    try {
      await readInput(path, loaded);
    } catch (error) {
      if (!(error instanceof GongwenError)) throw error;
      loaded.problems.push(error);
    }
  }
  return loaded;
}
