import type { Block, Part } from '../model/document.js';

/**
 * Divides the document into the notice (with any document it encloses), the attachment parts
 * that 附件 labels open, and the 版记. Content after a 版记 belongs to an unlabelled attachment,
 * since GB/T 9704-2012 7.4 puts the 版记 last.
 */
export function divideIntoParts(blocks: readonly Block[], text: string): Part[] {
  const parts: Part[] = [];
  let current: Part | undefined;
  const open = (part: Part): void => {
    if (current) parts.push(current);
    current = part;
  };
  for (const block of blocks) {
    if (block.type === 'attachment') {
      open({ kind: 'attachment', span: [block.span[0], block.span[1]], label: block.label });
    } else if (block.type === 'record' && current?.kind !== 'record') {
      open({ kind: 'record', span: [block.span[0], block.span[1]] });
    } else if (block.type !== 'record' && current?.kind === 'record') {
      open({ kind: 'attachment', span: [block.span[0], block.span[1]] });
    } else if (current === undefined) {
      open({ kind: 'main', span: [block.span[0], block.span[1]] });
    }
    current!.span = [current!.span[0], block.span[1]];
  }
  if (current) parts.push(current);
  if (parts.length === 0) parts.push({ kind: 'main', span: [0, text.length] });
  return parts;
}
