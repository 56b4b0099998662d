import { readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions of notices that a directory walk picks up; files named explicitly are always read. */
export const NOTICE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.htm', '.html', '.shtml', '.xhtml', '.docx', '.pdf']);

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
  /** Arguments that matched nothing, with the reason. */
  unmatched: string[];
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && NOTICE_EXTENSIONS.has(extensionOf(entry.name))) found.push(path);
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
      const found = await walk(resolve(cwd, arg));
      if (found.length === 0) unmatched.push(`${arg}: no notice files (${[...NOTICE_EXTENSIONS].join(' ')}) in the directory`);
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
