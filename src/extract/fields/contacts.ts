import { result } from '../../model/result.js';
import type { Span } from '../../model/span.js';
import type { ExtractionContext } from '../context.js';
import { findDates } from '../dates.js';
import { findDocNumbers } from '../doc-number.js';
import type { Extractor } from '../extractor.js';
import type { ContactFinding, PersonFinding } from '../findings.js';
import { CONTACT_HEADING, PHONE_CONTEXT, QUANTITY_AFTER } from '../lexicon/contacts.js';
import { blankSpans } from '../text.js';

// Starting only where a run of address characters starts keeps a long run of digits linear.
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Area code and number (020-39053010, (0769)22836512, 0769 22836512). */
const LANDLINE = /(?<![\d.])(?:[（(]\s*0\d{2,3}\s*[）)]\s*|0\d{2,3}\s*[-－—–]?\s*)[2-9]\d{6,7}(?:\s*[-－—–转]\s*\d{1,5})?(?![\d.])/g;
const MOBILE = /(?<![\d.])1[3-9]\d{9}(?![\d.])/g;
/** A local number without area code: a telephone number only where the text says so. */
const LOCAL = /(?<![\d.\-－—–])[2-9]\d{6,7}(?![\d.\-－—–])/g;
const PERSON_AFTER_LABEL = /联系人\s*[:：]\s*(\p{Script=Han}{2,4})(?=\s*[，,；;（(\s]|$)/gu;
const PERSON_BEFORE_PHONES = /(\p{Script=Han}{2,4})\s*[（(]\s*(?=[\d(（])/gu;
const MAX_CONTEXT_DISTANCE = 40;

interface Segment {
  text: string;
  start: number;
  /** The segment stands under a heading such as 联系人及联系方式, where every number is a contact. */
  underContactHeading: boolean;
}

/** Masks what must never be read as a telephone number: document numbers, dates, e-mails. */
function masked(text: string): string {
  const spans: Array<[number, number]> = [
    ...findDocNumbers(text).map((number): [number, number] => [number.start, number.end]),
    ...findDates(text).map((date): [number, number] => [date.start, date.end]),
    ...[...text.matchAll(EMAIL)].map((email): [number, number] => [email.index, email.index + email[0].length]),
  ];
  return blankSpans(text, spans, '#');
}

function segments(context: ExtractionContext): Segment[] {
  const found: Segment[] = [];
  let underContactHeading = false;
  for (const block of context.document.blocks) {
    if (block.type === 'metadata') continue;
    const text = context.slice(block.span);
    if (block.type === 'heading') underContactHeading = CONTACT_HEADING.test(text);
    if (block.type === 'attachment') underContactHeading = false;
    if (block.type === 'table') {
      for (const row of block.rows) found.push({ text: context.slice(row.span), start: row.span[0], underContactHeading });
    } else {
      found.push({ text, start: block.span[0], underContactHeading });
    }
  }
  return found;
}

function digitsOnly(raw: string): string {
  return raw.replace(/\D/g, '');
}

function isQuantity(text: string, end: number): boolean {
  return QUANTITY_AFTER.test(text.slice(end, end + 4));
}

/** A context word before the number, in the same clause. */
function saysTelephone(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - MAX_CONTEXT_DISTANCE), index);
  const clause = before.split(/[。；;]/).at(-1) ?? '';
  return PHONE_CONTEXT.test(clause);
}

/** A name followed by numbers in brackets: 李智勇（20109933，13711922710）. */
function followsName(text: string, index: number): boolean {
  const open = Math.max(text.lastIndexOf('（', index), text.lastIndexOf('(', index));
  if (open < 0 || /[）)]/.test(text.slice(open, index))) return false;
  return /\p{Script=Han}{2,4}\s*$/u.test(text.slice(Math.max(0, open - 6), open)) && /^[\d\s，,、\-－—–]*$/.test(text.slice(open + 1, index));
}

function phoneFindings(segment: Segment, clean: string): ContactFinding[] {
  const found: ContactFinding[] = [];
  const taken: Span[] = [];
  const add = (start: number, end: number): void => {
    if (taken.some(([a, b]) => a < end && start < b)) return;
    taken.push([start, end]);
    const raw = segment.text.slice(start, end);
    found.push({ kind: 'phone', value: digitsOnly(raw), raw, span: [segment.start + start, segment.start + end], source: 'body' });
  };
  for (const pattern of [LANDLINE, MOBILE]) {
    for (const match of clean.matchAll(pattern)) {
      if (!isQuantity(clean, match.index + match[0].length)) add(match.index, match.index + match[0].length);
    }
  }
  for (const match of clean.matchAll(LOCAL)) {
    const end = match.index + match[0].length;
    if (isQuantity(clean, end)) continue;
    if (segment.underContactHeading || saysTelephone(clean, match.index) || followsName(clean, match.index)) add(match.index, end);
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

function emailFindings(segment: Segment): ContactFinding[] {
  return [...segment.text.matchAll(EMAIL)].map((match) => ({
    kind: 'email',
    value: match[0],
    raw: match[0],
    span: [segment.start + match.index, segment.start + match.index + match[0].length],
    source: 'body',
  }));
}

/** People named as contacts, with the numbers and addresses that follow them in their clause. */
function peopleIn(segment: Segment, contacts: readonly ContactFinding[]): PersonFinding[] {
  const names = [...segment.text.matchAll(PERSON_AFTER_LABEL), ...segment.text.matchAll(PERSON_BEFORE_PHONES)]
    .map((match) => ({ name: match[1]!, start: match.index + match[0].indexOf(match[1]!) }))
    .sort((a, b) => a.start - b.start);
  return names.map((person, i) => {
    const from = segment.start + person.start;
    const to = i + 1 < names.length ? segment.start + names[i + 1]!.start : segment.start + segment.text.length;
    const own = contacts.filter((contact) => contact.span[0] >= from && contact.span[1] <= to);
    const organisation = /(\p{Script=Han}{2,10}?)(?:联系人)?\s*[:：]\s*$/u.exec(segment.text.slice(Math.max(0, person.start - 14), person.start))?.[1];
    const finding: PersonFinding = {
      name: person.name,
      raw: person.name,
      span: [from, from + person.name.length],
      source: 'body',
      phones: own.filter((contact) => contact.kind === 'phone').map((contact) => contact.value),
      emails: own.filter((contact) => contact.kind === 'email').map((contact) => contact.value),
    };
    if (organisation !== undefined && organisation !== '联系人') finding.organisation = organisation;
    return finding;
  });
}

/**
 * Telephone numbers and e-mail addresses given for contact, and the people they belong to.
 * Numbers with an area code or of a mobile are always telephone numbers; a bare local number
 * only after a word such as 电话 or in a contact section. Hotlines (12315) are too short to match.
 */
export const contactsExtractor: Extractor = {
  name: 'contacts',
  extract(context) {
    const contacts: ContactFinding[] = [];
    const people: PersonFinding[] = [];
    for (const segment of segments(context)) {
      const found = [...phoneFindings(segment, masked(segment.text)), ...emailFindings(segment)].sort((a, b) => a.span[0] - b.span[0]);
      contacts.push(...found);
      people.push(...peopleIn(segment, found).filter((person) => person.phones.length + person.emails.length > 0));
    }
    return result({ contacts, people });
  },
};
