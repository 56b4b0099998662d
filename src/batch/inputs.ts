import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions of notices that a directory walk picks up; files named explicitly are always read. */
export const NOTICE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.htm', '.html', '.shtml', '.xhtml', '.docx', '.doc', '.wps', '.pdf', '.ofd']);

export interface InputFile {
  /** Path as given or found, relative to the working directory where it was found so. */
  path: string;
  /**
   * Path relative to the deepest folder that holds every input: the name of its record, unique
   * across the run (a/x.txt and b/x.txt become a/x.txt and b/x.txt, one file just its name).
   */
  outputName: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  /**
   * Arguments that matched nothing, and parts of the trees they name that could not be walked
   * (symbolic-link loops, broken links, unreadable folders), each with the reason.
   */
  unmatched: string[];
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** Why a walk could not read part of a tree, as a note for `unmatched`. */
function walkProblem(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return `${path}: a symbolic link that leads back to itself; skipped`;
  if (code === 'ENOENT') return `${path}: a symbolic link to nothing; skipped`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied; skipped`;
  return `${path}: cannot be read (${(error as Error).message.split('\n')[0]}); skipped`;
}

/**
 * Walks a directory for notice files, following symbolic links. Each directory is walked once
 * by its real path, so a link back to a folder above it cannot send the walk round forever and
 * two links to one folder do not list its files twice; a loop, a broken link or an unreadable
 * folder is noted and the walk goes on.
 */
async function walk(directory: string, notes: string[], walked: Set<string>, ancestors: readonly string[] = []): Promise<string[]> {
  let real: string;
  let entries: Dirent[];
  try {
    real = await realpath(directory);
    if (ancestors.includes(real)) {
      notes.push(`${directory}: a symbolic link back to ${real}, which holds it (a loop); skipped`);
      return [];
    }
    // Reached before through another link: its files are listed already.
    if (walked.has(real)) return [];
    walked.add(real);
    entries = await readdir(directory, { withFileTypes: true });
  } catch (error) {
    notes.push(walkProblem(directory, error));
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const target = await stat(path).catch((error: unknown) => {
        // A broken link matters only where it would have been read.
        if ((error as NodeJS.ErrnoException).code === 'ELOOP' || NOTICE_EXTENSIONS.has(extensionOf(entry.name))) notes.push(walkProblem(path, error));
        return undefined;
      });
      isDirectory = target?.isDirectory() ?? false;
      isFile = target?.isFile() ?? false;
    }
    if (isDirectory) found.push(...(await walk(path, notes, walked, [...ancestors, real])));
    else if (isFile && NOTICE_EXTENSIONS.has(extensionOf(entry.name))) found.push(path);
  }
  return found;
}

function commonFolder(paths: readonly string[]): string {
  let common = dirname(paths[0]!);
  for (const path of paths.slice(1)) {
    while (common !== dirname(common) && !path.startsWith(common.endsWith(sep) ? common : common + sep)) common = dirname(common);
  }
  return common;
}

/**
 * Files, directories (walked recursively for notice files) and glob patterns, in the order
 * given, each file once.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const paths: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (path: string): void => {
    const absolute = resolve(cwd, path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    paths.push(path);
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, onlyFiles: true, dot: false });
      if (matches.length === 0) unmatched.push(`${arg}: no file matches the pattern`);
      for (const match of matches.sort()) add(match);
      continue;
    }
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    if (info === undefined) {
      unmatched.push(`${arg}: no such file or directory`);
    } else if (info.isDirectory()) {
      const notes = unmatched.length;
      const found = await walk(resolve(cwd, arg), unmatched, new Set());
      if (found.length === 0 && unmatched.length === notes) unmatched.push(`${arg}: no notice files (${[...NOTICE_EXTENSIONS].join(' ')}) in the directory`);
      for (const path of found) add(relative(cwd, path) || path);
    } else {
      add(arg);
    }
  }
  if (paths.length === 0) return { files: [], unmatched };
  const absolute = paths.map((path) => resolve(cwd, path));
  const root = commonFolder(absolute);
  return { files: paths.map((path, i) => ({ path, outputName: relative(root, absolute[i]!) })), unmatched };
}
