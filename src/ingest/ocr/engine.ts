import type { EventEmitter } from 'node:events';
import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Tesseract from 'tesseract.js';

/**
 * The recogniser: one tesseract.js worker per thread, started on first use and kept for every
 * later page and document, since loading the model costs about a second and recognising a page
 * about two. Jobs run one after another. The worker is a thread of its own, which would keep the
 * process alive after the last document: it is unreferenced whenever no job is waiting, so a
 * command-line run ends when its work does, and `terminateOcr` ends it outright.
 */

const LANGUAGE = 'chi_sim';
// @tesseract.js-data/chi_sim ships two models. On born-digital pages drawn and read back they are
// level (4.6 % of characters wrong at 200 dpi); on the corpus's scanned cover and on the fixture
// the 4.0.0 one (tessdata, used LSTM only) made half the errors of 4.0.0_best_int, in the same
// time. It is 20 MB to best_int's 2 MB and loads in about 0.8 s instead of 0.4, once a thread.
const MODEL_DIRECTORY = join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/chi_sim/package.json')), '4.0.0');
const MODEL_FILE = join(MODEL_DIRECTORY, `${LANGUAGE}.traineddata.gz`);

/** A box in image pixels: left, top, right and bottom edges. */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface RecognisedWord {
  text: string;
  /** 0–1. */
  confidence: number;
  box: PixelBox;
}

export interface RecognisedLine {
  words: RecognisedWord[];
  box: PixelBox;
  /** The fitted baseline, from its left end to its right end. */
  baseline: PixelBox;
}

/** An image for the recogniser, with its resolution in dots per inch. */
export interface RecognitionImage {
  /** An encoded image tesseract.js reads (PGM, PNG, JPEG). */
  bytes: Buffer;
  dpi: number;
}

type Thread = EventEmitter & { ref(): void; unref(): void };

interface Engine {
  worker: Tesseract.Worker;
  thread: Thread;
  /** Rejects when the thread dies, so that a job in flight does not wait for ever. */
  died: Promise<never>;
}

let engine: Promise<Engine> | undefined;
let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function isThread(value: unknown): value is Thread {
  const candidate = value as Partial<Thread> | null;
  return typeof candidate?.ref === 'function' && typeof candidate.unref === 'function' && typeof candidate.once === 'function';
}

// tesseract.js returns its `worker_threads` Worker as `worker` on the object it resolves to, but
// leaves it out of its type declarations.
function threadOf(worker: Tesseract.Worker): Thread {
  const thread = (worker as unknown as { worker?: unknown }).worker;
  if (!isThread(thread)) throw new Error('tesseract.js did not expose its worker thread');
  return thread;
}

async function createWorker(): Promise<Tesseract.Worker> {
  // Loaded with the first scan, so that reading text layers never pays for it.
  const { default: tesseract } = await import('tesseract.js');
  return new Promise((resolve, reject) => {
    // Nothing is fetched and nothing is written: the model is read from the package folder, and
    // the cache (by default a copy of the model in the current directory) is not used at all.
    const options = { langPath: MODEL_DIRECTORY, cacheMethod: 'none', gzip: true, errorHandler: reject };
    tesseract.createWorker(LANGUAGE, tesseract.OEM.LSTM_ONLY, options).then(resolve, reject);
  });
}

async function startEngine(onDeath: () => void): Promise<Engine> {
  // tesseract.js never settles a worker whose model cannot be read, so a missing one is caught here.
  await access(MODEL_FILE);
  const worker = await createWorker();
  const thread = threadOf(worker);
  const died = new Promise<never>((_, reject) => {
    thread.once('error', reject);
    thread.once('exit', (code: number) => reject(new Error(`the OCR thread stopped (exit code ${code})`)));
  });
  died.catch(onDeath);
  thread.unref();
  return { worker, thread, died };
}

/** Lets a later job start a new worker, unless one has already replaced this one. */
function forget(which: Promise<Engine>): void {
  if (engine === which) engine = undefined;
}

function engineOfThisThread(): Promise<Engine> {
  if (engine !== undefined) return engine;
  const starting: Promise<Engine> = startEngine(() => forget(starting)).catch((error: unknown) => {
    forget(starting);
    throw error;
  });
  engine = starting;
  return starting;
}

function linesOf(page: Tesseract.Page): RecognisedLine[] {
  const lines: RecognisedLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        lines.push({
          words: line.words.map((word) => ({ text: word.text, confidence: word.confidence / 100, box: word.bbox })),
          box: line.bbox,
          baseline: line.baseline,
        });
      }
    }
  }
  return lines;
}

async function runJob(image: RecognitionImage): Promise<RecognisedLine[]> {
  try {
    const { worker, thread, died } = await engineOfThisThread();
    thread.ref();
    await Promise.race([worker.setParameters({ user_defined_dpi: String(image.dpi) }), died]);
    const result = await Promise.race([worker.recognize(image.bytes, {}, { blocks: true, text: false }), died]);
    return linesOf(result.data);
  } finally {
    waiting -= 1;
    if (waiting === 0) (await engine?.catch(() => undefined))?.thread.unref();
  }
}

/** Recognises the text of an image: lines of words with their boxes, in reading order. */
export function recognise(image: RecognitionImage): Promise<RecognisedLine[]> {
  waiting += 1;
  const job = queue.then(() => runJob(image));
  queue = job.catch(() => undefined);
  return job;
}

/**
 * Ends this thread's OCR worker, if one was started; a later scan starts a new one. A process
 * exits without calling this (the idle worker does not keep it alive), but a library that wants
 * the thread and the memory of the model back at once can.
 */
export async function terminateOcr(): Promise<void> {
  const current = engine;
  engine = undefined;
  const started = await current?.catch(() => undefined);
  await started?.worker.terminate();
}
