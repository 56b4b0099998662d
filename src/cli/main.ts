import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { convertFiles, type ConversionOutcome } from '../batch/convert.js';
import { expandInputs } from '../batch/inputs.js';
import { DEFAULT_MAX_BYTES } from '../ingest/index.js';
import { ERROR_CODES } from '../model/errors.js';
import { noticeJsonSchema } from '../normalise/index.js';
import { VERSION } from '../version.js';

export interface Output {
  write(text: string): void;
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

function describe(outcome: ConversionOutcome): string {
  const record = outcome.record!;
  const facts = [record.docType, record.docNumber?.normalized, record.signDate].filter((fact) => fact !== null && fact !== undefined);
  if (record.tasks.length > 0) facts.push(`${record.tasks.length} tasks`);
  return facts.length > 0 ? ` (${facts.join(', ')})` : '';
}

function summary(outcomes: readonly ConversionOutcome[], seconds: number): string {
  const failed = outcomes.filter((outcome) => outcome.error);
  const byCode = new Map<string, number>();
  for (const outcome of failed) byCode.set(outcome.error!.code, (byCode.get(outcome.error!.code) ?? 0) + 1);
  const codes = [...byCode].map(([code, count]) => `${code} ×${count}`).join(', ');
  const converted = outcomes.length - failed.length;
  return `converted ${converted} of ${outcomes.length} files${failed.length > 0 ? `, ${failed.length} failed (${codes})` : ''} in ${seconds.toFixed(1)} s`;
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
    .option('-o, --out <dir>', 'directory for the records, one <input file name>.json each', 'output')
    .option('--stdout', 'write records to standard output as JSON Lines instead of files')
    .option('--max-size <megabytes>', `refuse files larger than this (default ${DEFAULT_MAX_BYTES / 1024 / 1024})`, megabytes)
    .option('-q, --quiet', 'print only failures and the summary')
    .addHelpText(
      'after',
      `\nExit status: 0 when every file converted, 1 when any failed, 2 for a usage error.\n\nError codes:\n${errorCodeList()}\n`,
    )
    .action(async (args: string[], options: { out: string; stdout?: boolean; maxSize?: number; quiet?: boolean }) => {
      const { files, unmatched } = await expandInputs(args);
      for (const problem of unmatched) streams.stderr.write(`gongwen: ${problem}\n`);
      if (files.length === 0) {
        status = EXIT_USAGE;
        return;
      }
      const started = performance.now();
      const outcomes: ConversionOutcome[] = [];
      const conversion = convertFiles(files, {
        ...(options.stdout ? {} : { outDir: options.out }),
        ...(options.maxSize === undefined ? {} : { maxBytes: options.maxSize }),
      });
      for await (const outcome of conversion) {
        outcomes.push(outcome);
        if (outcome.error) {
          streams.stderr.write(`✗ ${outcome.input.path}: ${outcome.error.code} ${outcome.error.message}\n`);
        } else {
          if (options.stdout) streams.stdout.write(`${JSON.stringify(outcome.record)}\n`);
          if (!options.quiet) streams.stderr.write(`✓ ${outcome.input.path}${outcome.output ? ` → ${outcome.output}` : ''}${describe(outcome)}\n`);
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
  const stream = (target: NodeJS.WriteStream): Output => ({ write: (text) => void target.write(text) });
  try {
    process.exitCode = await main(process.argv.slice(2), { stdout: stream(process.stdout), stderr: stream(process.stderr) });
  } catch (error) {
    process.stderr.write(`gongwen: internal error: ${(error as Error).message}\n`);
    process.exitCode = EXIT_FAILED;
  }
}
