import JSZip from 'jszip';
import { GongwenError } from '../../model/errors.js';
import { warning, type Message } from '../../model/messages.js';
import { checkInflatedSizes, OFD_PACKAGE } from '../zip-limits.js';
import { parseXmlPart, type ParsedPart, type XmlElement } from './xml.js';

/** The folder part of a package path, with its trailing slash ('' at the root). */
export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

// A scheme or a drive letter ("file:///etc/passwd", "C:\…") names something outside the package.
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Resolves a path an OFD part names (GB/T 33190 7.5): from the package root when it starts
 * with '/', otherwise from the folder of the part that names it. Undefined when it leads out
 * of the package.
 */
export function resolvePartPath(folder: string, reference: string): string | undefined {
  const unified = reference.trim().replace(/\\/g, '/');
  if (SCHEME.test(unified)) return undefined;
  const segments = unified.startsWith('/') ? [] : folder.split('/').filter((segment) => segment !== '');
  for (const segment of unified.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (segments.pop() === undefined) return undefined;
  }
  return segments.join('/');
}

/** A part read and parsed, with the path it was found at (the base for the paths it names). */
export interface Part {
  path: string;
  root: XmlElement;
}

function damaged(problem: string, details: Record<string, unknown> = {}): GongwenError {
  return new GongwenError('E_CORRUPT_OFD', problem, { details });
}

/**
 * The parts of an OFD package by path. What a part needs to be read is told apart from what only
 * adds to it: a missing, damaged or out-of-package part that the text depends on (the entry
 * file, the document root, a page's content) makes the file damaged; any other is left out with
 * a warning.
 */
export class OfdPackage {
  readonly messages: Message[] = [];
  /** Each part is inflated and parsed once, however many pages name it. */
  private readonly parsed = new Map<string, Promise<ParsedPart | undefined>>();

  private constructor(private readonly files: ReadonlyMap<string, JSZip.JSZipObject>) {}

  /** Opens the package, refusing it from its central directory before anything is inflated (see zip-limits). */
  static async open(bytes: Uint8Array): Promise<OfdPackage> {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      throw damaged(`the ZIP package cannot be opened (${(error as Error).message})`);
    }
    checkInflatedSizes(bytes, OFD_PACKAGE);
    const files = new Map<string, JSZip.JSZipObject>();
    zip.forEach((name, file) => {
      const path = file.dir ? undefined : resolvePartPath('', name);
      if (path !== undefined && path !== '') files.set(path, file);
    });
    return new OfdPackage(files);
  }

  /** A part the text cannot be read without. `role` names it in messages ("the content of page 2"). */
  async required(folder: string, reference: string | undefined, role: string): Promise<Part> {
    if (reference === undefined) throw damaged(`${role} is not named`);
    const path = resolvePartPath(folder, reference);
    if (path === undefined) throw damaged(`${role} is named as "${reference}", outside the package`, { reference });
    const parsed = await this.parse(path);
    if (parsed === undefined) throw damaged(`${role} (${path}) is missing`, { part: path });
    if ('problem' in parsed) throw damaged(`${role} (${path}) ${parsed.problem}`, { part: path });
    return { path, root: parsed.root };
  }

  /** A part that only adds to the text (resources, templates, annotations, signatures). */
  async optional(folder: string, reference: string | undefined, role: string): Promise<Part | undefined> {
    if (reference === undefined) return undefined;
    const path = resolvePartPath(folder, reference);
    if (path === undefined) {
      this.messages.push(warning('ingest:ofd-outside-package', `${role} is named as "${reference}", outside the package; it was not read`, { found: reference }));
      return undefined;
    }
    const parsed = await this.parse(path);
    if (parsed === undefined) {
      this.messages.push(warning('ingest:ofd-missing-part', `${role} (${path}) is missing; it was left out`, { found: path }));
      return undefined;
    }
    if ('problem' in parsed) {
      this.messages.push(warning('ingest:ofd-damaged-part', `${role} (${path}) ${parsed.problem}; it was left out`, { found: path }));
      return undefined;
    }
    return { path, root: parsed.root };
  }

  private parse(path: string): Promise<ParsedPart | undefined> {
    let parsed = this.parsed.get(path);
    if (parsed === undefined) {
      parsed = this.inflateAndParse(path);
      this.parsed.set(path, parsed);
    }
    return parsed;
  }

  private async inflateAndParse(path: string): Promise<ParsedPart | undefined> {
    const file = this.files.get(path);
    if (file === undefined) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await file.async('uint8array');
    } catch (error) {
      return { problem: `does not inflate (${(error as Error).message})` };
    }
    return parseXmlPart(bytes);
  }
}
