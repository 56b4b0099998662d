import { GongwenError } from '../../model/errors.js';

/**
 * A strict reader of OLE compound files (MS-CFB): it names the streams at the root and reads
 * them, and refuses a file whose allocation tables point past its end or go round in circles.
 *
 * word-extractor reads the same file with its own, unchecked reader. What is guaranteed before
 * it is called: the directory trees are sound (no entry reached twice, none missing); no two
 * root entries share a name (compared case-insensitively), so both readers pick the same
 * WordDocument and table streams; every name is a whole UTF-16 string of at most 64 bytes,
 * decoded alike by both; the mini-stream cutoff is the standard 4096, so both put the same
 * streams in the mini stream; no stream declares 2 GiB or more, which word-extractor would read
 * as a negative size; and the chains of the directory, the mini FAT, the mini stream and of
 * every root-level stream are finite and inside the file. Streams in sub-storages and the
 * DIFAT beyond what the header declares are not read by either reader for a Word document.
 */
export interface CompoundFile {
  /** Names of the streams and storages directly under the root, in directory order. */
  readonly rootNames: readonly string[];
  /** The root entry's class id, as 32 hex digits in file byte order. */
  readonly rootClassId: string;
  /** A root-level stream's bytes, or undefined when there is no such stream. */
  stream(name: string): Uint8Array | undefined;
}

const HEADER_BYTES = 512;
const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const DIRECTORY_ENTRY_BYTES = 128;
const HEADER_DIFAT_ENTRIES = 109;
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const NO_STREAM = 0xffffffff;
const MINI_SECTOR_BYTES = 64;
const MINI_STREAM_CUTOFF = 4096;
const MAX_NAME_BYTES = 64;
const MAX_STREAM_BYTES = 2 ** 31;
const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

interface DirectoryEntry {
  name: string;
  /** The name's declared length in bytes, with its terminating NUL. */
  nameLength: number;
  type: number;
  left: number;
  right: number;
  child: number;
  classId: string;
  start: number;
  size: number;
}

function damaged(problem: string): GongwenError {
  return new GongwenError('E_CORRUPT_DOC', `the OLE compound file is damaged: ${problem}`);
}

class SectorReader {
  readonly sectorBytes: number;
  readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    sectorShift: number,
  ) {
    this.sectorBytes = 1 << sectorShift;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /**
   * Sector `index`. Some writers leave the last sector short, so a sector may end early, but
   * it must start inside the file.
   */
  sector(index: number): Uint8Array {
    const start = (index + 1) * this.sectorBytes;
    if (index > MAX_REGULAR_SECTOR || start >= this.bytes.length) {
      throw damaged(`it is truncated (${this.bytes.length} bytes) or an allocation table is broken: sector ${index} lies beyond its end`);
    }
    return this.bytes.subarray(start, start + this.sectorBytes);
  }

  /** The sectors of a chain, refusing chains that loop or run past the table. */
  chain(table: Uint32Array, start: number, what: string): number[] {
    const sectors: number[] = [];
    let current = start;
    while (current !== END_OF_CHAIN) {
      if (current >= table.length) throw damaged(`the sector chain of ${what} points to sector ${current}, outside its allocation table`);
      if (sectors.length >= table.length) throw damaged(`the sector chain of ${what} goes round in a circle`);
      sectors.push(current);
      current = table[current]!;
    }
    return sectors;
  }
}

function uint32s(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Uint32Array.from({ length: bytes.length >> 2 }, (_, i) => view.getUint32(i * 4, true));
}

/**
 * Joins `length` bytes from units of `unitBytes` taken in order. A stream (`what` given) must
 * find all its bytes; the tables of the file itself may end short and are padded with zeros,
 * as readers of the format do.
 */
function join(units: readonly Uint8Array[], unitBytes: number, length: number, what?: string): Uint8Array {
  const out = new Uint8Array(length);
  units.forEach((unit, i) => {
    const offset = i * unitBytes;
    if (offset >= length) return;
    const needed = Math.min(unitBytes, length - offset);
    if (unit.length < needed && what !== undefined) throw damaged(`${what} is cut short: the file ends before its last ${unitBytes}-byte block`);
    out.set(unit.subarray(0, needed), offset);
  });
  return out;
}

