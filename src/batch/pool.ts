import { Worker } from 'node:worker_threads';
import type { OcrProgress } from '../ingest/ocr/index.js';
import type { ErrorCode } from '../model/errors.js';
import type { RecordSummary } from './summary.js';

/** What the batch sends a worker: one file's bytes. */
export interface WorkerJob {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
  /** Indent the JSON (a record file) or keep it on one line (a JSON Lines stream). */
  pretty: boolean;
  /** Recognise pages without a text layer by OCR. */
  ocr: boolean;
}

/** What a worker reports while it recognises a scanned document's pages. */
export interface WorkerProgress {
  id: number;
  progress: OcrProgress;
}

/** What a worker answers: the record as JSON text with a summary, or the typed error that stopped it. */
export interface WorkerAnswer {
  id: number;
  json?: string;
  summary?: RecordSummary;
  error?: { code: ErrorCode; message: string };
  /** The run was stopped before the document was converted: nothing is known about it. */
  stopped?: true;
}

interface PoolOptions {
  size: number;
  /** Time a document may take before its worker is ended (E_TIMEOUT). */
  timeoutMs: number;
  /** Time added to a document's limit for each page it recognises by OCR. */
  ocrPageTimeoutMs: number;
  /** Heap a worker may use before it is ended (E_MEMORY). */
  maxMemoryMb: number;
}

// Sources run under tsx (tests, `npm run bench`) have a .ts worker, which a worker thread can
// only load once tsx's hooks are registered in it; the built package has a plain .js worker.
const SOURCE_EXTENSION = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const WORKER_ENTRY = new URL(`./worker${SOURCE_EXTENSION}`, import.meta.url);
const TSX_BOOT = "import('tsx/esm/api').then((api) => { api.register(); return import(require('node:worker_threads').workerData.entry); });";

interface Slot {
  worker: Worker;
  /** Set once the worker has loaded; jobs go only to ready workers. */
  ready: boolean;
  /** Set once the worker has been ended; its late messages and its exit are ignored. */
  retired: boolean;
  busy?: Busy | undefined;
}

interface Queued {
  job: WorkerJob;
  resolve: (answer: WorkerAnswer) => void;
  onProgress: ((progress: OcrProgress) => void) | undefined;
}

interface Busy extends Queued {
  started: number;
  /** The document's limit: `timeoutMs`, plus `ocrPageTimeoutMs` a page once OCR has said how many pages it reads. */
  limitMs: number;
  timer: NodeJS.Timeout;
}

/**
 * A fixed number of worker threads converting one document each at a time. A worker that runs
 * over its time or memory limit, or dies, is ended and replaced, and its document is answered
 * with E_TIMEOUT, E_MEMORY or E_INTERNAL; the others go on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Queued[] = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i += 1) this.slots.push(this.spawn());
  }

  /** Converts one document; `onProgress` hears of each page OCR starts and finishes. */
  run(job: WorkerJob, onProgress?: (progress: OcrProgress) => void): Promise<WorkerAnswer> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve, onProgress });
      this.dispatch();
    });
  }

  /** Ends every worker; documents still queued or in progress are answered as stopped. */
  async close(): Promise<void> {
    this.closed = true;
    const stopped = (id: number): WorkerAnswer => ({ id, stopped: true, error: { code: 'E_INTERNAL', message: 'the run was stopped before this document was converted' } });
    for (const slot of this.slots) {
      slot.retired = true;
      if (slot.busy) {
        clearTimeout(slot.busy.timer);
        slot.busy.resolve(stopped(slot.busy.job.id));
        slot.busy = undefined;
      }
    }
    for (const { job, resolve } of this.queue.splice(0)) resolve(stopped(job.id));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxMemoryMb };
    const worker =
      SOURCE_EXTENSION === '.ts'
        ? new Worker(TSX_BOOT, { eval: true, workerData: { entry: WORKER_ENTRY.href }, resourceLimits })
        : new Worker(WORKER_ENTRY, { resourceLimits });
    const slot: Slot = { worker, ready: false, retired: false };
    worker.on('message', (message: WorkerAnswer | WorkerProgress | { ready: true }) => {
      if (slot.retired) return;
      if ('ready' in message) {
        slot.ready = true;
        this.dispatch();
      } else if ('progress' in message) {
        this.progress(slot, message);
      } else {
        this.finish(slot, message);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (slot.retired) return;
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, memory ? 'E_MEMORY' : 'E_INTERNAL', memory ? `the worker ran out of its ${this.options.maxMemoryMb} MB` : `the worker failed: ${error.message}`);
    });
    // A worker that exits on its own, busy or idle, is replaced so that no document waits for it.
    worker.on('exit', () => {
      if (!slot.retired) this.replace(slot, 'E_INTERNAL', 'the worker exited before answering');
    });
    return slot;
  }

  /**
   * Passes OCR progress on, and gives a scan the time its pages need: a page takes seconds to
   * recognise where a text layer takes milliseconds, so one limit cannot suit both.
   */
  private progress(slot: Slot, { id, progress }: WorkerProgress): void {
    const busy = slot.busy;
    if (busy === undefined || busy.job.id !== id) return;
    const limitMs = this.options.timeoutMs + progress.pages * this.options.ocrPageTimeoutMs;
    if (limitMs > busy.limitMs) {
      clearTimeout(busy.timer);
      busy.limitMs = limitMs;
      busy.timer = this.timer(slot, busy.started + limitMs - performance.now(), `the document, ${progress.pages} of whose pages need OCR, took longer than ${limitMs / 1000} s`);
    }
    busy.onProgress?.(progress);
  }

  private timer(slot: Slot, delayMs: number, message: string): NodeJS.Timeout {
    return setTimeout(() => this.replace(slot, 'E_TIMEOUT', message), Math.max(0, delayMs));
  }

  private finish(slot: Slot, answer: WorkerAnswer): void {
    const busy = slot.busy;
    if (busy === undefined || busy.job.id !== answer.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.resolve(answer);
    this.dispatch();
  }

  /**
   * Ends a worker that broke a limit or died, answers its document, and puts a fresh worker in
   * its place. A worker that dies while starting (a heap limit too small to load the converter)
   * answers the next queued document instead, so that the batch moves on, and is started again
   * only when there is work for it.
   */
  private replace(slot: Slot, code: ErrorCode, message: string): void {
    const busy = slot.busy;
    const failedAtStart = !slot.ready;
    slot.busy = undefined;
    slot.retired = true;
    if (busy) clearTimeout(busy.timer);
    void slot.worker.terminate();
    if (this.closed) return;
    const answered = busy ?? (failedAtStart ? this.queue.shift() : undefined);
    answered?.resolve({ id: answered.job.id, error: { code, message } });
    this.dispatch();
  }

  /** Starts workers in place of ended ones while there is work, then hands jobs to ready workers. */
  private dispatch(): void {
    this.slots.forEach((slot, index) => {
      if (slot.retired && !this.closed && this.queue.length > 0) this.slots[index] = this.spawn();
    });
    for (const slot of this.slots) {
      if (!slot.ready || slot.retired || slot.busy || this.queue.length === 0) continue;
      const queued = this.queue.shift()!;
      const timer = this.timer(slot, this.options.timeoutMs, `the document took longer than ${this.options.timeoutMs / 1000} s`);
      slot.busy = { ...queued, started: performance.now(), limitMs: this.options.timeoutMs, timer };
      slot.worker.postMessage(queued.job, [queued.job.bytes]);
    }
  }
}
