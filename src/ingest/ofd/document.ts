import { GongwenError } from '../../model/errors.js';
import { warning } from '../../model/messages.js';
import { OFD_ENTRY } from '../zip-package.js';
import { documentBudget, drawContent, emptyDrawing, pageBudget, settle, type Drawing } from './content.js';
import { multiply, type Matrix } from '../positioned/matrix.js';
import { parseBox, POINTS_PER_MM, scaling, translation, type Box } from './geometry.js';
import { folderOf, type OfdPackage, type Part } from './package.js';
import { NO_RESOURCES, withResources, type Resources } from './resources.js';
import { child, childrenNamed, childText, listItems, type XmlElement } from './xml.js';

/**
 * The structure of an OFD (GB/T 33190 7): OFD.xml → DocBody → DocRoot (Document.xml) → its
 * pages, each a Content.xml, with the templates they lay under or over their content and the
 * resources (fonts, composite graphic units) they name.
 */

const A4: Box = { x: 0, y: 0, width: 210, height: 297 };
// Far more pages than any notice has; a document root listing more is a trap.
const MAX_PAGES = 5000;

export interface PageEntry {
  /** 1-based, in the order Document.xml lists the pages. */
  number: number;
  /** The ID annotations and signatures refer to the page by. */
  id: string | undefined;
  reference: string | undefined;
}

interface TemplateEntry {
  reference: string | undefined;
  /** Background (the default) or Foreground: under or over the page's content. */
  zOrder: string | undefined;
}

export interface OfdDocument {
  /** Document.xml; the paths it names start from its folder. */
  root: Part;
  pages: PageEntry[];
  /** Page box for pages that give none (CommonData PageArea). */
  area: Box | undefined;
  resources: Resources;
  templates: ReadonlyMap<string, TemplateEntry>;
  /** Annotations.xml, as Document.xml names it. */
  annotations: string | undefined;
  /** Signatures.xml, as OFD.xml names it. */
  signatures: string | undefined;
}

/** The box a page is shown in: its ApplicationBox, or failing that its PhysicalBox. */
function areaBox(area: XmlElement | undefined): Box | undefined {
  if (area === undefined) return undefined;
  return parseBox(childText(area, 'ApplicationBox')) ?? parseBox(childText(area, 'PhysicalBox'));
}

function isForeground(zOrder: string | undefined): boolean {
  return zOrder === 'Foreground';
}

/** The resources Document.xml shares among its pages: its PublicRes and DocumentRes lists. */
async function sharedResources(pkg: OfdPackage, common: XmlElement | undefined, folder: string): Promise<Resources> {
  const parts: XmlElement[] = [];
  for (const reference of common === undefined ? [] : childrenNamed(common, 'PublicRes').concat(childrenNamed(common, 'DocumentRes'))) {
    const part = await pkg.optional(folder, reference.text.trim(), 'the resource list');
    if (part !== undefined) parts.push(part.root);
  }
  return withResources(NO_RESOURCES, parts);
}

function templatePages(common: XmlElement | undefined): Map<string, TemplateEntry> {
  const templates = new Map<string, TemplateEntry>();
  for (const template of common === undefined ? [] : childrenNamed(common, 'TemplatePage')) {
    const id = template.attributes.get('ID');
    if (id !== undefined) templates.set(id, { reference: template.attributes.get('BaseLoc'), zOrder: template.attributes.get('ZOrder') });
  }
  return templates;
}

/** Reads OFD.xml and the document root it names, with the document's shared resources. */
export async function openDocument(pkg: OfdPackage): Promise<OfdDocument> {
  const entry = await pkg.required('', OFD_ENTRY, 'the entry file');
  const bodies = childrenNamed(entry.root, 'DocBody');
  const body = bodies[0];
  if (body === undefined) throw new GongwenError('E_CORRUPT_OFD', `${OFD_ENTRY} has no DocBody, so it names no document`);
  if (bodies.length > 1) {
    pkg.messages.push(warning('ingest:ofd-several-documents', `the package holds ${bodies.length} documents; only the first was read`));
  }
  const root = await pkg.required('', childText(body, 'DocRoot'), `the document root (DocRoot) of ${OFD_ENTRY}`);
  const common = child(root.root, 'CommonData');
  const pages = listItems(root.root, 'Pages', 'Page').map((page, index) => ({
    number: index + 1,
    id: page.attributes.get('ID'),
    reference: page.attributes.get('BaseLoc'),
  }));
  if (pages.length === 0) throw new GongwenError('E_CORRUPT_OFD', `the document root ${root.path} lists no pages`);
  if (pages.length > MAX_PAGES) {
    throw new GongwenError('E_CORRUPT_OFD', `the document root ${root.path} lists ${pages.length} pages, more than the ${MAX_PAGES} a notice could have`);
  }
  return {
    root,
    pages,
    area: areaBox(common === undefined ? undefined : child(common, 'PageArea')),
    resources: await sharedResources(pkg, common, folderOf(root.path)),
    templates: templatePages(common),
    annotations: childText(root.root, 'Annotations'),
    signatures: childText(body, 'Signatures'),
  };
}

