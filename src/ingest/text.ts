import type { SourceBlock, SourceCell } from '../model/document.js';
import { isPageNumberLine } from './lexicon/furniture.js';

// Many plain-text exports are Markdown: `## 一、指导思想`, `- 附件：…`. The marks are markup,
// not words of the notice, so they become hints and leave the text.
const MARKDOWN_HEADING = /^(#{1,6})\s+(?=\S)/;
const MARKDOWN_BULLET = /^[-*+]\s+(?=\S)/;
const TABLE_CELL_SEPARATOR = '\t';

function isTableRow(line: string): boolean {
  return line.split(TABLE_CELL_SEPARATOR).filter((cell) => cell.trim() !== '').length >= 2;
}

function tableRow(line: string): SourceCell[] {
  return line.split(TABLE_CELL_SEPARATOR).map((cell) => ({ text: cell.trim() }));
}

function paragraphFromLine(line: string): SourceBlock | undefined {
  let text = line.trim();
  if (text === '') return undefined;
  const heading = MARKDOWN_HEADING.exec(text);
  if (heading) {
    return { kind: 'paragraph', text: text.slice(heading[0].length).trim(), style: { heading: heading[1]!.length } };
  }
  if (MARKDOWN_BULLET.test(text) && !isPageNumberLine(text)) text = text.replace(MARKDOWN_BULLET, '');
  return { kind: 'paragraph', text };
}

/**
 * Plain text: one paragraph per line; runs of tab-separated lines are tables (blank lines
 * between rows do not end a table, as exports often double-space them).
 */
export function blocksFromPlainText(text: string): SourceBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  // Index of the next line with text at or after each line, for looking past blank lines.
  const nextWithText = new Array<number>(lines.length + 1).fill(lines.length);
  for (let i = lines.length - 1; i >= 0; i -= 1) nextWithText[i] = lines[i]!.trim() === '' ? nextWithText[i + 1]! : i;
  const blocks: SourceBlock[] = [];
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (line.includes(TABLE_CELL_SEPARATOR) && isTableRow(line)) {
      const rows: SourceCell[][] = [];
      while (index < lines.length) {
        const current = lines[index]!;
        if (current.trim() === '') {
          const next = lines[nextWithText[index]!];
          if (next === undefined || !isTableRow(next)) break;
        } else if (isTableRow(current)) {
          rows.push(tableRow(current));
        } else {
          break;
        }
        index += 1;
      }
      blocks.push({ kind: 'table', rows });
      continue;
    }
    const paragraph = paragraphFromLine(line);
    if (paragraph) blocks.push(paragraph);
    index += 1;
  }
  return blocks;
}
