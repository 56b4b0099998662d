import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions of notices that a directory walk picks up; files named explicitly are always read. */
export const NOTICE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.htm', '.html', '.shtml', '.xhtml', '.docx', '.pdf']);

export interface InputFile {
  /** Path as the user can find it (relative to the working directory where possible). */
  path: string;
  /** Path relative to the argument it came from, used to name the output. */
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

/**
 * Files, directories (walked recursively for notice files) and glob patterns, in the order
 * given, each file once.
 */
export async function expandInputs(args: readonly string[], cwd = process.cwd()): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, outputName: string): void => {
    const absolute = resolve(cwd, path);
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ path, outputName });
  };
  for (const arg of args) {
    if (isDynamicPattern(arg)) {
      const matches = await glob(arg, { cwd, onlyFiles: true, dot: false });
      if (matches.length === 0) unmatched.push(`${arg}: no file matches the pattern`);
      for (const match of matches.sort()) add(match, match.split(/[\\/]/).pop()!);
      continue;
    }
    const info = await stat(resolve(cwd, arg)).catch(() => undefined);
    if (info === undefined) {
      unmatched.push(`${arg}: no such file or directory`);
    } else if (info.isDirectory()) {
      const found = await walk(resolve(cwd, arg));
      if (found.length === 0) unmatched.push(`${arg}: no notice files (${[...NOTICE_EXTENSIONS].join(' ')}) in the directory`);
      for (const path of found) add(relative(cwd, path) || path, relative(resolve(cwd, arg), path));
    } else {
      add(arg, arg.split(/[\\/]/).pop()!);
    }
  }
  return { files, unmatched };
}
