import { z } from 'zod';
import { BlockSchema, MetadataFieldSchema, PartSchema, SourceInfoSchema } from '../model/document.js';
import { MessageSchema } from '../model/messages.js';
import { SpanSchema } from '../model/span.js';
import { DOCUMENT_TYPES } from '../ingest/lexicon/document-types.js';

/**
 * The record gongwen writes for one notice. This schema is the single definition of the
 * output: TypeScript types are inferred from it, `gongwen schema` prints it as JSON Schema,
 * and every record is validated against it before it leaves the library.
 */

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');

const EvidenceSourceSchema = z
  .enum(['header', 'title', 'body', 'signature', 'record', 'metadata'])
  .describe('part of the notice the value was read from; metadata is the portal information block');

const ProvenanceSchema = z
  .object({ raw: z.string().describe('the text as written'), span: SpanSchema, source: EvidenceSourceSchema })
  .describe('where a value stands in the text');

const DocNumberSchema = z.object({
  raw: z.string(),
  normalized: z.string().describe('organ code + 〔YYYY〕 + serial + 号'),
  organ: z.string(),
  year: z.number().int(),
  serial: z.number().int(),
  repaired: z.boolean().describe('true when a damaged number was read as a careful reader would'),
  span: SpanSchema,
  source: EvidenceSourceSchema,
});

const RecipientsSchema = z.object({
  raw: z.string().describe('the addressee line before its colon'),
  list: z.array(z.string()),
  span: SpanSchema,
});

const CitedDocumentSchema = z.object({
  docNumber: DocNumberSchema,
  title: z.string().nullable().describe('title given in 《》 before the number'),
  titleSpan: SpanSchema.optional(),
});

const AttachmentSchema = z.object({
  title: z.string().describe('title with numbering, trailing punctuation and file extension removed'),
  number: z.number().int().positive().optional(),
  raw: z.string(),
  span: SpanSchema,
});

const ContactOccurrenceSchema = z.object({
  kind: z.enum(['phone', 'email']),
  value: z.string().describe('digits only for telephone numbers'),
  raw: z.string(),
  span: SpanSchema,
});

const PersonSchema = z.object({
  name: z.string(),
  organisation: z.string().optional(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  span: SpanSchema,
});

const ContactsSchema = z.object({
  phones: z.array(z.string()).describe('every telephone number given for contact, digits only, each once'),
  emails: z.array(z.string()).describe('every e-mail address, each once'),
  people: z.array(PersonSchema),
  occurrences: z.array(ContactOccurrenceSchema).describe('each place a number or address is written'),
});

const UnitRoleSchema = z.enum(['lead', 'assist', 'responsible']);

const UnitSchema = z.object({
  name: z.string(),
  roles: z.array(UnitRoleSchema),
});

const QuotaSchema = z.object({
  key: z.string().describe('<comparator><value><unit>, e.g. ">=48次"'),
  raw: z.string(),
  span: SpanSchema,
  comparator: z.enum(['>=', '<=', '>', '<', '~', '=']),
  value: z.string(),
  unit: z.string(),
});

const DeadlineSchema = z.object({
  key: z.string().describe('by:<date>, on:<date>, window:<start>/<end> or recurring:<period>:<point>'),
  raw: z.string(),
  span: SpanSchema,
  kind: z.enum(['by', 'on', 'window', 'recurring']),
});

const TaskSchema = z.object({
  id: z.string(),
  span: SpanSchema,
});

const ProvenanceMapSchema = z
  .object({
    title: ProvenanceSchema.optional(),
    docType: ProvenanceSchema.optional(),
    issuers: z.array(ProvenanceSchema),
    signDate: ProvenanceSchema.optional(),
    publishDate: ProvenanceSchema.optional(),
    printDate: ProvenanceSchema.optional(),
  })
  .describe('raw text and span of the fields whose value is a plain string');

export const NoticeRecordSchema = z
  .object({
    schemaVersion: z.literal(1),
    generator: z.object({ name: z.literal('gongwen'), version: z.string() }),
    source: SourceInfoSchema,
    title: z.string().nullable(),
    docType: z.enum(DOCUMENT_TYPES).nullable(),
    docNumber: DocNumberSchema.nullable(),
    issuers: z.array(z.string()),
    recipients: RecipientsSchema.nullable(),
    signDate: IsoDateSchema.nullable().describe('成文日期'),
    publishDate: IsoDateSchema.nullable().describe('发布日期 (portal)'),
    printDate: IsoDateSchema.nullable().describe('印发日期 (版记)'),
    citedDocuments: z.array(CitedDocumentSchema),
    attachments: z.array(AttachmentSchema),
    contacts: ContactsSchema,
    units: z.array(UnitSchema).describe('responsible units (filled by the task extractors)'),
    quotas: z.array(QuotaSchema).describe('quotas (filled by the task extractors)'),
    deadlines: z.array(DeadlineSchema).describe('deadlines (filled by the task extractors)'),
    tasks: z.array(TaskSchema).describe('tasks (filled by the task extractors)'),
    provenance: ProvenanceMapSchema,
    metadata: z.array(MetadataFieldSchema).describe('the portal information block, label by label'),
    text: z.string().describe('canonical text of the notice; every span points into it'),
    blocks: z.array(BlockSchema),
    parts: z.array(PartSchema),
    messages: z.array(MessageSchema),
  })
  .describe('A Chinese government notice (公文) read by gongwen');

export type NoticeRecord = z.infer<typeof NoticeRecordSchema>;
export type DocNumber = z.infer<typeof DocNumberSchema>;
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** The published contract as JSON Schema (draft 2020-12). */
export function noticeJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(NoticeRecordSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
}
