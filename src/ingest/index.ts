import { createHash } from 'node:crypto';
import type { IngestedDocument, SourceFormat, SourceInfo } from '../model/document.js';
import { GongwenError, type ErrorCode } from '../model/errors.js';
import { warning, type Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import { readDoc } from './doc.js';
import { readDocx } from './docx.js';
import type { FormatReader, FormatReading } from './format.js';
import { readHtml } from './html.js';
import { readOfd } from './ofd.js';
import type { OcrOptions } from './ocr/index.js';
import { readPdf } from './pdf.js';
import { readPlainText } from './plain-text.js';
import { kindFromFileName, sniffFormat, type SniffedKind } from './sniff.js';
import { packageFormat } from './zip-package.js';

export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

export interface IngestOptions extends OcrOptions {
  /** Name of the file the bytes came from: reported in the record; its extension is only a hint. */
  fileName?: string;
  /** Larger inputs are refused with E_FILE_TOO_LARGE (default 100 MiB). */
  maxBytes?: number;
}

// PDF is read apart: it alone takes options (OCR).
const READERS: Readonly<Record<Exclude<SourceFormat, 'pdf'>, FormatReader>> = {
  text: readPlainText,
  html: readHtml,
  docx: readDocx,
  doc: readDoc,
  ofd: readOfd,
};

const FORMAT_OF_KIND: Partial<Record<SniffedKind, (bytes: Uint8Array) => SourceFormat>> = {
  text: () => 'text',
  html: () => 'html',
  // A ZIP is a DOCX or an OFD by what its directory holds.
  zip: packageFormat,
  pdf: () => 'pdf',
  ole: () => 'doc',
};

/** The extensions whose name on a file of unknown bytes means a damaged file of that format. */
const DAMAGED_FORMAT_OF_EXTENSION: Readonly<Record<string, { code: ErrorCode; article: 'a' | 'an'; name: string; signature: string }>> = {
  pdf: { code: 'E_CORRUPT_PDF', article: 'a', name: 'PDF', signature: 'a PDF header' },
  docx: { code: 'E_CORRUPT_DOCX', article: 'a', name: 'DOCX', signature: 'a ZIP signature' },
  ofd: { code: 'E_CORRUPT_OFD', article: 'an', name: 'OFD', signature: 'a ZIP signature' },
  doc: { code: 'E_CORRUPT_DOC', article: 'a', name: 'DOC', signature: 'an OLE signature' },
  wps: { code: 'E_CORRUPT_DOC', article: 'a', name: 'WPS', signature: 'an OLE signature' },
};

function extensionOf(fileName: string | undefined): string | undefined {
  return fileName === undefined ? undefined : /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
}

export function describeSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${bytes} bytes`;
}

/** Reads a notice in any supported format into blocks of text, sniffing the format from the bytes. */
export async function ingest(bytes: Uint8Array, options: IngestOptions = {}): Promise<Result<IngestedDocument>> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length === 0) throw new GongwenError('E_EMPTY_FILE', 'the file is empty (0 bytes)');
  if (bytes.length > maxBytes) {
    throw new GongwenError('E_FILE_TOO_LARGE', `the file is ${describeSize(bytes.length)}, over the limit of ${describeSize(maxBytes)}`, {
      details: { bytes: bytes.length, maxBytes },
    });
  }

  const sniffed = sniffFormat(bytes);
  const format = FORMAT_OF_KIND[sniffed.kind]?.(bytes);
  const hinted = options.fileName === undefined ? undefined : kindFromFileName(options.fileName);
  if (format === undefined) {
    // Bytes of no known format under the name of a format gongwen reads are that file damaged
    // (a broken download, a disk error) far more often than another format: say so.
    const extension = extensionOf(options.fileName);
    const damaged = sniffed.kind === 'binary' && extension !== undefined ? DAMAGED_FORMAT_OF_EXTENSION[extension] : undefined;
    if (damaged !== undefined) {
      throw new GongwenError(damaged.code, `the file is named like ${damaged.article} ${damaged.name} but holds ${sniffed.description} without ${damaged.signature}`, {
        details: { detected: sniffed.kind, expected: hinted },
      });
    }
    throw new GongwenError('E_UNSUPPORTED_FORMAT', `the content is ${sniffed.description}, which gongwen does not read`, {
      details: { detected: sniffed.kind },
    });
  }

  const messages: Message[] = [];
  if (hinted !== undefined && hinted !== sniffed.kind) {
    messages.push(
      warning('ingest:format-mismatch', `the file name suggests ${hinted} but the content is ${sniffed.description}; read as ${format}`, {
        found: sniffed.kind,
        expected: hinted,
      }),
    );
  }

  const reading: Result<FormatReading & { ocrPages?: number[] }> = format === 'pdf' ? await readPdf(bytes, options) : await READERS[format](bytes);
  messages.push(...reading.messages);
  const { blocks, encoding, pages, stamps, ocrPages } = reading.value;
  if (!blocks.some((block) => block.kind !== 'paragraph' || block.text.trim() !== '')) {
    throw new GongwenError('E_NO_TEXT', `the file (${sniffed.description}) contains no text`);
  }

  const source: SourceInfo = {
    format,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
  if (options.fileName !== undefined) source.fileName = options.fileName;
  if (encoding !== undefined) source.encoding = encoding;
  if (pages !== undefined) source.pages = pages;
  if (stamps !== undefined && stamps.length > 0) source.stamps = stamps;
  if (ocrPages !== undefined) source.ocrPages = ocrPages;
  return result({ source, blocks }, messages);
}

export { sniffFormat } from './sniff.js';
export type { Sniffed, SniffedKind } from './sniff.js';
export { decodeText } from './encoding.js';
