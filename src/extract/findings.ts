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
}

export function emptyFields(): DocumentFields {
  return { issuers: [], citedDocuments: [], attachments: [], contacts: [], people: [] };
}
