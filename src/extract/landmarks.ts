import type { ExtractionContext, Line } from './context.js';
import { dateLine, findDates, type FoundDate } from './dates.js';
import { findDocNumbers } from './doc-number.js';
import { documentTypeAtEnd } from '../ingest/lexicon/document-types.js';
import { ATTACHMENT_NOTE } from '../ingest/lexicon/notice-parts.js';
import { endsLikeOrganisation } from '../ingest/lexicon/organisations.js';
import { compact } from '../ingest/characters.js';

/**
 * The landmarks of a 公文's first page (GB/T 9704-2012 7.2–7.3): 版头, 发文字号, 标题, 主送机关,
 * the body, 发文机关署名 and 成文日期. Each is found once per document and shared by the
 * extractors that read a field from it.
 */

const SENTENCE_END = /[。！？!?]/;
const CLAUSE_PUNCTUATION = /[。；;，,：:！？!?]/;
const MAX_TITLE_LINE = 80;
const MAX_SIGNATURE_LINE = 60;
const HEADER_SUFFIX = /文\s*件$/;
const DAMAGED_DATE_LINE = /^\s*(\d{7,8})\s*$/;
const ADDRESSEE_WORDS = /各|局|委|厅|部|院|府|会|中心|单位|部门|办|公司|行|所|站|政府|人民|小组|机构|社|台|学校|医院|街道|镇|乡/;
const NOT_ADDRESSEE = /^(?:附\s*件|联系人|联系电话|电\s*话|邮\s*箱|传\s*真|地\s*址|签发人|抄\s*送|主题词|备注|说明|注)/;
// A lead-in that ends with a colon (现将有关事项通知如下：) is a sentence, not the addressees.
const LEAD_IN = /如下|现将|现就|特此|为了|为进一步|为切实|根据|按照|经.{0,16}同意|决定|通知|公告|通告|公布|批复/;
const MAX_TITLE_LINES = 6;

export interface SignDateLine {
  line: Line;
  /** A date written in full, or the readings of a date whose separators were lost. */
  date?: FoundDate;
  damagedDigits?: string;
}

export interface Landmarks {
  /** Index into mainLines of the first paragraph of the body (mainLines.length when none). */
  bodyStart: number;
  addressee?: Line;
  title: Line[];
  header?: Line;
  signDate?: SignDateLine;
  signature: Line[];
}

const cache = new WeakMap<ExtractionContext, Landmarks>();

export function landmarks(context: ExtractionContext): Landmarks {
  let found = cache.get(context);
  if (found === undefined) {
    found = findLandmarks(context);
    cache.set(context, found);
  }
  return found;
}

function isBodyParagraph(line: Line): boolean {
  return (line.block.type === 'paragraph' || line.block.type === 'heading') && SENTENCE_END.test(line.text) && compact(line.text).length >= 20;
}

/** A line that holds only a document number: bare, in brackets (as printed under a published title), or beside 签发人. */
export function isDocNumberLine(line: Line): boolean {
  const [number] = findDocNumbers(line.text);
  if (number === undefined) return false;
  const rest = compact(line.text.slice(0, number.start) + line.text.slice(number.end));
  return rest === '' || /^[（(][）)]$/.test(rest) || /^签发人[:：][\p{Script=Han}]{2,4}$/u.test(rest);
}

function isHeaderLine(line: Line): boolean {
  return line.block.type === 'paragraph' && HEADER_SUFFIX.test(line.text) && !/关于/.test(line.text) && compact(line.text).length <= 40;
}

function endsWithDocumentType(text: string): boolean {
  return documentTypeAtEnd(compact(text)) !== undefined;
}

function isTitleLike(line: Line): boolean {
  const text = compact(line.text);
  return (
    line.block.type === 'paragraph' &&
    text.length > 0 &&
    text.length <= MAX_TITLE_LINE &&
    !/[。；;，,]$/.test(text) &&
    !SENTENCE_END.test(text) &&
    dateLine(line.text) === undefined &&
    !isDocNumberLine(line) &&
    !isHeaderLine(line)
  );
}

function isAddresseeLine(line: Line): boolean {
  const text = line.text.trim();
  if (!/[:：]$/.test(text) || line.block.type === 'heading') return false;
  const before = text.slice(0, -1).trim();
  return before.length >= 2 && !before.includes('。') && !NOT_ADDRESSEE.test(before) && !LEAD_IN.test(before) && ADDRESSEE_WORDS.test(before);
}

/** Consecutive blocks: a title or a signature never runs over a table or a metadata block. */
function adjacent(first: Line, second: Line): boolean {
  return second.index === first.index + 1;
}

/**
 * The title lines right above the addressees; a 发文字号 or date printed between the title and
 * the addressees (as portals do) is stepped over.
 */
function titleBefore(lines: readonly Line[], end: number): Line[] {
  const title: Line[] = [];
  for (let i = end - 1; i >= 0 && title.length < MAX_TITLE_LINES; i -= 1) {
    const line = lines[i]!;
    const first = title[0];
    if (isTitleLike(line) && (first === undefined || adjacent(line, first))) {
      title.unshift(line);
    } else if (first !== undefined || !(isDocNumberLine(line) || dateLine(line.text) !== undefined)) {
      break;
    }
  }
  return looksLikeTitle(title) ? title : [];
}

