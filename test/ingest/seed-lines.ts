import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceBlock } from '../../src/model/document.js';
import { fixturesDir } from '../helpers.js';

/**
 * The seed notices as fixtures in every format (scripts/fixtures/), with the plain-text render
 * of each as the expected reading of the typeset ones: the same paragraphs, one per line.
 */
export const noticesDir = join(fixturesDir, 'notices');
export const SEEDS = ['seed-000', 'seed-001'] as const;

export function compact(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** The seed's lines without white space, tables as rows of cells joined by tabs. */
export function expectedLines(seed: string): string[] {
  const text = new TextDecoder('gb18030').decode(readFileSync(join(noticesDir, `${seed}.txt`)));
  return text
    .split(/\r?\n/)
    .map((line) => line.split('\t').map(compact).join('\t'))
    .filter((line) => line !== '');
}

/** What a reader made of the seed, in the same form as `expectedLines`. */
export function readLines(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'paragraph') return [compact(block.text)];
    if (block.kind === 'table') return block.rows.map((row) => row.map((cell) => compact(cell.text)).join('\t'));
    return [];
  });
}
