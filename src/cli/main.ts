import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import { convertFiles, DEFAULT_MAX_MEMORY_MB, DEFAULT_OCR_PAGE_TIMEOUT_MS, DEFAULT_TIMEOUT_MS, type ConversionOutcome } from '../batch/convert.js';
import { CSV_NAME, EXPORT_FORMATS, JSONL_NAME, writeExports, type ExportFormat } from '../batch/exports.js';
import { Manifest } from '../batch/manifest.js';
import { Progress, type ProgressOutput } from './progress.js';
import { expandInputs } from '../batch/inputs.js';
import { DEFAULT_MAX_BYTES } from '../ingest/index.js';
import { asGongwenError, ERROR_CODES } from '../model/errors.js';
import { noticeJsonSchema } from '../normalise/index.js';
import { writeReport } from '../report/site.js';
import { VERSION } from '../version.js';

/** Where the command line writes: standard output or standard error (a terminal gets a live progress bar). */
export type Output = ProgressOutput;

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

interface ReportCommandOptions {
  out: string;
  gold?: string;
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
  /** False with --no-ocr. */
  ocr: boolean;
  ocrTimeout?: number;
}

function describe(outcome: ConversionOutcome): string {
  const summary = outcome.summary!;
  const facts = [summary.docType, summary.docNumber, summary.signDate].filter((fact) => fact !== null);
  if (summary.tasks > 0) facts.push(`${summary.tasks} tasks`);
  return facts.length > 0 ? ` (${facts.join(', ')})` : '';
}

/** Counts outcomes by status and failure code, for the summary; records themselves are not kept. */
class Tally {
  converted = 0;
  skipped = 0;
  failed = 0;
  private failedEarlier = 0;
  private total = 0;
  private readonly codes = new Map<string, number>();

  count(outcome: ConversionOutcome): void {
    this.total += 1;
    if (outcome.status === 'converted') this.converted += 1;
    if (outcome.status === 'skipped') this.skipped += 1;
    if (outcome.error === undefined) return;
    this.failed += 1;
    if (outcome.status === 'skipped') this.failedEarlier += 1;
    this.codes.set(outcome.error.code, (this.codes.get(outcome.error.code) ?? 0) + 1);
  }

