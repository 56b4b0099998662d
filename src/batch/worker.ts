import { parentPort } from 'node:worker_threads';
import { asGongwenError } from '../model/errors.js';
import { parseBytes } from '../pipeline.js';
import type { WorkerAnswer, WorkerJob } from './pool.js';

/**
 * A batch worker: converts the bytes it is sent and answers with the record or the typed
 * error. It runs in its own thread so that a slow or hostile file can be ended without
 * ending the batch.
 */
parentPort?.on('message', async (job: WorkerJob) => {
  let answer: WorkerAnswer;
  try {
    answer = { id: job.id, record: await parseBytes(new Uint8Array(job.bytes), { fileName: job.fileName }) };
  } catch (error) {
    const failure = asGongwenError(error);
    answer = { id: job.id, error: { code: failure.code, message: failure.message } };
  }
  parentPort?.postMessage(answer);
});
