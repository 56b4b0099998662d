import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { extract } from './extract/index.js';
import { DEFAULT_MAX_BYTES, describeSize, ingest, type IngestOptions } from './ingest/index.js';
import { layout } from './layout/index.js';
import { asGongwenError, GongwenError } from './model/errors.js';
import { toRecord, type NoticeRecord } from './normalise/index.js';

export type ParseOptions = IngestOptions;

/**
 * Reads one notice from its bytes: ingest, layout, extract, normalise. No file system. Rejects
 * only with `GongwenError`; anything else that escapes a stage is a bug, reported as E_INTERNAL.
 * PDF pages without a usable text layer are read by OCR (`options.ocr`, `options.onProgress`);
 * the recogniser stays loaded for the next document until `terminateOcr`.
 */
export async function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): Promise<NoticeRecord> {
  try {
    const ingested = await ingest(bytes, options);
    const laidOut = layout(ingested.value);
    if (laidOut.value.text.trim() === '') {
      throw new GongwenError('E_NO_TEXT', 'nothing is left of the document once page furniture and portal chrome are removed');
    }
    const fields = extract(laidOut.value);
    return toRecord(laidOut.value, fields.value, [...ingested.messages, ...laidOut.messages, ...fields.messages]);
  } catch (error) {
    throw asGongwenError(error);
  }
}

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
  ELOOP: 'too many symbolic links',
};

/** Reads a file's bytes, refusing files over the size limit before loading them. */
export async function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (info.size > maxBytes) {
      throw new GongwenError('E_FILE_TOO_LARGE', `the file is ${describeSize(info.size)}, over the limit of ${describeSize(maxBytes)}`, {
        details: { bytes: info.size, maxBytes },
      });
    }
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof GongwenError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new GongwenError('E_READ_FAILED', `cannot read ${path}: ${READ_ERRORS[code] ?? (error as Error).message}`, { cause: error });
  }
}

/**
 * Reads one notice from a file path or from bytes and resolves to its record. Rejects only with
 * `GongwenError` (stable `code`, one-line message).
 */
export async function parse(input: string | Uint8Array | ArrayBuffer, options: ParseOptions = {}): Promise<NoticeRecord> {
  if (typeof input === 'string') {
    const bytes = await readInputFile(input, options.maxBytes);
    return parseBytes(bytes, { ...options, fileName: options.fileName ?? basename(input) });
  }
  return parseBytes(input instanceof Uint8Array ? input : new Uint8Array(input), options);
}
