import { result, type Result } from '../model/result.js';
import { decodeText } from './encoding.js';
import type { FormatReading } from './format.js';
import { blocksFromPlainText } from './text.js';

export async function readPlainText(bytes: Uint8Array): Promise<Result<FormatReading>> {
  const decoded = decodeText(bytes);
  return result({ blocks: blocksFromPlainText(decoded.text), encoding: decoded.encoding }, decoded.messages);
}
