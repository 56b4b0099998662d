import { parentPort } from 'node:worker_threads';
import { asGongwenError } from '../model/errors.js';
import { parseBytes } from '../pipeline.js';
import type { WorkerAnswer, WorkerJob, WorkerProgress } from './pool.js';
import { summaryOf } from './summary.js';

/**
 * A batch worker: converts the bytes it is sent and answers with the record as JSON text (and
 * a few facts for the progress line) or the typed error. It runs in its own thread so that a
 * slow or hostile file can be ended without ending the batch; it serialises the record itself
 * because cloning a record's object graph into the main thread would make that thread the
 * bottleneck of every parallel run.
 */
parentPort?.on('message', async (job: WorkerJob) => {
  let answer: WorkerAnswer;
  try {
    const record = await parseBytes(new Uint8Array(job.bytes), {
      fileName: job.fileName,
      ocr: job.ocr,
      onProgress: (progress) => parentPort?.postMessage({ id: job.id, progress } satisfies WorkerProgress),
    });
    answer = { id: job.id, json: job.pretty ? `${JSON.stringify(record, null, 2)}\n` : `${JSON.stringify(record)}\n`, summary: summaryOf(record) };
  } catch (error) {
    const failure = asGongwenError(error);
    answer = { id: job.id, error: { code: failure.code, message: failure.message } };
  }
  parentPort?.postMessage(answer);
});

// Loaded and listening: from now on a document's time limit measures the document, not start-up.
parentPort?.postMessage({ ready: true });