  summary(seconds: number): string {
    const codes = [...this.codes].map(([code, count]) => `${code} ×${count}`).join(', ');
    const rate = this.converted / Math.max(seconds, 1e-3);
    return (
      `converted ${this.converted} of ${this.total} files` +
      (this.skipped > 0 ? `, ${this.skipped} skipped (unchanged since an earlier run)` : '') +
      (this.failed > 0 ? `, ${this.failed} failed (${codes})${this.failedEarlier > 0 ? `, ${this.failedEarlier} of them in an earlier run` : ''}` : '') +
      ` in ${seconds.toFixed(1)} s (${rate.toFixed(1)} docs/s)`
    );
  }
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
    .description('Turn Chinese government notices (公文) in TXT, HTML, DOCX, DOC/WPS, OFD or PDF (scanned too) into typed JSON records.')
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
    .option('--no-ocr', 'do not recognise scanned pages: a PDF with no text layer fails with E_NO_TEXT_LAYER')
    .option('--ocr-timeout <seconds>', `time added to a document's limit for each page it recognises by OCR (default ${DEFAULT_OCR_PAGE_TIMEOUT_MS / 1000})`, seconds)
    .option('--retry-failed', 'convert again the inputs that failed in an earlier run into the same --out')
    .option('--max-size <megabytes>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, megabytes)
    .option('-q, --quiet', 'print only failures and the summary')
    .addHelpText(
      'after',
      `\nExit status: 0 when every file converted, 1 when any failed (in this run or, unchanged, in an earlier one) or an input could not be read, 2 for a usage error.\n\nError codes:\n${errorCodeList()}\n`,
    )
    .action(async (args: string[], options: ConvertOptions) => {
      if (options.stdout && options.format !== 'json') {
        streams.stderr.write('gongwen: --format jsonl and csv write into --out; --stdout already writes JSON Lines\n');
        status = EXIT_USAGE;
        return;
      }
      const { files, unmatched } = await expandInputs(args);
      for (const problem of unmatched) streams.stderr.write(`gongwen: ${problem}\n`);
      if (files.length === 0) {
        status = EXIT_USAGE;
        return;
      }
      const started = performance.now();
      const tally = new Tally();
      const progress = new Progress(streams.stderr, files.length);
      try {
        const conversion = convertFiles(files, {
          ...(options.stdout ? {} : { outDir: options.out }),
          ...(options.maxSize === undefined ? {} : { maxBytes: options.maxSize }),
          ...(options.jobs === undefined ? {} : { jobs: options.jobs }),
          ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
          ...(options.maxMemory === undefined ? {} : { maxMemoryMb: options.maxMemory }),
          ...(options.ocrTimeout === undefined ? {} : { ocrPageTimeoutMs: options.ocrTimeout }),
          retryFailed: options.retryFailed === true,
          ocr: options.ocr,
          onProgress: (input, ocr) => progress.ocr(input.path, ocr),
        });
        for await (const outcome of conversion) {
          tally.count(outcome);
          if (outcome.status === 'failed') {
            progress.line(`✗ ${outcome.input.path}: ${outcome.error!.code} ${outcome.error!.message}`);
          } else if (outcome.status === 'converted') {
            if (options.stdout) streams.stdout.write(outcome.json!);
            if (!options.quiet) progress.line(`✓ ${outcome.input.path}${outcome.output ? ` → ${outcome.output}` : ''}${describe(outcome)}`);
          } else if (outcome.error) {
            progress.line(`✗ ${outcome.input.path}: unchanged, failed earlier: ${outcome.error.code} (--retry-failed converts it again)`);
          } else if (!options.quiet) {
            progress.line(`- ${outcome.input.path}: unchanged, converted earlier → ${outcome.output}`);
          }
          progress.count(outcome);
        }
        progress.finish();
        if (!options.stdout && options.format !== 'json') {
          const manifest = await Manifest.open(options.out);
          try {
            const written = await writeExports(manifest, options.format);
            for (const missing of written.missing) streams.stderr.write(`gongwen: ${missing} is listed as converted but is gone; left out of the export (convert its input again)\n`);
            streams.stderr.write(`wrote ${written.path}\n`);
            if (written.missing.length > 0) status = EXIT_FAILED;
          } finally {
            await manifest.close();
          }
        }
      } catch (error) {
        // The output folder cannot be used (held by another run, not writable): say so, no stack trace.
        progress.finish();
        const failure = asGongwenError(error);
        streams.stderr.write(`gongwen: ${failure.code} ${failure.message}\n`);
        status = EXIT_FAILED;
      }
      streams.stderr.write(`${tally.summary((performance.now() - started) / 1000)}\n`);
      if (tally.failed > 0 || unmatched.length > 0) status = EXIT_FAILED;
    });

  program
    .command('schema')
    .description('print the JSON Schema of the records')
    .action(() => {
      streams.stdout.write(`${JSON.stringify(noticeJsonSchema(), null, 2)}\n`);
    });

  program
    .command('report')
    .description('write a static review site: an index of the records and one page per document with every finding highlighted')
    .argument('<records...>', 'record .json files, records.jsonl streams, folders of them, or an output folder of convert (its failures are listed too)')
    .option('-o, --out <dir>', 'directory for the site (index.html and docs/)', 'report')
    .option('--gold <dir>', 'folder of gold cards: mark what each record missed and found falsely, by the scoring rules')
    .addHelpText('after', '\nOpen <out>/index.html in a browser; the site needs no server and no network.\nExit status: 0 when every input was shown, 1 when any could not be read (the rest are shown) or nothing could be, 2 for a usage error.\n')
    .action(async (inputs: string[], options: ReportCommandOptions) => {
      try {
        const summary = await writeReport({ inputs, outDir: options.out, ...(options.gold === undefined ? {} : { goldDir: options.gold }) });
        for (const problem of summary.problems) streams.stderr.write(`gongwen: ${problem.code} ${problem.message}\n`);
        const reviewed = options.gold === undefined ? '' : `, ${summary.reviewed} with a gold card`;
        streams.stderr.write(`wrote ${summary.index} (${summary.documents} documents, ${summary.failures} failed conversions${reviewed})\n`);
        if (summary.problems.length > 0) status = EXIT_FAILED;
      } catch (error) {
        const failure = asGongwenError(error);
        streams.stderr.write(`gongwen: ${failure.code} ${failure.message}\n`);
        status = EXIT_FAILED;
      }
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
