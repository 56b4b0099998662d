import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../model/errors.js';
import type { RecordSummary } from './summary.js';

/** What the batch sends a worker: one file's bytes. */
export interface WorkerJob {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
  /** Indent the JSON (a record file) or keep it on one line (a JSON Lines stream). */
  pretty: boolean;
}

/** What a worker answers: the record as JSON text with a summary, or the typed error that stopped it. */
export interface WorkerAnswer {
  id: number;
  json?: string;
  summary?: RecordSummary;
  error?: { code: ErrorCode; message: string };
}

export interface PoolOptions {
  size: number;
  /** Time a document may take before its worker is ended (E_TIMEOUT). */
  timeoutMs: number;
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
  busy?: { job: WorkerJob; resolve: (answer: WorkerAnswer) => void; timer: NodeJS.Timeout } | undefined;
}

/**
 * A fixed number of worker threads converting one document each at a time. A worker that runs
 * over its time or memory limit, or dies, is ended and replaced, and its document is answered
 * with E_TIMEOUT, E_MEMORY or E_INTERNAL; the others go on.
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ job: WorkerJob; resolve: (answer: WorkerAnswer) => void }> = [];
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i += 1) this.slots.push(this.spawn());
  }

  run(job: WorkerJob): Promise<WorkerAnswer> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const resourceLimits = { maxOldGenerationSizeMb: this.options.maxMemoryMb };
    const worker =
      SOURCE_EXTENSION === '.ts'
        ? new Worker(TSX_BOOT, { eval: true, workerData: { entry: WORKER_ENTRY.href }, resourceLimits })
        : new Worker(WORKER_ENTRY, { resourceLimits });
    const slot: Slot = { worker };
    worker.on('message', (answer: WorkerAnswer) => this.finish(slot, answer));
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, memory ? 'E_MEMORY' : 'E_INTERNAL', memory ? `the worker ran out of its ${this.options.maxMemoryMb} MB` : `the worker failed: ${error.message}`);
    });
    worker.on('exit', () => {
      if (slot.busy && !this.closed) this.replace(slot, 'E_INTERNAL', 'the worker exited before answering');
    });
    return slot;
  }

  private finish(slot: Slot, answer: WorkerAnswer): void {
    const busy = slot.busy;
    if (busy === undefined || busy.job.id !== answer.id) return;
    clearTimeout(busy.timer);
    slot.busy = undefined;
    busy.resolve(answer);
    this.dispatch();
  }

  /** Ends a worker that broke a limit or died, answers its document, and puts a fresh worker in its place. */
  private replace(slot: Slot, code: ErrorCode, message: string): void {
    const busy = slot.busy;
    slot.busy = undefined;
    if (busy) clearTimeout(busy.timer);
    void slot.worker.terminate();
    if (this.closed) return;
    const index = this.slots.indexOf(slot);
    if (index >= 0) this.slots[index] = this.spawn();
    busy?.resolve({ id: busy.job.id, error: { code, message } });
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      const { job, resolve } = this.queue.shift()!;
      const timer = setTimeout(() => this.replace(slot, 'E_TIMEOUT', `the document took longer than ${this.options.timeoutMs / 1000} s`), this.options.timeoutMs);
      slot.busy = { job, resolve, timer };
      slot.worker.postMessage(job, [job.bytes]);
    }
  }
}
