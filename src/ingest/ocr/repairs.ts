import type { SourceBlock } from '../../model/document.js';

/**
 * Mistakes OCR makes in a predictable way, undone in the text of the blocks it read. Only what
 * is unambiguous is repaired; everything else stays as read, marked by its confidence.
 */

// The year of a document number (东质强办〔2013〕41号) is set in tortoise-shell brackets, which
// the recogniser reads as any bracket it knows, and the closing one now and then twice.
const DOCUMENT_NUMBER_YEAR = /[[【〔［(（]\s*(\d{4})\s*[\]】〕］)）]{1,2}\s*(?=\d{1,4}\s*号)/gu;

function repaired(text: string): string {
  return text.replace(DOCUMENT_NUMBER_YEAR, '〔$1〕');
}

/** The block with its text repaired, when OCR read it. */
export function repairRecognisedBlock(block: SourceBlock): SourceBlock {
  if (block.kind === 'paragraph' && block.ocr !== undefined) return { ...block, text: repaired(block.text) };
  if (block.kind === 'table' && block.ocr !== undefined) {
    return { ...block, rows: block.rows.map((row) => row.map((cell) => ({ ...cell, text: repaired(cell.text) }))) };
  }
  return block;
}
