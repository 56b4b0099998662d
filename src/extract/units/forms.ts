import type { Span } from '../../model/span.js';
import { endsLikeOrganisation } from '../../ingest/lexicon/organisations.js';
import type { UnitMention, UnitRole } from '../findings.js';
import { ROLE_WORDS, roleOfLabel, UNIT_LABEL_IN_TEXT } from '../lexicon/units.js';
import { MASK, type Region } from '../regions.js';
import { splitOutsideBrackets } from '../text.js';
import { unitsOfClause, type RoleName } from './clauses.js';
import { namesEnd } from './names.js';

/** What a form reads: one region of the body, the masked text, and every region (for table headers). */
export interface FormInput {
  region: Region;
  masked: string;
  text: string;
  regions: readonly Region[];
  /** The document's issuing organs. */
  issuers: ReadonlySet<string>;
}

/** One way a notice names responsible units; each form is an entry in UNIT_FORMS. */
export interface UnitForm {
  name: UnitMention['form'];
  read(input: FormInput): UnitMention[];
}

const CLAUSE_SEPARATORS = /[，,；;]/;
const HAS_LABEL = new RegExp(UNIT_LABEL_IN_TEXT.source);
const OPENING = /[（(]/;
const CLOSING = /[）)]/;

function mentions(input: FormInput, found: readonly RoleName[], form: UnitMention['form']): UnitMention[] {
  return found
    .filter((piece) => !piece.name.includes(MASK))
    .map((piece) => ({ name: piece.name, role: piece.role, form, raw: input.text.slice(piece.start, piece.end), span: [piece.start, piece.end] as Span }));
}

function clauses(masked: string, start: number, end: number, defaultRole?: UnitRole): RoleName[] {
  return splitOutsideBrackets(masked.slice(start, end), CLAUSE_SEPARATORS).flatMap((clause) =>
    unitsOfClause(masked, start + clause.start, start + clause.end, defaultRole),
  );
}

/** The clauses of a note up to the first that names no unit: a note that runs into prose ends there. */
function noteClauses(masked: string, start: number, end: number, role: UnitRole): RoleName[] {
  const found: RoleName[] = [];
  for (const clause of splitOutsideBrackets(masked.slice(start, end), CLAUSE_SEPARATORS)) {
    const named = unitsOfClause(masked, start + clause.start, start + clause.end, role);
    if (named.length === 0) break;
    found.push(...named);
  }
  return found;
}

/**
 * Where a note that opens at `from` ends: at a closing bracket it did not open (the note was
 * bracketed: `（牵头单位：…；配合单位：…）`), at a full stop, or at `end`.
 */
function noteEnd(masked: string, from: number, end: number): number {
  let depth = 0;
  for (let i = from; i < end; i += 1) {
    const ch = masked[i]!;
    if (OPENING.test(ch)) depth += 1;
    else if (CLOSING.test(ch)) {
      if (depth === 0) return i;
      depth -= 1;
    } else if (ch === '。' && depth === 0) return i;
  }
  return end;
}

/** `（责任单位：市委宣传部、文广新局）` in a sentence, or a `责任单位：…` line after a task. */
const labelNotes: UnitForm = {
  name: 'note',
  read(input) {
    const [start, end] = input.region.span;
    const labels = [...input.masked.slice(start, end).matchAll(UNIT_LABEL_IN_TEXT)].map((match) => ({ at: start + match.index, after: start + match.index + match[0].length, label: match[0] }));
    const found: RoleName[] = [];
    labels.forEach((label, i) => {
      const role = roleOfLabel(label.label);
      if (role === undefined) return;
      const limit = noteEnd(input.masked, label.after, labels[i + 1]?.at ?? end);
      found.push(...noteClauses(input.masked, label.after, limit, role));
    });
    return mentions(input, found, 'note');
  },
};

const ROLE_WORD = new RegExp(`(?:${ROLE_WORDS.map((entry) => entry.word).join('|')})`);

/** `（东莞广播电视台负责,宣传部、强市办协助）`: a bracketed note whose clauses end in role words. */
const roleNotes: UnitForm = {
  name: 'note',
  read(input) {
    const [start, end] = input.region.span;
    const found: RoleName[] = [];
    const open: number[] = [];
    for (let i = start; i < end; i += 1) {
      const ch = input.masked[i]!;
      if (OPENING.test(ch)) open.push(i);
      else if (CLOSING.test(ch) && open.length > 0) {
        const from = open.pop()! + 1;
        if (open.length > 0) continue;
        const content = input.masked.slice(from, i);
        if (ROLE_WORD.test(content) && !HAS_LABEL.test(content)) found.push(...clauses(input.masked, from, i));
      }
    }
    return mentions(input, found, 'note');
  },
};