function fatSectorIndexes(reader: SectorReader, fatSectorCount: number, firstDifatSector: number): number[] {
  const header = reader.view;
  const indexes: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && indexes.length < fatSectorCount; i += 1) indexes.push(header.getUint32(76 + i * 4, true));
  const perSector = reader.sectorBytes / 4 - 1;
  const seen = new Set<number>();
  let next = firstDifatSector;
  while (indexes.length < fatSectorCount) {
    if (next === END_OF_CHAIN || next === FREE_SECTOR) throw damaged(`its header declares ${fatSectorCount} FAT sectors but lists only ${indexes.length}`);
    if (seen.has(next)) throw damaged('the chain of DIFAT sectors goes round in a circle');
    seen.add(next);
    const bytes = join([reader.sector(next)], reader.sectorBytes, reader.sectorBytes);
    const sector = new DataView(bytes.buffer);
    for (let i = 0; i < perSector && indexes.length < fatSectorCount; i += 1) indexes.push(sector.getUint32(i * 4, true));
    next = sector.getUint32(perSector * 4, true);
  }
  return indexes;
}

function readDirectory(bytes: Uint8Array): DirectoryEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: DirectoryEntry[] = [];
  for (let offset = 0; offset + DIRECTORY_ENTRY_BYTES <= bytes.length; offset += DIRECTORY_ENTRY_BYTES) {
    const nameBytes = Math.min(64, Math.max(0, view.getUint16(offset + 64, true) - 2));
    let classId = '';
    for (let i = 0; i < 16; i += 1) classId += bytes[offset + 80 + i]!.toString(16).padStart(2, '0');
    entries.push({
      nameLength: view.getUint16(offset + 64, true),
      name: new TextDecoder('utf-16le').decode(bytes.subarray(offset, offset + nameBytes)),
      type: bytes[offset + 66]!,
      left: view.getUint32(offset + 68, true),
      right: view.getUint32(offset + 72, true),
      child: view.getUint32(offset + 76, true),
      classId,
      start: view.getUint32(offset + 116, true),
      size: view.getUint32(offset + 120, true),
    });
  }
  return entries;
}

/** The children of a storage: the red-black tree under its `child`, walked without recursion. */
function children(entries: readonly DirectoryEntry[], storage: DirectoryEntry, visited: Set<number>): number[] {
  const found: number[] = [];
  const pending = storage.child === NO_STREAM ? [] : [storage.child];
  while (pending.length > 0) {
    const index = pending.pop()!;
    const entry = entries[index];
    if (entry === undefined) throw damaged(`the directory refers to entry ${index}, which does not exist`);
    if (visited.has(index)) throw damaged('the directory tree refers to one entry twice');
    visited.add(index);
    found.push(index);
    if (entry.right !== NO_STREAM) pending.push(entry.right);
    if (entry.left !== NO_STREAM) pending.push(entry.left);
  }
  return found.sort((a, b) => a - b);
}

/** Checks that every storage's tree is sound, as word-extractor walks them all recursively. */
function checkTree(entries: readonly DirectoryEntry[], root: DirectoryEntry): number[] {
  const visited = new Set<number>([0]);
  const rootChildren = children(entries, root, visited);
  const storages = rootChildren.filter((index) => entries[index]!.type === TYPE_STORAGE);
  while (storages.length > 0) {
    const storage = entries[storages.pop()!]!;
    for (const index of children(entries, storage, visited)) {
      if (entries[index]!.type === TYPE_STORAGE) storages.push(index);
    }
  }
  return rootChildren;
}

