import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { ParagraphStyle, SourceBlock, SourceCell } from '../model/document.js';
import { GongwenError } from '../model/errors.js';
import { warning, type Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import { compact, visibleLength } from './characters.js';
import { numberParagraphs, type NumberedParagraph } from './docx-numbering.js';
import type { FormatReading } from './format.js';
import { checkInflatedSizes, DOCX_PACKAGE } from './zip-limits.js';

/** The parts of mammoth's document tree (its `transformDocument` API) that a notice needs. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleName?: string | null;
  alignment?: string | null;
  isBold?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

const DEFAULT_MAIN_PART = 'word/document.xml';
const RELATIONSHIP = /<Relationship\b[^>]*>/g;
const HEADING_STYLE = /^(?:heading|标题)\s*(\d)$/i;
const TITLE_STYLE = /^(?:title|标题)$/i;
const ALIGNMENTS: Readonly<Record<string, ParagraphStyle['align']>> = {
  center: 'center',
  right: 'right',
  end: 'right',
  left: 'left',
  start: 'left',
  both: 'justify',
  distribute: 'justify',
};
// Warnings about table formatting properties and about how an image would display concern
// mammoth's HTML, not the text of the notice.
const IRRELEVANT_MAMMOTH_WARNING = /^An unrecognised element was ignored: w:(?:tblPrEx|tblPr|sdtPr)$|^Image of type .* is unlikely to display in web browsers$/;

/**
 * Opens the package; JSZip reads only its directory here. The sizes the directory declares are
 * then checked before anything (this reader or mammoth) inflates a part.
 */
async function openPackage(bytes: Uint8Array): Promise<JSZip> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new GongwenError('E_CORRUPT_DOCX', `the ZIP package cannot be opened (${(error as Error).message})`, { cause: error });
  }
  checkInflatedSizes(bytes, DOCX_PACKAGE);
  return zip;
}

async function readPart(zip: JSZip, name: string): Promise<string | undefined> {
  const file = zip.file(name);
  return file ? file.async('string') : undefined;
}

/** Targets of a relationships part by relationship type (the last segment of its URI). */
async function relationships(zip: JSZip, relsPath: string, baseDirectory: string): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  const xml = await readPart(zip, relsPath);
  for (const [element] of xml?.matchAll(RELATIONSHIP) ?? []) {
    const type = /\bType="([^"]*)"/.exec(element)?.[1]?.split('/').pop();
    const target = /\bTarget="([^"]*)"/.exec(element)?.[1];
    if (type === undefined || target === undefined) continue;
    targets.set(type, target.startsWith('/') ? target.slice(1) : `${baseDirectory}${target}`);
  }
  return targets;
}

