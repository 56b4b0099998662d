import type { NoticeDocument } from '../model/document.js';
import type { Message } from '../model/messages.js';
import { result, type Result } from '../model/result.js';
import { ExtractionContext } from './context.js';
import type { Extractor } from './extractor.js';
import { attachmentsExtractor } from './fields/attachments.js';
import { citedDocumentsExtractor } from './fields/cited-documents.js';
import { contactsExtractor } from './fields/contacts.js';
import { deadlinesExtractor } from './deadlines/index.js';
import { docNumberExtractor } from './fields/doc-number.js';
import { docTypeExtractor } from './fields/doc-type.js';
import { printDateExtractor, publishDateExtractor, signDateExtractor } from './fields/document-dates.js';
import { issuersExtractor } from './fields/issuers.js';
import { recipientsExtractor } from './fields/recipients.js';
import { titleExtractor } from './fields/title.js';
import { quotasExtractor } from './quotas/index.js';
import { tasksExtractor } from './tasks/index.js';
import { unitsExtractor } from './units/index.js';
import { emptyFields, type DocumentFields } from './findings.js';

/**
 * The document-field extractors in the order they run. Order matters where a field reads an
 * earlier one: the document type is read from the title, and cited numbers exclude the
 * notice's own number. The task extractors come last: they read the body through a text in
 * which the document numbers, titles and contacts found before them are masked.
 */
export const DOCUMENT_FIELD_EXTRACTORS: readonly Extractor[] = [
  docNumberExtractor,
  titleExtractor,
  docTypeExtractor,
  recipientsExtractor,
  signDateExtractor,
  publishDateExtractor,
  printDateExtractor,
  issuersExtractor,
  citedDocumentsExtractor,
  attachmentsExtractor,
  contactsExtractor,
  unitsExtractor,
  quotasExtractor,
  deadlinesExtractor,
  tasksExtractor,
];

/** Runs the extractors over a laid-out notice and gathers their fields and messages. */
export function extract(document: NoticeDocument, extractors: readonly Extractor[] = DOCUMENT_FIELD_EXTRACTORS): Result<DocumentFields> {
  const fields = emptyFields();
  const messages: Message[] = [];
  const context = new ExtractionContext(document, fields);
  for (const extractor of extractors) {
    const found = extractor.extract(context);
    Object.assign(fields, found.value);
    messages.push(...found.messages);
  }
  return result(fields, messages);
}

export { ExtractionContext } from './context.js';
export type { Extractor } from './extractor.js';
export type * from './findings.js';
export { findDates } from './dates.js';
export { findDocNumbers } from './doc-number.js';
