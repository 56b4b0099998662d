import type { PositionedRun, RulingSegment } from '../positioned/types.js';
import { pathRulings, unitSquareExtent } from './drawing.js';
import type { Matrix } from '../positioned/matrix.js';
import { objectMatrix, parseBox, parseMatrix } from './geometry.js';
import type { Resources } from './resources.js';
import { placeTextObject, runsOf } from './text.js';
import { turnedRuns, type TurnedGlyph } from './turned-lines.js';
import type { XmlElement } from './xml.js';

/** What a page (or a template, or an annotation's appearance) draws, in points. */
export interface Drawing {
  runs: PositionedRun[];
  rulings: RulingSegment[];
  /** The extent of each image drawn. */
  images: Array<{ width: number; height: number }>;
  /** Set when the drawing budget ran out (composite units nested in one another without end). */
  truncated: boolean;
}

/**
 * How much may still be drawn. Composite units may name one another, even themselves, and a page
 * may use a template many times, so what a page draws can grow exponentially with the size of
 * the file. One budget is shared by every part of a page (its templates, its content, its
 * annotations' appearances), and each page's budget is drawn from one for the whole document.
 * An object costs one, and a TextObject one more for each character of its text, so the runs a
 * page yields stay in proportion. The densest corpus page draws about 700 objects, nested two
 * deep.
 */
export interface DrawingBudget {
  remaining: number;
}

const PAGE_BUDGET = 200_000;
const DOCUMENT_BUDGET = 2_000_000;
const MAX_NESTING = 16;

/** A document's budget, from which each page's is taken. */
export function documentBudget(): DrawingBudget {
  return { remaining: DOCUMENT_BUDGET };
}

/** A page's share of what is left of the document's budget: charge it back with `settle`. */
export function pageBudget(document: DrawingBudget): DrawingBudget {
  return { remaining: Math.min(PAGE_BUDGET, document.remaining) };
}

export function settle(document: DrawingBudget, page: DrawingBudget, granted: number): void {
  document.remaining -= granted - page.remaining;
}

function cost(element: XmlElement): number {
  if (element.name !== 'TextObject') return 1;
  let characters = 0;
  for (const code of element.children) if (code.name === 'TextCode') characters += code.text.length;
  return 1 + characters;
}
// The Weight (GB/T 33190 11.2) from which text is set bold.
const BOLD_WEIGHT = 600;

export function emptyDrawing(): Drawing {
  return { runs: [], rulings: [], images: [], truncated: false };
}

class ContentWalker {
  /** Glyphs of text not set upright left to right, joined into lines once the part is drawn. */
  private readonly turned: TurnedGlyph[] = [];

  constructor(
    private readonly resources: Resources,
    private readonly drawing: Drawing,
    private readonly budget: DrawingBudget,
  ) {}

  /** Hands on the lines of turned text (see turned-lines.ts: a line may run over several objects). */
  finish(): void {
    for (const run of turnedRuns(this.turned)) this.drawing.runs.push(run);
  }

  walk(container: XmlElement, matrix: Matrix, depth = 0): void {
    for (const element of container.children) {
      if (this.budget.remaining <= 0 || depth > MAX_NESTING) {
        this.drawing.truncated = true;
        return;
      }
      this.drawObject(element, matrix, depth);
    }
  }

  private drawObject(element: XmlElement, parent: Matrix, depth: number): void {
    if (element.name === 'Layer' || element.name === 'PageBlock') {
      this.walk(element, parent, depth + 1);
      return;
    }
    const price = cost(element);
    if (price > this.budget.remaining) {
      this.budget.remaining = 0;
      this.drawing.truncated = true;
      return;
    }
    this.budget.remaining -= price;
    const matrix = objectMatrix(parent, parseBox(element.attributes.get('Boundary')), parseMatrix(element.attributes.get('CTM')));
    switch (element.name) {
      case 'TextObject': {
        const font = this.resources.fonts.get(element.attributes.get('Font') ?? '');
        const bold = font?.bold === true || Number(element.attributes.get('Weight') ?? 0) >= BOLD_WEIGHT;
        const { glyphs, frame } = placeTextObject(element, matrix);
        if (frame === undefined) {
          for (const run of runsOf(glyphs, font, bold)) this.drawing.runs.push(run);
        } else {
          for (const glyph of glyphs) this.turned.push({ glyph, frame, fontName: font?.name, bold });
        }
        return;
      }
      case 'PathObject':
        for (const ruling of pathRulings(element, matrix)) this.drawing.rulings.push(ruling);
        return;
      case 'ImageObject':
        this.drawing.images.push(unitSquareExtent(matrix));
        return;
      case 'CompositeObject': {
        const unit = this.resources.units.get(element.attributes.get('ResourceID') ?? '');
        if (unit !== undefined) this.walk(unit, matrix, depth + 1);
        return;
      }
      default:
        return;
    }
  }
}

/**
 * Adds what the objects inside `container` (a Content, a Layer, an Appearance) draw to `drawing`,
 * charging `budget`; pass one budget for all the parts of a page.
 */
export function drawContent(container: XmlElement, matrix: Matrix, resources: Resources, drawing: Drawing, budget: DrawingBudget = pageBudget(documentBudget())): void {
  const walker = new ContentWalker(resources, drawing, budget);
  walker.walk(container, matrix);
  walker.finish();
}
