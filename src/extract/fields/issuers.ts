import { result } from '../../model/result.js';
import type { Span } from '../../model/span.js';
import type { ExtractionContext, Line } from '../context.js';
import { firstOf, type Extractor } from '../extractor.js';
import type { EvidenceSource, TextFinding } from '../findings.js';
import { landmarks } from '../landmarks.js';
import { endsLikeOrganisation, ORGANISATION_SUFFIXES } from '../../ingest/lexicon/organisations.js';
import { compact } from '../../ingest/characters.js';
import { joinLines, splitOutsideBrackets } from '../text.js';

interface Piece {
  start: number;
  end: number;
}

// Joint issuers are printed side by side or run together in a title (中共银川市委银川市人民政府);
// a second name begins where a place name starts again.
const PLACE_START = /^(?:中共|中国)?\p{Script=Han}{1,6}?(?:省|市|自治区|自治州|区|县|州|盟|旗)/u;
const LIST_SEPARATOR = /[、，,;；]/;
const MIN_NAME = 4;

function tokens(text: string): Piece[] {
  return [...text.matchAll(/\S+/g)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

/** Tokens whose text does not yet end like an organisation continue into the next token. */
function mergeUnfinished(text: string, pieces: readonly Piece[]): Piece[] {
  const merged: Piece[] = [];
  let current: Piece | undefined;
  for (const piece of pieces) {
    current = current === undefined ? { ...piece } : { start: current.start, end: piece.end };
    if (endsLikeOrganisation(compact(text.slice(current.start, current.end)))) {
      merged.push(current);
      current = undefined;
    }
  }
  if (current) merged.push(current);
  return merged;
}

function splitList(text: string, piece: Piece): Piece[] {
  return splitOutsideBrackets(text.slice(piece.start, piece.end), LIST_SEPARATOR).map((item) => ({ start: piece.start + item.start, end: piece.start + item.end }));
}

/** A cut inside a suffix (委|员会) would make two names of one. */
function cutsThroughSuffix(name: string, cut: number): boolean {
  return ORGANISATION_SUFFIXES.some((suffix) => {
    for (let before = 1; before < suffix.length; before += 1) {
      if (name.startsWith(suffix, cut - before)) return true;
    }
    return false;
  });
}

function splitRunTogether(text: string, piece: Piece): Piece[] {
  const name = text.slice(piece.start, piece.end);
  for (let cut = MIN_NAME; cut <= name.length - MIN_NAME; cut += 1) {
    const head = name.slice(0, cut);
    const tail = name.slice(cut);
    if (/\s/.test(head.at(-1)!) || !endsLikeOrganisation(head) || !endsLikeOrganisation(tail) || !PLACE_START.test(tail)) continue;
    if (cutsThroughSuffix(name, cut)) continue;
    return [{ start: piece.start, end: piece.start + cut }, ...splitRunTogether(text, { start: piece.start + cut, end: piece.end })];
  }
  return [piece];
}

/** The organs named in a stretch of text, each with its place in it. */
export function organsIn(text: string): Piece[] {
  return mergeUnfinished(text, tokens(text))
    .flatMap((piece) => splitList(text, piece))
    .flatMap((piece) => splitRunTogether(text, piece))
    .filter((piece) => endsLikeOrganisation(compact(text.slice(piece.start, piece.end))));
}

function findings(context: ExtractionContext, span: Span, source: EvidenceSource): TextFinding[] {
  const text = context.slice(span);
  return organsIn(text).map((piece) => {
    const raw = text.slice(piece.start, piece.end);
    return { value: joinLines(raw), raw, span: [span[0] + piece.start, span[0] + piece.end], source };
  });
}

function linesSpan(lines: readonly Line[]): Span | undefined {
  const first = lines[0];
  const last = lines.at(-1);
  return first && last ? [first.span[0], last.span[1]] : undefined;
}

/** 发文机关署名: the organs signed above the date (GB/T 9704-2012 7.3.5). */
function fromSignature(context: ExtractionContext): TextFinding[] {
  const { signature, signDate } = landmarks(context);
  const found: TextFinding[] = [];
  const span = linesSpan(signature);
  if (span) found.push(...findings(context, span, 'signature'));
  // A side-by-side signature can leave an organ on the date's own line.
  if (signDate?.date && signDate.date.start > 0) {
    found.push(...findings(context, [signDate.line.span[0], signDate.line.span[0] + signDate.date.start], 'signature'));
  }
  return found;
}

/** The organs named before 关于 in the title, also when printed on lines of their own above it. */
function fromTitle(context: ExtractionContext): TextFinding[] {
  const span = linesSpan(landmarks(context).title);
  if (span === undefined) return [];
  const about = context.slice(span).indexOf('关于');
  return about > 0 ? findings(context, [span[0], span[0] + about], 'title') : [];
}

/** 版头: the issuing organ's name followed by 文件. */
function fromHeader(context: ExtractionContext): TextFinding[] {
  const header = landmarks(context).header;
  if (header === undefined) return [];
  const end = header.text.search(/文\s*件\s*$/);
  return end > 0 ? findings(context, [header.span[0], header.span[0] + end], 'header') : [];
}

/** The portal's 发布机构 field (some portals call it 来源). */
function fromMetadata(context: ExtractionContext): TextFinding[] {
  const field = context.metadataField('发文机关', '发布机构', '发文单位', '来源', '信息来源');
  if (field === undefined) return [];
  const organs = organsIn(field.value);
  const pieces = organs.length > 0 ? organs : [{ start: 0, end: field.value.length }];
  return pieces.map((piece) => {
    const raw = field.value.slice(piece.start, piece.end);
    return { value: joinLines(raw), raw, span: [field.valueSpan[0] + piece.start, field.valueSpan[0] + piece.end], source: 'metadata' };
  });
}

const RULES = [fromSignature, fromTitle, fromHeader, fromMetadata].map(
  (rule) => (context: ExtractionContext) => {
    const found = rule(context);
    return found.length > 0 ? found : undefined;
  },
);

/** 发文机关, from the first source the document has, in the order of ANNOTATION.md. */
export const issuersExtractor: Extractor = {
  name: 'issuers',
  extract(context) {
    const issuers = firstOf(RULES, context);
    return result(issuers ? { issuers } : {});
  },
};