export interface PageDrawing extends Drawing {
  number: number;
  /** Page size in points. */
  width: number;
  height: number;
}

/** Maps the page's millimetres to points, with the corner of its box at the origin. */
function pageMatrix(box: Box): Matrix {
  return multiply(scaling(POINTS_PER_MM), translation(-box.x, -box.y));
}

/**
 * Draws the pages: templates set to the background first, then the page's own content, then
 * templates set to the foreground, as a viewer paints them (GB/T 33190 7.7).
 */
export class PageReader {
  private readonly templateParts = new Map<string, Promise<Part | undefined>>();
  private readonly budget = documentBudget();

  constructor(
    private readonly pkg: OfdPackage,
    private readonly document: OfdDocument,
  ) {}

  async draw(page: PageEntry): Promise<PageDrawing> {
    const content = await this.pkg.required(folderOf(this.document.root.path), page.reference, `the content of page ${page.number}`);
    const resources = await this.resourcesOf(content, page.number);
    const box = areaBox(child(content.root, 'Area')) ?? this.document.area ?? A4;
    const { background, foreground } = await this.templatesOf(content, page.number);
    const drawing = emptyDrawing();
    const budget = pageBudget(this.budget);
    const granted = budget.remaining;
    for (const part of background.concat([content], foreground)) {
      const painted = child(part.root, 'Content');
      if (painted !== undefined) drawContent(painted, pageMatrix(box), resources, drawing, budget);
    }
    settle(this.budget, budget, granted);
    if (drawing.truncated) {
      this.pkg.messages.push(
        warning('ingest:ofd-drawing-limit', `page ${page.number} nests its graphic units too deeply or draws too many objects through them; the rest of it was left out`, {
          page: page.number,
        }),
      );
    }
    return { ...drawing, number: page.number, width: box.width * POINTS_PER_MM, height: box.height * POINTS_PER_MM };
  }

  /** The document's resources with those the page declares for itself (PageRes). */
  private async resourcesOf(content: Part, pageNumber: number): Promise<Resources> {
    const parts: XmlElement[] = [];
    for (const reference of childrenNamed(content.root, 'PageRes')) {
      const part = await this.pkg.optional(folderOf(content.path), reference.text.trim(), `the resource list of page ${pageNumber}`);
      if (part !== undefined) parts.push(part.root);
    }
    return withResources(this.document.resources, parts);
  }

  /** The template pages the page uses, under its content and over it. */
  private async templatesOf(content: Part, pageNumber: number): Promise<{ background: Part[]; foreground: Part[] }> {
    const layers = { background: [] as Part[], foreground: [] as Part[] };
    // A template used twice on a page draws the same thing twice: it is drawn once.
    const used = new Set<string>();
    for (const use of childrenNamed(content.root, 'Template')) {
      const id = use.attributes.get('TemplateID') ?? '';
      if (used.has(id)) continue;
      used.add(id);
      const template = this.document.templates.get(id);
      const part = await this.template(id, template, pageNumber);
      if (part !== undefined) layers[isForeground(use.attributes.get('ZOrder') ?? template?.zOrder) ? 'foreground' : 'background'].push(part);
    }
    return layers;
  }

  private template(id: string, template: TemplateEntry | undefined, pageNumber: number): Promise<Part | undefined> {
    if (template === undefined) {
      this.pkg.messages.push(warning('ingest:ofd-missing-part', `page ${pageNumber} uses template ${id}, which the document does not declare; it was left out`, { page: pageNumber }));
      return Promise.resolve(undefined);
    }
    let part = this.templateParts.get(id);
    if (part === undefined) {
      part = this.pkg.optional(folderOf(this.document.root.path), template.reference, `template page ${id}`);
      this.templateParts.set(id, part);
    }
    return part;
  }
}
