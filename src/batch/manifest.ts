import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GongwenError, type ErrorCode } from '../model/errors.js';

/** One line of `<out>/manifest.jsonl`: what happened to one input in one run. */
export interface ManifestEntry {
  /** The input's absolute path. */
  path: string;
  size: number;
  sha256: string;
  status: 'converted' | 'failed';
  /** The record's path relative to the output directory. */
  output?: string;
  code?: ErrorCode;
  message?: string;
  milliseconds: number;
  /** When the entry was written (ISO 8601). */
  at: string;
}

const MANIFEST_NAME = 'manifest.jsonl';
const TEMPORARY_DIR = '.gongwen-tmp';
const LOCK_NAME = '.gongwen-lock';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function writeFailed(what: string, error: unknown): GongwenError {
  return new GongwenError('E_WRITE_FAILED', `cannot write ${what}: ${(error as Error).message}`, { cause: error });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims the output folder for this run; a lock left by a run that no longer lives is taken over. */
async function lock(outDir: string): Promise<void> {
  const path = join(outDir, LOCK_NAME);
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(await readFile(path, 'utf8').catch(() => ''));
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
        throw new GongwenError('E_WRITE_FAILED', `another gongwen run (process ${holder}) is writing into ${outDir}`);
      }
      await rm(path, { force: true });
    }
  }
}

/**
 * The text of a manifest as the latest entry per input path (a later line for a path replaces
 * an earlier one). Lines that are not JSON are skipped: the last line of a killed run may be cut
 * short, and the input it named is simply done again. Entries are parsed, not validated.
 */
export function latestManifestEntries(text: string): Map<string, ManifestEntry> {
  const latest = new Map<string, ManifestEntry>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const entry = JSON.parse(line) as ManifestEntry;
      latest.set(entry.path, entry);
    } catch {
      // Cut short by a killed run.
    }
  }
  return latest;
}

/**
 * The run's memory across runs: one JSON line per input per run, appended as each input
 * finishes, so a run killed part-way loses at most the line it was writing (which the next run
 * ignores). The latest line for a path is what counts. One run at a time holds an output folder.
 */
export class Manifest {
  private writing: Promise<void> = Promise.resolve();
  /** Which input each record file belongs to: the last path converted into it. */
  private readonly owners = new Map<string, string>();

  private constructor(
    readonly outDir: string,
    private readonly latest: Map<string, ManifestEntry>,
    private readonly handle: FileHandle,
  ) {
    for (const entry of latest.values()) if (entry.status === 'converted' && entry.output !== undefined) this.owners.set(entry.output, entry.path);
  }

  static async open(outDir: string): Promise<Manifest> {
    const path = join(outDir, MANIFEST_NAME);
    try {
      await mkdir(outDir, { recursive: true });
      await lock(outDir);
      // Records half-written by a run that was killed are in the temporary folder: drop them.
      await rm(join(outDir, TEMPORARY_DIR), { recursive: true, force: true });
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
      const latest = latestManifestEntries(text);
      const handle = await open(path, 'a');
      // A line cut short must not swallow the first line this run appends.
      if (text !== '' && !text.endsWith('\n')) await handle.appendFile('\n');
      return new Manifest(outDir, latest, handle);
    } catch (error) {
      if (error instanceof GongwenError) throw error;
      throw writeFailed(`the manifest ${path}`, error);
    }
  }

  /** The last entry written for an input, in this run or an earlier one. */
  entry(path: string): ManifestEntry | undefined {
    return this.latest.get(path);
  }

  /** Every input's last entry. */
  entries(): ManifestEntry[] {
    return [...this.latest.values()];
  }

  /** The input whose record a file in the output folder is, if any. */
  ownerOf(output: string): string | undefined {
    return this.owners.get(output);
  }

  append(entry: ManifestEntry): Promise<void> {
    this.latest.set(entry.path, entry);
    if (entry.status === 'converted' && entry.output !== undefined) this.owners.set(entry.output, entry.path);
    const written = this.writing.then(() => this.handle.appendFile(`${JSON.stringify(entry)}\n`)).catch((error: unknown) => Promise.reject(writeFailed(join(this.outDir, MANIFEST_NAME), error)));
    // One failed line fails its own input, not every line after it.
    this.writing = written.catch(() => undefined);
    return written;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.handle.close();
    await rm(join(this.outDir, TEMPORARY_DIR), { recursive: true, force: true });
    await rm(join(this.outDir, LOCK_NAME), { force: true });
  }

  /** Removes a record file that no longer stands for its input (the input changed and now fails). */
  async remove(output: string): Promise<void> {
    this.owners.delete(output);
    await rm(join(this.outDir, output), { force: true });
  }

  /**
   * Writes a file so that it is either absent or whole: into the temporary folder first, synced
   * to the disk, then renamed into place (a rename within one file system is atomic).
   */
  async writeAtomically(relativePath: string, content: string | AsyncIterable<string>): Promise<string> {
    const target = join(this.outDir, relativePath);
    const temporary = join(this.outDir, TEMPORARY_DIR, `${process.pid}-${Math.random().toString(36).slice(2)}`);
    try {
      await mkdir(dirname(temporary), { recursive: true });
      await mkdir(dirname(target), { recursive: true });
      const file = await open(temporary, 'w');
      try {
        if (typeof content === 'string') await file.writeFile(content);
        else for await (const piece of content) await file.write(piece);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, target);
      return target;
    } catch (error) {
      await rm(temporary, { force: true });
      throw writeFailed(target, error);
    }
  }
}
