/**
 * What the bytes are, whatever the file is called. Containers (ZIP, OLE) are only named here;
 * the ingestor that opens them decides what is inside.
 */
export type SniffedKind = 'pdf' | 'zip' | 'ole' | 'html' | 'text' | 'image' | 'rtf' | 'binary';

export interface Sniffed {
  kind: SniffedKind;
  /** What the bytes are, as a phrase with its article ("a PNG image", "binary data"), for messages. */
  description: string;
}

const HEAD_BYTES = 4096;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i += 1) {
    for (let j = 0; j < needle.length; j += 1) {
      if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    }
    return i;
  }
  return -1;
}

const IMAGE_SIGNATURES: ReadonlyArray<[readonly number[], string]> = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x49, 0x49, 0x2a, 0x00], 'a TIFF image'],
  [[0x4d, 0x4d, 0x00, 0x2a], 'a TIFF image'],
  [[0x42, 0x4d], 'a BMP image'],
];

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|meta|title|div|p|span|table|br|h[1-6]|section|article|font|center|style|script)\b/i;

/** Reads the start of a text file as UTF-16 (when it says so) or as ASCII-compatible bytes. */
function headAsText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (startsWith(head, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(head);
  if (startsWith(head, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(head);
  return new TextDecoder('latin1').decode(head);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false;
  const head = bytes.subarray(0, HEAD_BYTES);
  let controls = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls += 1;
  }
  return controls > head.length * 0.05;
}

/**
 * pdf.js accepts a header anywhere in the first kilobyte, as some producers prepend blank lines
 * or a byte-order mark; but a text or web page may mention "%PDF-" too, so nothing else may
 * precede it.
 */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const header = indexOfAscii(bytes, '%PDF-', 1024);
  if (header < 0) return false;
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  return bytes.subarray(start, header).every((byte) => byte <= 0x20);
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (hasPdfHeader(bytes)) return { kind: 'pdf', description: 'a PDF document' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: 'zip', description: 'a ZIP package' };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return { kind: 'ole', description: 'an OLE compound file (Word 97–2003 .doc, .wps, .xls …)' };
  }
  for (const [signature, description] of IMAGE_SIGNATURES) {
    if (startsWith(bytes, signature)) return { kind: 'image', description };
  }
  if (indexOfAscii(bytes, '{\\rtf', 8) === 0) return { kind: 'rtf', description: 'an RTF document' };
  if (looksBinary(bytes)) return { kind: 'binary', description: 'binary data' };
  const head = headAsText(bytes).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (head.startsWith('<') && HTML_TAG.test(head)) return { kind: 'html', description: 'an HTML page' };
  return { kind: 'text', description: 'plain text' };
}

const EXTENSION_KINDS: Readonly<Record<string, SniffedKind>> = {
  pdf: 'pdf',
  docx: 'zip',
  ofd: 'zip',
  html: 'html',
  htm: 'html',
  shtml: 'html',
  xhtml: 'html',
  txt: 'text',
  text: 'text',
  md: 'text',
  doc: 'ole',
  wps: 'ole',
};

/** The kind a file name suggests, or undefined when the extension says nothing we know. */
export function kindFromFileName(fileName: string): SniffedKind | undefined {
  const match = /\.([a-z0-9]+)$/i.exec(fileName);
  return match ? EXTENSION_KINDS[match[1]!.toLowerCase()] : undefined;
}
