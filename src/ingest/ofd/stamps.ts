import type { Stamp } from '../../model/document.js';
import { info, warning, type Message } from '../../model/messages.js';
import { POINTS_PER_MM } from './geometry.js';
import type { OfdDocument } from './document.js';
import { folderOf, type OfdPackage } from './package.js';
import { child, childrenNamed, type XmlElement } from './xml.js';

/**
 * Seals (印章) on the pages. An electronic signature (GB/T 33190 18) places its seal through a
 * StampAnnot on a page; a seal can also be a Stamp annotation (GB/T 33190 15) or an image in
 * the page content. Seals are images of a name, not text, so they are recorded, not read.
 */

// A seal image is round or square: 公章 are 38–45 mm across, personal seals about 20 mm.
const SEAL_MIN = 20 * POINTS_PER_MM;
const SEAL_MAX = 60 * POINTS_PER_MM;
const SEAL_ASPECT = 1.25;
// How much of an annotation's text a message quotes.
const QUOTED_CHARACTERS = 30;

/** Whether an image drawn this size (points) has the shape and size of a seal. */
export function isSealSized(image: { width: number; height: number }): boolean {
  const longer = Math.max(image.width, image.height);
  const shorter = Math.min(image.width, image.height);
  return shorter >= SEAL_MIN && longer <= SEAL_MAX && longer <= SEAL_ASPECT * shorter;
}

function pageNumbers(document: OfdDocument): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const page of document.pages) if (page.id !== undefined) numbers.set(page.id, page.number);
  return numbers;
}

/** The seals the document's electronic signatures place on its pages. */
export async function signatureStamps(pkg: OfdPackage, document: OfdDocument): Promise<Stamp[]> {
  const list = await pkg.optional('', document.signatures, 'the signature list');
  if (list === undefined) return [];
  const numbers = pageNumbers(document);
  const stamps: Stamp[] = [];
  for (const entry of childrenNamed(list.root, 'Signature')) {
    const id = entry.attributes.get('ID') ?? '?';
    const signature = await pkg.optional(folderOf(list.path), entry.attributes.get('BaseLoc'), `signature ${id}`);
    const signedInfo = signature === undefined ? undefined : child(signature.root, 'SignedInfo');
    for (const annotation of signedInfo === undefined ? [] : childrenNamed(signedInfo, 'StampAnnot')) {
      const reference = annotation.attributes.get('PageRef') ?? '';
      const page = numbers.get(reference);
      if (page === undefined) {
        pkg.messages.push(warning('ingest:ofd-unknown-page', `signature ${id} places its seal on page ID ${reference}, which the document does not have`, { found: reference }));
      } else {
        stamps.push({ page, kind: 'signature' });
      }
    }
  }
  return stamps;
}

function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((node) => [node, ...descendants(node)]);
}

const GRAPHIC_OBJECTS = new Set(['PathObject', 'ImageObject', 'CompositeObject']);

interface PageAnnotations {
  stamps: Stamp[];
  messages: Message[];
}

/**
 * What one annotation is: a Stamp annotation that draws a picture (an image, paths, a composite
 * unit) is a seal; text an annotation draws is a note laid over the page after it was issued,
 * not the notice's text, so it is left out and said. Watermarks and links are neither.
 */
function readAnnotation(annotation: XmlElement, page: number, out: PageAnnotations): void {
  if (annotation.attributes.get('Visible') === 'false') return;
  const type = annotation.attributes.get('Type') ?? 'unknown';
  const drawn = descendants(child(annotation, 'Appearance') ?? annotation);
  if (type === 'Stamp' && drawn.some((element) => GRAPHIC_OBJECTS.has(element.name))) {
    out.stamps.push({ page, kind: 'seal' });
    return;
  }
  const text = drawn
    .filter((element) => element.name === 'TextCode')
    .map((element) => element.text)
    .join('')
    .replace(/\s+/gu, '');
  if (text === '') return;
  const quoted = [...text].length > QUOTED_CHARACTERS ? `${[...text].slice(0, QUOTED_CHARACTERS).join('')}…` : text;
  out.messages.push(info('ingest:ofd-annotation-text', `the ${type} annotation on page ${page} reads "${quoted}"; annotation text is not the notice's and was left out`, { page, found: quoted }));
}

/** The seals among the document's annotations (Annotations.xml → one file per page). */
export async function annotationStamps(pkg: OfdPackage, document: OfdDocument): Promise<Stamp[]> {
  const list = await pkg.optional(folderOf(document.root.path), document.annotations, 'the annotation list');
  if (list === undefined) return [];
  const numbers = pageNumbers(document);
  const found: PageAnnotations = { stamps: [], messages: [] };
  for (const entry of childrenNamed(list.root, 'Page')) {
    const reference = entry.attributes.get('PageID') ?? '';
    const page = numbers.get(reference);
    if (page === undefined) {
      pkg.messages.push(warning('ingest:ofd-unknown-page', `the annotations name page ID ${reference}, which the document does not have`, { found: reference }));
      continue;
    }
    const file = await pkg.optional(folderOf(list.path), child(entry, 'FileLoc')?.text.trim(), `the annotations of page ${page}`);
    for (const annotation of file === undefined ? [] : childrenNamed(file.root, 'Annot')) readAnnotation(annotation, page, found);
  }
  for (const message of found.messages) pkg.messages.push(message);
  return found.stamps;
}
