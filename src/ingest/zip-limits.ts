import { inflateRawSync } from 'node:zlib';
import { GongwenError, type ErrorCode } from '../model/errors.js';

/**
 * Limits on what a ZIP package may inflate to, checked from its central directory before any
 * part is inflated. Word packs its XML parts 5–20 times and its media hardly at all; DEFLATE
 * cannot exceed about 1032:1, and a ZIP bomb needs ratios in the hundreds to do harm, so:
 * - a part that grows more than MAX_RATIO times is refused, once it is larger than
 *   RATIO_GRACE_BYTES (a small part does no harm however well it packs; Apache POI's
 *   ZipSecureFile uses the same 1:100 ratio with a grace size for the same reason);
 * - the parts together may not exceed MAX_INFLATED_BYTES: the largest genuine notices, with
 *   scanned attachments, stay in the tens of MiB, and XML this large would already need
 *   gigabytes once mammoth has parsed it into a tree.
 */
export const MAX_INFLATED_BYTES = 512 * 1024 * 1024;
export const MAX_RATIO = 100;
export const RATIO_GRACE_BYTES = 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const DEFLATE = 8;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;

/** The codes a package format answers with when its ZIP is damaged or would inflate too far. */
export interface PackageCodes {
  corrupt: ErrorCode;
  tooLarge: ErrorCode;
}

export const DOCX_PACKAGE: PackageCodes = { corrupt: 'E_CORRUPT_DOCX', tooLarge: 'E_DOCX_TOO_LARGE' };
export const OFD_PACKAGE: PackageCodes = { corrupt: 'E_CORRUPT_OFD', tooLarge: 'E_OFD_TOO_LARGE' };

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

function damagedPackage(codes: PackageCodes, problem: string): GongwenError {
  return new GongwenError(codes.corrupt, `the ZIP package ${problem}`);
}

export interface CentralDirectory {
  entries: ZipEntry[];
  /** Bytes before the package (a self-extractor stub, say), by which every stored offset is off. */
  shift: number;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The sizes and offset a central-directory entry gives, with those it moves to its ZIP64 extra field. */
function zip64Values(view: DataView, extraStart: number, extraEnd: number, entry: ZipEntry, codes: PackageCodes): void {
  for (let at = extraStart; at + 4 <= extraEnd; ) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === ZIP64_EXTRA) {
      // The 8-byte values follow in this order, each present only when its 32-bit field is full.
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + size) throw damagedPackage(codes, 'has a ZIP64 field that is too short');
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === U32_MAX) entry.uncompressedSize = next();
      if (entry.compressedSize === U32_MAX) entry.compressedSize = next();
      if (entry.localHeaderOffset === U32_MAX) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/** Reads the central directory, as JSZip does, allowing bytes before the package. */
export function readCentralDirectory(bytes: Uint8Array, codes: PackageCodes): CentralDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - U16_MAX); at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw damagedPackage(codes, 'has no central directory');
  let count = view.getUint16(end + 10, true);
  let size = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  let directoryEnd = end;
  if ((count === U16_MAX || size === U32_MAX || offset === U32_MAX) && end >= 20 && view.getUint32(end - 20, true) === ZIP64_END_LOCATOR) {
    // The ZIP64 end record (56 bytes without extensible data, which packers do not write) sits
    // just before its locator.
    const at = end - 20 - 56;
    if (at < 0 || view.getUint32(at, true) !== ZIP64_END) throw damagedPackage(codes, 'has a broken ZIP64 directory');
    count = Number(view.getBigUint64(at + 32, true));
    size = Number(view.getBigUint64(at + 40, true));
    offset = Number(view.getBigUint64(at + 48, true));
    directoryEnd = at;
  }
  const shift = directoryEnd - (offset + size);
  if (shift < 0) throw damagedPackage(codes, 'has a central directory outside the file');

  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let at = offset + shift, i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_ENTRY) throw damagedPackage(codes, 'has a damaged central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const entry: ZipEntry = {
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    zip64Values(view, at + 46 + nameLength, at + 46 + nameLength + extraLength, entry, codes);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, shift };
}

/**
 * Refuses a package whose parts would inflate beyond the limits above, from the sizes its
 * central directory declares. Those sizes are the packer's word, so each deflated part is
 * then inflated once with its declared size as a hard cap: a part that would grow beyond it
 * stops there instead of filling the memory of whoever inflates it next.
 */
export function checkInflatedSizes(bytes: Uint8Array, codes: PackageCodes): void {
  const { entries, shift } = readCentralDirectory(bytes, codes);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > MAX_INFLATED_BYTES) {
      throw new GongwenError(codes.tooLarge, `the parts of the package inflate to more than ${mib(MAX_INFLATED_BYTES)}`, {
        details: { maxInflatedBytes: MAX_INFLATED_BYTES },
      });
    }
    if (entry.uncompressedSize > RATIO_GRACE_BYTES && entry.uncompressedSize > entry.compressedSize * MAX_RATIO) {
      throw new GongwenError(
        codes.tooLarge,
        `the part ${entry.name} inflates from ${entry.compressedSize} bytes to ${mib(entry.uncompressedSize)}, more than ${MAX_RATIO} times`,
        { details: { part: entry.name, compressedBytes: entry.compressedSize, inflatedBytes: entry.uncompressedSize, maxRatio: MAX_RATIO } },
      );
    }
  }

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.method !== DEFLATE) continue;
    const header = entry.localHeaderOffset + shift;
    if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_HEADER) throw damagedPackage(codes, `has a damaged entry for ${entry.name}`);
    const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    if (start + entry.compressedSize > bytes.length) throw damagedPackage(codes, `is cut off inside ${entry.name}`);
    try {
      // maxOutputLength must be at least 1; a part declared empty may thus give one byte, harmlessly.
      inflateRawSync(bytes.subarray(start, start + entry.compressedSize), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new GongwenError(codes.tooLarge, `the part ${entry.name} inflates to more than the ${entry.uncompressedSize} bytes the package declares`, {
          cause: error,
          details: { part: entry.name, declaredBytes: entry.uncompressedSize },
        });
      }
      throw new GongwenError(codes.corrupt, `the part ${entry.name} does not inflate (${(error as Error).message})`, { cause: error });
    }
  }
}
