import { foldLookalikes } from '../ingest/characters.js';
import type { SourceBlock } from '../model/document.js';

/**
 * Folds look-alike characters (radicals for ideographs, invisible format characters) in every
 * block, first, so that the furniture and chrome rules and everything after them read the
 * words as written.
 */
export function foldBlockText(blocks: readonly SourceBlock[]): SourceBlock[] {
  return blocks.map((block) => {
    switch (block.kind) {
      case 'paragraph':
        return { ...block, text: foldLookalikes(block.text) };
      case 'table':
        return { ...block, rows: block.rows.map((row) => row.map((cell) => ({ ...cell, text: foldLookalikes(cell.text) }))) };
      case 'metadata':
        return { ...block, entries: block.entries.map(({ label, value }) => ({ label: foldLookalikes(label), value: foldLookalikes(value) })) };
    }
  });
}
