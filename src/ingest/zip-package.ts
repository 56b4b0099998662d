import type { SourceFormat } from '../model/document.js';
import { DOCX_PACKAGE, readCentralDirectory } from './zip-limits.js';

/** GB/T 33190 7.4: every OFD package has this entry file at its root. */
export const OFD_ENTRY = 'OFD.xml';

const LOCAL_HEADER_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const LOCAL_HEADER_LENGTH = 30;

/**
 * The names of the local file headers, found by their signature: what is left to go by when
 * the central directory is cut off or damaged.
 */
function localHeaderNames(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const names: string[] = [];
  for (let at = buffer.indexOf(LOCAL_HEADER_SIGNATURE); at >= 0; at = buffer.indexOf(LOCAL_HEADER_SIGNATURE, at + 4)) {
    if (at + LOCAL_HEADER_LENGTH > buffer.length) break;
    const nameLength = buffer.readUInt16LE(at + 26);
    names.push(buffer.toString('utf8', at + LOCAL_HEADER_LENGTH, Math.min(buffer.length, at + LOCAL_HEADER_LENGTH + nameLength)));
  }
  return names;
}

function entryNames(bytes: Uint8Array): string[] {
  try {
    return readCentralDirectory(bytes, DOCX_PACKAGE).entries.map((entry) => entry.name);
  } catch {
    return localHeaderNames(bytes);
  }
}

/**
 * A ZIP package is an OFD when `OFD.xml` sits at its root, and otherwise goes to the DOCX reader,
 * which says what else it is (a workbook, an archive). A damaged package is judged by the names
 * its local headers still give, so that a broken OFD is reported as a broken OFD.
 */
export function packageFormat(bytes: Uint8Array): SourceFormat {
  return entryNames(bytes).includes(OFD_ENTRY) ? 'ofd' : 'docx';
}
