import { access } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import type { OcrProgress } from '../ingest/ocr/index.js';
import { asGongwenError, GongwenError, type ErrorCode } from '../model/errors.js';
import { readInputFile } from '../pipeline.js';
import type { InputFile } from './inputs.js';
import { Manifest, sha256, type ManifestEntry } from './manifest.js';
import { WorkerPool } from './pool.js';
import type { RecordSummary } from './summary.js';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_MEMORY_MB = 2048;
export const DEFAULT_OCR_PAGE_TIMEOUT_MS = 120_000;

export interface ConversionOptions {
  /** Directory for `<name>.json` records and the manifest; without it records are only returned. */
  outDir?: string;
  maxBytes?: number;
  /** Worker threads; one per core by default. */
  jobs?: number;
  timeoutMs?: number;
  maxMemoryMb?: number;
  /** Convert again the inputs that failed in an earlier run (unchanged ones are skipped otherwise). */
  retryFailed?: boolean;
  /** Recognise scanned pages by OCR (default true). */
  ocr?: boolean;
  /** Time added to a document's limit for each page it recognises by OCR (default 120 s). */
  ocrPageTimeoutMs?: number;
  /** Hears of each page OCR starts and finishes, for every input that needs OCR. */
  onProgress?: (input: InputFile, progress: OcrProgress) => void;
}

export interface ConversionOutcome {
  input: InputFile;
  /** `skipped`: unchanged since an earlier run recorded it (as converted, or as failed without --retry-failed). */
  status: 'converted' | 'failed' | 'skipped';
  milliseconds: number;
  /** The record as JSON text: indented when written to a file, one line otherwise. */
  json?: string;
  summary?: RecordSummary;
  /** Where the record was written (also for a skipped input converted earlier). */
  output?: string;
  /** The failure, of this run or of the earlier run a skipped input failed in. */
  error?: { code: ErrorCode; message: string };
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Whether an earlier run already answered this content: converted, with its record still there
 * and still its own, or failed (unless failures are to be retried).
 */
async function earlierAnswer(manifest: Manifest | undefined, path: string, digest: string, retryFailed: boolean): Promise<ManifestEntry | undefined> {
  const entry = manifest?.entry(path);
  if (entry === undefined || entry.sha256 !== digest) return undefined;
  if (entry.status === 'failed') return retryFailed ? undefined : entry;
  const output = entry.output;
  return output !== undefined && manifest!.ownerOf(output) === path && (await exists(join(manifest!.outDir, output))) ? entry : undefined;
}

/**
 * Converts files in parallel worker threads and yields one outcome per file as each finishes.
 * With an output directory the run is resumable: each record is written atomically, each
 * input's path, size, SHA-256, status and time go to `manifest.jsonl`, and inputs whose content
 * an earlier run already converted are skipped. A file that fails never stops the others.
 */
export async function* convertFiles(inputs: readonly InputFile[], options: ConversionOptions = {}): AsyncGenerator<ConversionOutcome> {
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const manifest = options.outDir === undefined ? undefined : await Manifest.open(options.outDir);
  const pool = new WorkerPool({
    size: jobs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ocrPageTimeoutMs: options.ocrPageTimeoutMs ?? DEFAULT_OCR_PAGE_TIMEOUT_MS,
    maxMemoryMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB,
  });
  let nextId = 0;

  async function convertOne(input: InputFile): Promise<ConversionOutcome> {
    const started = performance.now();
    const path = resolve(input.path);
    let size = 0;
    let digest = '';
    const outcome = (fields: Omit<ConversionOutcome, 'input' | 'milliseconds'>): ConversionOutcome => ({ input, milliseconds: performance.now() - started, ...fields });
    const failed = async (code: ErrorCode, message: string): Promise<ConversionOutcome> => {
      const previous = manifest?.entry(path)?.output;
      // A record written for older content no longer stands for this input.
      if (previous !== undefined && manifest!.ownerOf(previous) === path) await manifest!.remove(previous);
      await manifest?.append({ path, size, sha256: digest, status: 'failed', code, message, milliseconds: Math.round(performance.now() - started), at: new Date().toISOString() });
      return outcome({ status: 'failed', error: { code, message } });
    };
    try {
      const bytes = await readInputFile(input.path, options.maxBytes);
      size = bytes.byteLength;
      digest = sha256(bytes);
      const earlier = await earlierAnswer(manifest, path, digest, options.retryFailed === true);
      if (earlier !== undefined) {
        return outcome({
          status: 'skipped',
          ...(earlier.output === undefined ? {} : { output: join(manifest!.outDir, earlier.output) }),
          ...(earlier.code === undefined ? {} : { error: { code: earlier.code, message: earlier.message ?? '' } }),
        });
      }
      const relativeOutput = `${input.outputName}.json`;
      const owner = manifest?.ownerOf(relativeOutput);
      if (owner !== undefined && owner !== path) {
        throw new GongwenError('E_WRITE_FAILED', `its record ${relativeOutput} already holds ${owner}, converted into the same --out by an earlier run; convert both in one run, or use another --out`);
      }
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      const answer = await pool.run(
        { id: nextId++, fileName: input.path.split(/[\\/]/).pop() ?? input.path, bytes: buffer, pretty: manifest !== undefined, ocr: options.ocr !== false },
        options.onProgress === undefined ? undefined : (progress) => options.onProgress!(input, progress),
      );
      // Not tried: the next run converts it, so the manifest must not say it failed.
      if (answer.stopped) return outcome({ status: 'failed', error: answer.error! });
      // The worker's message already carries the advice of its code.
      if (answer.error) return await failed(answer.error.code, answer.error.message);
      const json = answer.json!;
      const output = manifest === undefined ? undefined : await manifest.writeAtomically(relativeOutput, json);
      await manifest?.append({ path, size, sha256: digest, status: 'converted', output: relativeOutput, milliseconds: Math.round(performance.now() - started), at: new Date().toISOString() });
      return outcome({ status: 'converted', json, summary: answer.summary!, ...(output === undefined ? {} : { output }) });
    } catch (error) {
      const { code, message } = asGongwenError(error);
      try {
        return await failed(code, message);
      } catch (unwritten) {
        // Even the manifest cannot be written: the input still gets its answer.
        const reason = asGongwenError(unwritten);
        return outcome({ status: 'failed', error: { code: reason.code, message: reason.message } });
      }
    }
  }

  const pending = new Set<Promise<void>>();
  const finished: ConversionOutcome[] = [];
  let next = 0;
  try {
    while (next < inputs.length || pending.size > 0) {
      // Reading and hashing run ahead of the workers by one round, so that no worker waits for a disk.
      while (next < inputs.length && pending.size < jobs * 2) {
        const running: Promise<void> = convertOne(inputs[next++]!).then((done) => {
          finished.push(done);
          pending.delete(running);
        });
        pending.add(running);
      }
      await Promise.race(pending);
      while (finished.length > 0) yield finished.shift()!;
    }
  } finally {
    // Stopped early (the caller broke off, or threw): the pool answers what is left at once, and
    // the manifest is closed only after the last of those answers is written.
    await pool.close();
    await Promise.allSettled(pending);
    await manifest?.close();
  }
}
