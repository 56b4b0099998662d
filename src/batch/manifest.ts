import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
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

export const MANIFEST_NAME = 'manifest.jsonl';
const TEMPORARY_DIR = '.gongwen-tmp';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The run's memory across runs: one JSON line per input per run, appended as each input
 * finishes, so a run killed part-way loses at most the line it was writing (which the next run
 * ignores). The latest line for a path is what counts.
 */
export class Manifest {
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    readonly outDir: string,
    private readonly latest: Map<string, ManifestEntry>,
    private readonly handle: FileHandle,
  ) {}

  static async open(outDir: string): Promise<Manifest> {
    const path = join(outDir, MANIFEST_NAME);
    try {
      await mkdir(outDir, { recursive: true });
      // Records half-written by a run that was killed are in the temporary folder: drop them.
      await rm(join(outDir, TEMPORARY_DIR), { recursive: true, force: true });
      const latest = new Map<string, ManifestEntry>();
      const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? '' : Promise.reject(error)));
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        try {
          const entry = JSON.parse(line) as ManifestEntry;
          latest.set(entry.path, entry);
        } catch {
          // The last line of a killed run may be cut short; the input it named is simply done again.
        }
      }
      return new Manifest(outDir, latest, await open(path, 'a'));
    } catch (error) {
      throw new GongwenError('E_WRITE_FAILED', `cannot open the manifest ${path}: ${(error as Error).message}`, { cause: error });
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

  append(entry: ManifestEntry): Promise<void> {
    this.latest.set(entry.path, entry);
    this.writing = this.writing.then(() => this.handle.appendFile(`${JSON.stringify(entry)}\n`));
    return this.writing;
  }

  async close(): Promise<void> {
    await this.writing;
    await this.handle.close();
    await rm(join(this.outDir, TEMPORARY_DIR), { recursive: true, force: true });
  }

  /**
   * Writes a file so that it is either absent or whole: into the temporary folder first, then
   * renamed into place (a rename within one file system is atomic).
   */
  async writeAtomically(relativePath: string, content: string | AsyncIterable<string>): Promise<string> {
    const target = join(this.outDir, relativePath);
    const temporary = join(this.outDir, TEMPORARY_DIR, `${process.pid}-${Math.random().toString(36).slice(2)}`);
    try {
      await mkdir(dirname(temporary), { recursive: true });
      await mkdir(dirname(target), { recursive: true });
      if (typeof content === 'string') {
        await writeFile(temporary, content);
      } else {
        const file = await open(temporary, 'w');
        try {
          for await (const piece of content) await file.write(piece);
        } finally {
          await file.close();
        }
      }
      await rename(temporary, target);
      return target;
    } catch (error) {
      await rm(temporary, { force: true });
      throw new GongwenError('E_WRITE_FAILED', `cannot write ${target}: ${(error as Error).message}`, { cause: error });
    }
  }
}
