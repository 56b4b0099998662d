import type { SourceBlock, Stamp } from '../model/document.js';
import type { Result } from '../model/result.js';

/** What one format's reader returns; `ingest` adds what is common (size, hash, file name). */
export interface FormatReading {
  blocks: SourceBlock[];
  /** Character encoding the text was decoded from, for formats that have one. */
  encoding?: string;
  /** Page count, for paged formats. */
  pages?: number;
  /** Seals placed on the pages, for formats that record them. */
  stamps?: Stamp[];
}

export type FormatReader = (bytes: Uint8Array) => Promise<Result<FormatReading>>;