/** The paragraphs of the main part with their list labels; a part that will not inflate is damage. */
async function numberedParagraphs(zip: JSZip, main: string): Promise<NumberedParagraph[]> {
  const directory = main.slice(0, main.lastIndexOf('/') + 1);
  try {
    const parts = await relationships(zip, `${directory}_rels/${main.slice(directory.length)}.rels`, directory);
    const [documentXml, numberingXml, stylesXml] = await Promise.all([
      readPart(zip, main),
      readPart(zip, parts.get('numbering') ?? `${directory}numbering.xml`),
      readPart(zip, parts.get('styles') ?? `${directory}styles.xml`),
    ]);
    return numberParagraphs(documentXml ?? '', numberingXml, stylesXml);
  } catch (error) {
    throw new GongwenError('E_CORRUPT_DOCX', `a part of the package is damaged (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }
}

/** The main document part as the package names it (ECMA-376 Part 2), normally word/document.xml. */
async function mainPart(zip: JSZip): Promise<string> {
  const declared = (await relationships(zip, '_rels/.rels', '')).get('officeDocument');
  const main = declared !== undefined && zip.file(declared) ? declared : DEFAULT_MAIN_PART;
  if (zip.file(main)) return main;
  if (zip.file('OFD.xml')) throw new GongwenError('E_UNSUPPORTED_FORMAT', 'the ZIP package is an OFD document, which the DOCX reader does not read');
  if (zip.file('xl/workbook.xml')) throw new GongwenError('E_NOT_DOCX', 'the ZIP package is an Excel workbook (.xlsx), not a Word document');
  if (zip.file('ppt/presentation.xml')) throw new GongwenError('E_NOT_DOCX', 'the ZIP package is a PowerPoint file (.pptx), not a Word document');
  throw new GongwenError('E_NOT_DOCX', `the ZIP package has no ${DEFAULT_MAIN_PART}, so it is not a Word document`);
}


/**
 * Pairs mammoth's paragraphs with the numbered paragraphs of document.xml by their text.
 * Both walk the document in order, but mammoth moves text-box paragraphs behind the paragraph
 * that anchors them, so the match looks a little ahead instead of trusting positions.
 */
class LabelMatcher {
  private next = 0;
  private static readonly LOOKAHEAD = 40;

  constructor(private readonly paragraphs: readonly NumberedParagraph[]) {}

  labelFor(text: string): string | undefined {
    const key = compact(text);
    const limit = Math.min(this.paragraphs.length, this.next + LabelMatcher.LOOKAHEAD);
    for (let i = this.next; i < limit; i += 1) {
      if (compact(this.paragraphs[i]!.text) === key) {
        this.next = i + 1;
        return this.paragraphs[i]!.label;
      }
    }
    return undefined;
  }
}

function runText(element: MammothElement): { text: string; chars: number; bold: number } {
  let text = '';
  let chars = 0;
  let bold = 0;
  const visit = (node: MammothElement, isBold: boolean): void => {
    if (node.type === 'text') {
      text += node.value ?? '';
      const visible = visibleLength(node.value ?? '');
      chars += visible;
      if (isBold) bold += visible;
    } else if (node.type === 'tab') {
      text += '\t';
    } else if (node.type === 'break') {
      text += '\n';
    } else if (node.type !== 'paragraph' && node.type !== 'table') {
      for (const c of node.children ?? []) visit(c, isBold || node.isBold === true);
    }
  };
  for (const c of element.children ?? []) visit(c, false);
  return { text, chars, bold };
}

class DocxBlockReader {
  readonly blocks: SourceBlock[] = [];

  constructor(private readonly labels: LabelMatcher) {}

  readBody(elements: readonly MammothElement[]): void {
    for (const element of elements) {
      if (element.type === 'paragraph') this.paragraph(element);
      else if (element.type === 'table') this.blocks.push({ kind: 'table', rows: this.rows(element) });
      else this.readBody(element.children ?? []);
    }
  }

  private paragraphText(element: MammothElement): { text: string; style: ParagraphStyle } {
    const { text, chars, bold } = runText(element);
    const label = this.labels.labelFor(text);
    const style: ParagraphStyle = {};
    const styleName = element.styleName ?? '';
    const heading = HEADING_STYLE.exec(styleName);
    if (heading) style.heading = Number(heading[1]);
    else if (TITLE_STYLE.test(styleName)) style.heading = 1;
    const align = element.alignment ? ALIGNMENTS[element.alignment] : undefined;
    if (align !== undefined) style.align = align;
    if (chars > 0 && bold === chars) style.bold = true;
    return { text: (label ?? '') + text, style };
  }

  private paragraph(element: MammothElement): void {
    const { text, style } = this.paragraphText(element);
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      this.blocks.push(Object.keys(style).length > 0 ? { kind: 'paragraph', text: line, style } : { kind: 'paragraph', text: line });
    }
    // Text boxes and nested tables that mammoth keeps inside a paragraph follow it.
    this.readNested(element.children ?? []);
  }

  private readNested(elements: readonly MammothElement[]): void {
    for (const element of elements) {
      if (element.type === 'paragraph' || element.type === 'table') this.readBody([element]);
      else this.readNested(element.children ?? []);
    }
  }

  private rows(table: MammothElement): SourceCell[][] {
    return (table.children ?? [])
      .filter((row) => row.type === 'tableRow')
      .map((row) =>
        (row.children ?? [])
          .filter((cell) => cell.type === 'tableCell')
          .map((cell) => {
            const nested = new DocxBlockReader(this.labels);
            nested.readBody(cell.children ?? []);
            const text = nested.blocks
              .map((block) => (block.kind === 'paragraph' ? block.text : block.kind === 'table' ? block.rows.map((r) => r.map((c) => c.text).join(' ')).join('\n') : ''))
              .join('\n');
            return {
              text,
              ...(cell.colSpan !== undefined && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
              ...(cell.rowSpan !== undefined && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
            };
          }),
      );
  }
}

/**
 * A Word document: body paragraphs and tables through mammoth, with the list numbers Word
 * generates put back from numbering.xml. Headers and footers are not body text (mammoth does
 * not read them), so running heads and page numbers never reach the notice.
 */
export async function readDocx(bytes: Uint8Array): Promise<Result<FormatReading>> {
  const zip = await openPackage(bytes);
  const main = await mainPart(zip);
  const numbered = await numberedParagraphs(zip, main);

  let documentTree: MammothElement | undefined;
  let converted: { messages: Array<{ type: string; message: string }> };
  try {
    converted = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        // The tree is all that is needed; handing mammoth an empty document spares it
        // converting the body to HTML that nobody reads.
        transformDocument: (document: MammothElement) => {
          documentTree = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    throw new GongwenError('E_CORRUPT_DOCX', `the Word document cannot be read (${(error as Error).message.split('\n')[0]})`, { cause: error });
  }

  const messages: Message[] = converted.messages
    .filter((message) => !IRRELEVANT_MAMMOTH_WARNING.test(message.message))
    .map((message) => warning('ingest:docx', message.message));
  const reader = new DocxBlockReader(new LabelMatcher(numbered));
  reader.readBody(documentTree?.children ?? []);
  return result({ blocks: reader.blocks }, messages);
}