function looksLikeTitle(lines: readonly Line[]): boolean {
  if (lines.length === 0) return false;
  const text = lines.map((line) => line.text).join('');
  return endsWithDocumentType(text) || /关于/.test(text);
}

/**
 * Without an addressee line, the title is the first title-like run that ends with a type word,
 * or else the first title-like line that is about something (关于…的办事指南).
 */
function firstTitle(lines: readonly Line[], end: number): Line[] {
  let run: Line[] = [];
  let about: Line | undefined;
  for (const line of lines.slice(0, end)) {
    if (!isTitleLike(line)) {
      run = [];
      continue;
    }
    const previous = run.at(-1);
    run = previous !== undefined && adjacent(previous, line) ? [...run.slice(1 - MAX_TITLE_LINES), line] : [line];
    if (endsWithDocumentType(line.text)) return run;
    if (about === undefined && /关于/.test(line.text)) about = line;
  }
  return about === undefined ? [] : [about];
}

function signDateAt(line: Line): SignDateLine | undefined {
  if (line.block.type !== 'paragraph') return undefined;
  const whole = dateLine(line.text);
  if (whole) return { line, date: whole };
  const damaged = DAMAGED_DATE_LINE.exec(line.text);
  if (damaged) return { line, damagedDigits: damaged[1]! };
  // An organ and the date on one line, as side-by-side signatures come out of PDFs.
  const dates = findDates(line.text);
  const last = dates.at(-1);
  if (last === undefined || compact(line.text.slice(last.end)) !== '') return undefined;
  const before = line.text.slice(0, last.start).trim();
  return before.length <= MAX_SIGNATURE_LINE && !CLAUSE_PUNCTUATION.test(before) && endsLikeOrganisation(before) ? { line, date: last } : undefined;
}

function isSignatureLine(line: Line): boolean {
  const text = line.text.trim();
  return (
    line.block.type === 'paragraph' &&
    text.length > 0 &&
    text.length <= MAX_SIGNATURE_LINE &&
    !CLAUSE_PUNCTUATION.test(text) &&
    !ATTACHMENT_NOTE.test(text) &&
    !/^[（(].*[）)]$/.test(text)
  );
}

/**
 * Documents adopted by a meeting or issued by a party committee print their date in brackets
 * right under the title, （2018年4月7日）, instead of under a signature.
 */
function dateUnderTitle(lines: readonly Line[], title: readonly Line[]): { index: number; found: SignDateLine } | undefined {
  const last = title.at(-1);
  if (last === undefined) return undefined;
  const index = lines.indexOf(last) + 1;
  const line = lines[index];
  if (line === undefined || !adjacent(last, line) || !/^\s*[（(].*[）)]\s*$/.test(line.text)) return undefined;
  const date = dateLine(line.text);
  return date === undefined ? undefined : { index, found: { line, date } };
}

function findLandmarks(context: ExtractionContext): Landmarks {
  const lines = context.mainLines;
  let bodyStart = lines.findIndex(isBodyParagraph);
  if (bodyStart < 0) bodyStart = lines.length;

  const addresseeIndex = lines.slice(0, bodyStart + 1).findIndex(isAddresseeLine);
  const addressee = addresseeIndex >= 0 ? lines[addresseeIndex] : undefined;
  const title = addressee !== undefined ? titleBefore(lines, addresseeIndex) : firstTitle(lines, bodyStart);
  const titleStart = title[0] === undefined ? bodyStart : lines.indexOf(title[0]);
  const header = lines.slice(0, titleStart).find(isHeaderLine);

  const searchFrom = addresseeIndex >= 0 ? addresseeIndex + 1 : bodyStart;
  const candidates: Array<{ index: number; found: SignDateLine }> = [];
  lines.slice(searchFrom).forEach((line, offset) => {
    const found = signDateAt(line);
    if (found) candidates.push({ index: searchFrom + offset, found });
  });
  // GB/T 9704-2012 7.3.5: the 成文日期 stands under the issuing organ's name. A date line without
  // a signature above it (a schedule, say) is the signing date only when no signed one exists.
  const signed = candidates.find(({ index, found }) => {
    const above = lines[index - 1];
    const organOnDateLine = found.date !== undefined && found.date.start > 0;
    return organOnDateLine || (above !== undefined && adjacent(above, found.line) && isSignatureLine(above) && endsLikeOrganisation(above.text));
  });
  const chosen = signed ?? dateUnderTitle(lines, title) ?? candidates[0];
  const signDate = chosen?.found;
  const signDateIndex = chosen?.index ?? -1;

  const signature: Line[] = [];
  for (let i = signDateIndex - 1; i > Math.max(addresseeIndex, titleStart); i -= 1) {
    const line = lines[i]!;
    const below = signature[0] ?? lines[signDateIndex]!;
    if (!isSignatureLine(line) || !adjacent(line, below)) break;
    signature.unshift(line);
  }
  return {
    bodyStart,
    title,
    signature,
    ...(addressee ? { addressee } : {}),
    ...(header ? { header } : {}),
    ...(signDate ? { signDate } : {}),
  };
}
