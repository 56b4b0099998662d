import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asGongwenError, type ErrorCode } from '../model/errors.js';
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
      const outcome: ConversionOutcome = { input, record, milliseconds: 0 };
      if (outDir !== undefined) {
        const output = join(outDir, `${input.outputName}.json`);
        await mkdir(dirname(output), { recursive: true });
        await writeFile(output, `${JSON.stringify(record, null, 2)}\n`);
        outcome.output = output;
      }
      outcome.milliseconds = performance.now() - started;
      yield outcome;
    } catch (error) {
      const failure = asGongwenError(error);
      yield { input, milliseconds: performance.now() - started, error: { code: failure.code, message: failure.message } };
    }
  }
}
