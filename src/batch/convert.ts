import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asGongwenError, GongwenError, type ErrorCode } from '../model/errors.js';
import type { NoticeRecord } from '../normalise/index.js';
import { parse, type ParseOptions } from '../pipeline.js';
import type { InputFile } from './inputs.js';

export interface ConversionOptions extends Omit<ParseOptions, 'fileName'> {
  /** Directory for `<name>.json` records; when absent, records are only returned. */
  outDir?: string;
}

export interface ConversionOutcome {
  input: InputFile;
  milliseconds: number;
  record?: NoticeRecord;
  /** Where the record was written. */
  output?: string;
  error?: { code: ErrorCode; message: string };
}

async function writeRecord(path: string, record: NoticeRecord): Promise<string> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${JSON.stringify(record, null, 2)}\n`);
    return path;
  } catch (error) {
    throw new GongwenError('E_WRITE_FAILED', `cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Converts files one after another and yields one outcome per file. A file that fails is
 * reported with its error code and the batch goes on.
 */
export async function* convertFiles(inputs: readonly InputFile[], options: ConversionOptions = {}): AsyncGenerator<ConversionOutcome> {
  const { outDir, ...parseOptions } = options;
  for (const input of inputs) {
    const started = performance.now();
    try {
      const record = await parse(input.path, parseOptions);
      const output = outDir === undefined ? undefined : await writeRecord(join(outDir, `${input.outputName}.json`), record);
      yield { input, record, ...(output === undefined ? {} : { output }), milliseconds: performance.now() - started };
    } catch (error) {
      const failure = asGongwenError(error);
      yield { input, milliseconds: performance.now() - started, error: { code: failure.code, message: failure.message } };
    }
  }
}
