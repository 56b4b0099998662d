import type { Span } from '../model/span.js';

/** Where in the notice a value was read: the part of a 公文 that states it. */
export type EvidenceSource = 'header' | 'title' | 'body' | 'signature' | 'record' | 'metadata';

/** A value as the document writes it (`raw`, `span`) and where it was read. */
export interface Evidence {
  raw: string;
  span: Span;
  source: EvidenceSource;
}

export interface TextFinding extends Evidence {
  value: string;
}

export interface DateFinding extends Evidence {
  /** YYYY-MM-DD */
  value: string;
}

export interface DocNumberFinding extends Evidence {
  /** organ + 〔YYYY〕 + serial + 号 */
  normalized: string;
  organ: string;
  year: number;
  serial: number;
  /** True when a damaged number was read as a careful reader would (`〔201817号`). */
  repaired: boolean;
}

export interface RecipientsFinding extends Evidence {
  value: string;
  list: string[];
}

export interface CitedDocumentFinding {
  docNumber: DocNumberFinding;
  /** Title in 《》 written right before the number. */
  title?: TextFinding;
}

export interface AttachmentFinding extends Evidence {
  title: string;
  number?: number;
}

export interface ContactFinding extends Evidence {
  kind: 'phone' | 'email';
  /** Digits only for phones; the address for e-mails. */
  value: string;
}

export interface PersonFinding extends Evidence {
  name: string;
  organisation?: string;
  phones: string[];
  emails: string[];
}

/** A value written in the text, with the text as written. `text.slice(span)` equals `raw`. */
export interface Spanned {
  raw: string;
  span: Span;
}

export type UnitRole = 'lead' | 'assist' | 'responsible';

/** One place where the document names an organisation responsible for, or helping with, work. */
export interface UnitMention extends Spanned {
  /** The name as written, with role words, quantities and a trailing 等 removed. */
  name: string;
  role: UnitRole;
  /** How the role was read: a note, a table column, a sentence with a role word. */
  form: 'note' | 'column' | 'sentence';
}

/** A distinct organisation with every role it has anywhere in the document. */
export interface UnitFinding {
  name: string;
  roles: UnitRole[];
  mentions: UnitMention[];
  /** The full name this one abbreviates (`强市办`), or is a near-identical variant of. */
  aliasOf?: string;
  /** How the alias was found: defined by the document (`以下简称`), or inferred from similar spelling. */
  aliasSource?: 'defined' | 'inferred';
}

export type Comparator = '>=' | '<=' | '>' | '<' | '~' | '=';

/** A number the document sets as a target or a requirement (ANNOTATION.md, Quotas). */
export interface QuotaFinding extends Spanned {
  /** `<comparator><value><unit>`, e.g. `>=48次`. */
  key: string;
  comparator: Comparator;
  /** The number in ASCII digits as keyed; a range is `6-8`. */
  value: string;
  /** Lower and upper bound of `value` as numbers (equal unless a range). */
  low: number;
  high: number;
  /** The measure word or unit written after the number (`次`, `个工作日`, `万元`, `/千人`). */
  unit: string;
  /** `约`, `左右`, `两三个`: the number is an estimate. */
  approximate: boolean;
  /** A rise (`提高`, `增加`, `递增`) or a fall (`减少`, `降低`); absent for a level. */
  change?: 'increase' | 'decrease';
  /** The period of a frequency: `每周` → week, `每年`/`全年` → year. */
  period?: 'day' | 'week' | 'month' | 'quarter' | 'year';
  /** What each one counts for, as written: `每个广场`, `每500米`. */
  scope?: string;
  /** The measure the number is about, as written: `合格率`, `满意度`. */
  metric?: string;
}

export type DeadlineKind = 'by' | 'on' | 'window' | 'recurring';

/** A time limit or schedule attached to something the document requires (ANNOTATION.md, Deadlines). */
export interface DeadlineFinding extends Spanned {
  /** `by:<date>`, `on:<date>`, `window:<start>/<end>` or `recurring:<period>:<point>`. */
  key: string;
  kind: DeadlineKind;
  /** by and on: the date with the precision written (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
  /** window: the first and last date; an open end is absent. */
  start?: string;
  end?: string;
  /** recurring: the period and the point in it (weekday 1–7, day of month, or MM-DD). */
  period?: 'week' | 'month' | 'year';
  point?: string;
  /** True when a year was inferred (from the sentence, a range or the signing date) rather than written. */
  implied: boolean;
}

/** Something the document asks someone to do: a numbered item, a 一是… clause or a table row. */
export interface TaskFinding extends Spanned {
  /** The task's place: heading numbers joined by dots (`四.(五).1`), or `附件1.row3` for a table row. */
  id: string;
  /** The headings above the task, outermost first, as written. */
  path: string[];
  /** The task's own heading or first clause, for people reading a list of tasks. */
  title: string;
  /** Units named in the task, with the role they have in it. */
  units: UnitMention[];
  /** Indexes into the document's `quotas` and `deadlines` that fall inside the task. */
  quotas: number[];
  deadlines: number[];
}

/** Every document field of ANNOTATION.md, with the evidence for each value. */
export interface DocumentFields {
  title?: TextFinding;
  docType?: TextFinding;
  docNumber?: DocNumberFinding;
  issuers: TextFinding[];
  recipients?: RecipientsFinding;
  signDate?: DateFinding;
  publishDate?: DateFinding;
  printDate?: DateFinding;
  citedDocuments: CitedDocumentFinding[];
  attachments: AttachmentFinding[];
  contacts: ContactFinding[];
  people: PersonFinding[];
  units: UnitFinding[];
  quotas: QuotaFinding[];
  deadlines: DeadlineFinding[];
  tasks: TaskFinding[];
}

export function emptyFields(): DocumentFields {
  return { issuers: [], citedDocuments: [], attachments: [], contacts: [], people: [], units: [], quotas: [], deadlines: [], tasks: [] };
}
