import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { convertFiles, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_MS, type ConversionOutcome } from '../batch/convert.js';
import { CSV_NAME, EXPORT_FORMATS, JSONL_NAME, writeExports, type ExportFormat } from '../batch/exports.js';
import { Manifest } from '../batch/manifest.js';
import { Progress } from './progress.js';
import { expandInputs } from '../batch/inputs.js';
import { DEFAULT_MAX_BYTES } from '../ingest/index.js';
import { ERROR_CODES } from '../model/errors.js';
import { noticeJsonSchema } from '../normalise/index.js';
import { VERSION } from '../version.js';

export interface Output {
  write(text: string): void;
  /** True for a terminal, which gets a live progress bar. */
  isTTY?: boolean;
}

export interface Streams {
  stdout: Output;
  stderr: Output;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

function megabytes(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive number of megabytes');
  return Math.round(parsed * 1024 * 1024);
}

interface ConvertOptions {
  out: string;
  stdout?: boolean;
  format: ExportFormat;
  jobs?: number;
  timeout?: number;
  maxMemory?: number;
  retryFailed?: boolean;
  maxSize?: number;
  quiet?: boolean;
}

function describe(outcome: ConversionOutcome): string {
  const summary = outcome.summary!;
  const facts = [summary.docType, summary.docNumber, summary.signDate].filter((fact) => fact !== null);
  if (summary.tasks > 0) facts.push(`${summary.tasks} tasks`);
  return facts.length > 0 ? ` (${facts.join(', ')})` : '';
}

function summary(outcomes: readonly ConversionOutcome[], seconds: number): string {
  const failed = outcomes.filter((outcome) => outcome.status === 'failed');
  const skipped = outcomes.filter((outcome) => outcome.status === 'skipped');
  const byCode = new Map<string, number>();
  for (const outcome of failed) byCode.set(outcome.error!.code, (byCode.get(outcome.error!.code) ?? 0) + 1);
  const codes = [...byCode].map(([code, count]) => `${code} ×${count}`).join(', ');
  const converted = outcomes.filter((outcome) => outcome.status === 'converted').length;
  const rate = converted / Math.max(seconds, 1e-3);
  return (
    `converted ${converted} of ${outcomes.length} files` +
    (skipped.length > 0 ? `, ${skipped.length} skipped (unchanged since an earlier run)` : '') +
    (failed.length > 0 ? `, ${failed.length} failed (${codes})` : '') +
    ` in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s)`
  );
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return parsed;
}

function seconds(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return Math.round(parsed * 1000);
}

function exportFormat(value: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`expected one of ${EXPORT_FORMATS.join(', ')}`);
  return value as ExportFormat;
}

function errorCodeList(): string {
  return Object.entries(ERROR_CODES)
    .map(([code, advice]) => `  ${code.padEnd(22)} ${advice}`)
    .join('\n');
}