export function openCompoundFile(bytes: Uint8Array): CompoundFile {
  if (bytes.length < HEADER_BYTES) {
    throw damaged(`it is ${bytes.length} bytes long, shorter than the ${HEADER_BYTES}-byte header every compound file starts with`);
  }
  if (!SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw damaged('it does not start with the compound file signature (D0 CF 11 E0 A1 B1 1A E1)');
  }
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const sectorShift = header.getUint16(30, true);
  if (header.getUint16(28, true) !== 0xfffe || (sectorShift !== 9 && sectorShift !== 12) || header.getUint16(32, true) !== 6) {
    throw damaged('its header is not a valid compound file header (byte order, sector size or mini sector size)');
  }
  const reader = new SectorReader(bytes, sectorShift);
  const fatSectorCount = header.getUint32(44, true);
  const difatSectorCount = header.getUint32(72, true);
  if ((fatSectorCount + difatSectorCount) * reader.sectorBytes > bytes.length) {
    throw damaged(`its header declares ${fatSectorCount} FAT and ${difatSectorCount} DIFAT sectors, more than the file can hold`);
  }
  const table = (sectors: readonly number[]): Uint8Array =>
    join(
      sectors.map((index) => reader.sector(index)),
      reader.sectorBytes,
      sectors.length * reader.sectorBytes,
    );
  const fat = uint32s(table(fatSectorIndexes(reader, fatSectorCount, header.getUint32(68, true))));

  const readChain = (start: number, size: number, what: string): Uint8Array => {
    const sectors = reader.chain(fat, start, what);
    if (sectors.length * reader.sectorBytes < size) throw damaged(`${what} declares ${size} bytes but its sector chain holds fewer`);
    return join(
      sectors.map((index) => reader.sector(index)),
      reader.sectorBytes,
      size,
      what,
    );
  };

  const entries = readDirectory(table(reader.chain(fat, header.getUint32(48, true), 'the directory')));
  const root = entries[0];
  if (root === undefined || root.type !== TYPE_ROOT) throw damaged('its directory does not start with a root entry');
  const rootChildren = checkTree(entries, root);
  const seenNames = new Set<string>();
  for (const index of [0, ...rootChildren]) {
    const entry = entries[index]!;
    if (entry.nameLength > MAX_NAME_BYTES || entry.nameLength % 2 !== 0) {
      throw damaged(`directory entry ${index} declares a name of ${entry.nameLength} bytes, not a whole UTF-16 name of at most ${MAX_NAME_BYTES}`);
    }
    if (entry.size >= MAX_STREAM_BYTES) throw damaged(`the ${JSON.stringify(entry.name)} entry declares ${entry.size} bytes, 2 GiB or more`);
    if (index === 0) continue;
    const folded = entry.name.toLowerCase();
    if (seenNames.has(folded)) throw damaged(`two entries at its root are named ${JSON.stringify(entry.name)}`);
    seenNames.add(folded);
  }

  // word-extractor follows these chains whatever streams it reads, so they are checked now.
  const miniCutoff = header.getUint32(56, true);
  if (miniCutoff !== MINI_STREAM_CUTOFF) throw damaged(`its header sets the mini stream cutoff to ${miniCutoff} bytes instead of ${MINI_STREAM_CUTOFF}`);
  const firstMiniFatSector = header.getUint32(60, true);
  const miniFat = firstMiniFatSector === END_OF_CHAIN ? new Uint32Array(0) : uint32s(table(reader.chain(fat, firstMiniFatSector, 'the mini FAT')));
  const miniStream = root.start === END_OF_CHAIN ? new Uint8Array(0) : readChain(root.start, root.size, 'the mini stream');
  const readMiniChain = (start: number, size: number, what: string): Uint8Array => {
    const sectors = reader.chain(miniFat, start, what);
    if (sectors.length * MINI_SECTOR_BYTES < size) throw damaged(`${what} declares ${size} bytes but its mini sector chain holds fewer`);
    const units = sectors.map((index) => {
      const offset = index * MINI_SECTOR_BYTES;
      if (offset >= miniStream.length) throw damaged(`${what} refers to mini sector ${index}, beyond the end of the mini stream`);
      return miniStream.subarray(offset, offset + MINI_SECTOR_BYTES);
    });
    return join(units, MINI_SECTOR_BYTES, size, what);
  };

  const byName = new Map<string, DirectoryEntry>();
  for (const index of rootChildren) byName.set(entries[index]!.name, entries[index]!);
  return {
    rootNames: rootChildren.map((index) => entries[index]!.name),
    rootClassId: root.classId,
    stream(name: string): Uint8Array | undefined {
      const entry = byName.get(name);
      if (entry?.type !== TYPE_STREAM) return undefined;
      if (entry.size === 0) return new Uint8Array(0);
      const what = `the ${JSON.stringify(name)} stream`;
      return entry.size < miniCutoff ? readMiniChain(entry.start, entry.size, what) : readChain(entry.start, entry.size, what);
    },
  };
}