const headerRolesOf = new WeakMap<readonly Region[], Map<number, Array<UnitRole | undefined>>>();

/** The role each header of each table gives, read once per document. */
function headerRoles(regions: readonly Region[]): Map<number, Array<UnitRole | undefined>> {
  let roles = headerRolesOf.get(regions);
  if (roles === undefined) {
    roles = new Map();
    for (const region of regions) {
      if (region.cell?.row !== 0) continue;
      roles.set(region.cell.block, [...(roles.get(region.cell.block) ?? []), roleOfLabel(region.cell.header)]);
    }
    headerRolesOf.set(regions, roles);
  }
  return roles;
}

/** The role a column gives its units: a 责任单位 column beside a 协助单位 column leads. */
function columnRole(input: FormInput): UnitRole | undefined {
  const cell = input.region.cell;
  if (cell === undefined || cell.row <= 0) return undefined;
  const role = roleOfLabel(cell.header);
  if (role !== 'responsible') return role;
  return headerRoles(input.regions).get(cell.block)?.includes('assist') ? 'lead' : 'responsible';
}

/** Cells of a 责任单位, 牵头单位 or 协助单位 column; names in a cell may be set apart by spaces only. */
const tableColumns: UnitForm = {
  name: 'column',
  read(input) {
    const role = columnRole(input);
    if (role === undefined) return [];
    const [start, end] = input.region.span;
    return mentions(input, clauses(input.masked, start, end, role), 'column');
  },
};

const SENTENCE_CLAUSE = /[，,；;。！？：:]/g;
const BRACKETED = /[（(][^（）()]*[）)]/g;
// The role word of an attributive (`所负责的领域`, `牵头的部门`, `X牵头设立的研发机构`) assigns
// nothing: it describes a thing, here and now nobody is asked to do anything. With an agent
// (`由市教育局负责组织的考试`) the attributive still says who does the work.
const ATTRIBUTIVE = /^(?:的|之)/;
const ATTRIBUTIVE_WITH_VERB = /^(?:设立|成立|组建|创办|创建|兴办|举办|建设|建立|开展|实施|承担|制定|组织|完成)(?:的|之)/;
const MAX_SENTENCE_HEAD = 40;

/** The line with bracketed notes blanked out: role notes read them, and their commas are not the sentence's. */
function withoutNotes(masked: string, start: number, end: number): string {
  return masked.slice(start, end).replace(BRACKETED, (note) => (/[，,；;]/.test(note) || ROLE_WORD.test(note) ? MASK.repeat(note.length) : note));
}

/**
 * A unit in running text counts only with a role word right after it (`由强市办主办，各镇街、
 * 成员单位协办`, `东莞广播电视台负责`, `X会同Y`), and only a name that reads as an
 * organisation's: `指定领导专职负责` names nobody. The issuing organs saying what they
 * themselves do (`重庆市经信委会同…决定举办`) assign nothing.
 */
const roleSentences: UnitForm = {
  name: 'sentence',
  read(input) {
    if (input.region.kind !== 'line') return [];
    const [start, end] = input.region.span;
    const line = withoutNotes(input.masked, start, end);
    const found: RoleName[] = [];
    // A run-in heading's number (`（二）`) opens the line but is not part of a name.
    const block = input.region.line?.block;
    const marker = block?.type === 'heading' ? line.indexOf(block.marker) : -1;
    let from = marker >= 0 && block?.type === 'heading' ? marker + block.marker.length : 0;
    for (const boundary of [...line.matchAll(SENTENCE_CLAUSE), { index: line.length, 0: '' }]) {
      const clause = line.slice(from, boundary.index);
      const agent = clause.lastIndexOf('由');
      const clauseStart = from + (agent >= 0 ? agent + 1 : 0);
      const clauseEnd = boundary.index;
      from = clauseEnd + boundary[0].length;
      const headEnd = namesEnd(line, clauseStart, clauseEnd);
      const afterRole = line.slice(headEnd + 2, clauseEnd);
      if (headEnd - clauseStart > MAX_SENTENCE_HEAD || ATTRIBUTIVE.test(afterRole) || (agent < 0 && ATTRIBUTIVE_WITH_VERB.test(afterRole))) continue;
      found.push(...unitsOfClause(line, clauseStart, clauseEnd).map((piece) => ({ ...piece, start: piece.start + start, end: piece.end + start })));
    }
    return mentions(
      input,
      found.filter((piece) => (endsLikeOrganisation(piece.name) || /^各/.test(piece.name)) && !input.issuers.has(piece.name)),
      'sentence',
    );
  },
};

/** The forms in the order they are read; a new way of naming units is a new entry. */
export const UNIT_FORMS: readonly UnitForm[] = [labelNotes, roleNotes, tableColumns, roleSentences];