/** Runs the command line and answers with the exit status; never throws for a user's mistake. */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  let status = EXIT_OK;
  const program = new Command()
    .name('gongwen')
    .description('Turn Chinese government notices (公文) in TXT, HTML, DOCX or PDF into typed JSON records.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (text) => streams.stdout.write(text), writeErr: (text) => streams.stderr.write(text) })
    .showHelpAfterError('(run gongwen --help for usage)');

  program
    .command('convert')
    .description('convert notices (files, directories walked for notice files, or glob patterns) into JSON records')
    .argument('<inputs...>', 'files, directories or glob patterns')
    .option('-o, --out <dir>', 'directory for the records (one <input file name>.json each) and manifest.jsonl', 'output')
    .option('--stdout', 'write records to standard output as JSON Lines instead of files (no manifest, no resuming)')
    .option('--format <format>', `also write ${JSONL_NAME} (jsonl) or ${CSV_NAME}, one row per task and unit (csv), into --out`, exportFormat, 'json')
    .option('-j, --jobs <n>', `worker threads (default: one per core, ${availableParallelism()} here)`, positiveInteger)
    .option('--timeout <seconds>', `time limit per document (default ${DEFAULT_TIMEOUT_MS / 1000})`, seconds)
    .option('--max-memory <megabytes>', `heap limit per worker (default ${DEFAULT_MAX_MEMORY_MB})`, positiveInteger)
    .option('--retry-failed', 'convert again the inputs that failed in an earlier run into the same --out')
    .option('--max-size <megabytes>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, megabytes)
    .option('-q, --quiet', 'print only failures and the summary')
    .addHelpText(
      'after',
      `\nExit status: 0 when every file converted, 1 when any failed (in this run or, unchanged, in an earlier one), 2 for a usage error.\n\nError codes:\n${errorCodeList()}\n`,
    )
    .action(async (args: string[], options: ConvertOptions) => {
      const { files, unmatched } = await expandInputs(args);
      for (const problem of unmatched) streams.stderr.write(`gongwen: ${problem}\n`);
      if (files.length === 0) {
        status = EXIT_USAGE;
        return;
      }
      if (options.stdout && options.format !== 'json') {
        streams.stderr.write('gongwen: --format jsonl and csv write into --out; --stdout already writes JSON Lines\n');
        status = EXIT_USAGE;
        return;
      }
      const started = performance.now();
      const outcomes: ConversionOutcome[] = [];
      const progress = new Progress(streams.stderr, files.length);
      const conversion = convertFiles(files, {
        ...(options.stdout ? {} : { outDir: options.out }),
        ...(options.maxSize === undefined ? {} : { maxBytes: options.maxSize }),
        ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
        ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
        ...(options.maxMemory === undefined ? {} : { maxMemoryMb: options.maxMemory }),
        retryFailed: options.retryFailed === true,
      });
      for await (const outcome of conversion) {
        outcomes.push(outcome);
        if (outcome.status === 'failed') {
          progress.line(`✗ ${outcome.input.path}: ${outcome.error!.code} ${outcome.error!.message}`);
        } else if (outcome.status === 'converted') {
          if (options.stdout) streams.stdout.write(outcome.json!);
          if (!options.quiet) progress.line(`✓ ${outcome.input.path}${outcome.output ? ` → ${outcome.output}` : ''}${describe(outcome)}`);
        } else if (!options.quiet) {
          progress.line(`- ${outcome.input.path}: unchanged, ${outcome.error ? `failed earlier (${outcome.error.code}; --retry-failed converts it again)` : `converted earlier → ${outcome.output}`}`);
        }
        progress.count(outcome);
      }
      progress.finish();
      if (!options.stdout && options.format !== 'json') {
        const manifest = await Manifest.open(options.out);
        try {
          const written = await writeExports(manifest, options.format);
          if (written !== undefined) streams.stderr.write(`wrote ${written}\n`);
        } finally {
          await manifest.close();
        }
      }
      streams.stderr.write(`${summary(outcomes, (performance.now() - started) / 1000)}\n`);
      if (outcomes.some((outcome) => outcome.error) || unmatched.length > 0) status = EXIT_FAILED;
    });

  program
    .command('schema')
    .description('print the JSON Schema of the records')
    .action(() => {
      streams.stdout.write(`${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      // `gongwen --help` asked for help; a bare `gongwen` (commander.help) did not say what to do.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      return EXIT_USAGE;
    }
    throw error;
  }
}

/** Entry point of the `gongwen` binary. */
export async function run(): Promise<void> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  });
  const stream = (target: NodeJS.WriteStream): Output => ({ write: (text) => void target.write(text), isTTY: target.isTTY === true });
  try {
    process.exitCode = await main(process.argv.slice(2), { stdout: stream(process.stdout), stderr: stream(process.stderr) });
  } catch (error) {
    process.stderr.write(`gongwen: internal error: ${(error as Error).message}\n`);
    process.exitCode = EXIT_FAILED;
  }
}
