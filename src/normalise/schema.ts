import { z } from 'zod';
import { BlockSchema, MetadataFieldSchema, OcrMarkSchema, PartSchema, SourceInfoSchema } from '../model/document.js';
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

// Every value read from the text carries `ocr` when that text was recognised from a scan
// (normalise/ocr.ts), so that importing systems can send it to review.
const OcrShape = { ocr: OcrMarkSchema.optional() };

const ProvenanceSchema = z
  .object({ raw: z.string().describe('the text as written'), span: SpanSchema, source: EvidenceSourceSchema, ...OcrShape })
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
  ...OcrShape,
});

const RecipientsSchema = z.object({
  raw: z.string().describe('the addressee line before its colon'),
  list: z.array(z.string()),
  span: SpanSchema,
  ...OcrShape,
});

const CitedDocumentSchema = z.object({
  docNumber: DocNumberSchema,
  title: z.string().nullable().describe('title given in 《》 before the number'),
  titleSpan: SpanSchema.optional(),
  ...OcrShape,
});

const AttachmentSchema = z.object({
  title: z.string().describe('title with numbering, trailing punctuation and file extension removed'),
  number: z.number().int().positive().optional(),
  raw: z.string(),
  span: SpanSchema,
  ...OcrShape,
});

const ContactOccurrenceSchema = z.object({
  kind: z.enum(['phone', 'email']),
  value: z.string().describe('digits only for telephone numbers'),
  raw: z.string(),
  span: SpanSchema,
  ...OcrShape,
});

const PersonSchema = z.object({
  name: z.string(),
  organisation: z.string().optional(),
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  span: SpanSchema,
  ...OcrShape,
});

const ContactsSchema = z.object({
  phones: z.array(z.string()).describe('every telephone number given for contact, digits only, each once'),
  emails: z.array(z.string()).describe('every e-mail address, each once'),
  people: z.array(PersonSchema),
  occurrences: z.array(ContactOccurrenceSchema).describe('each place a number or address is written'),
});

const UnitRoleSchema = z
  .enum(['lead', 'assist', 'responsible'])
  .describe('lead: 牵头/负责/主办; assist: 协助/配合/协办; responsible: 责任单位 without a lead/assist distinction');

const SpannedShape = {
  raw: z.string().describe('the text as written; text.slice(span) equals raw'),
  span: SpanSchema,
  ...OcrShape,
};

const UnitMentionSchema = z.object({
  name: z.string().describe('the name as written, role words, quantities and a trailing 等 removed'),
  role: UnitRoleSchema,
  form: z.enum(['note', 'column', 'sentence']).describe('a （责任单位：…） note or line, a table column, or a sentence with a role word'),
  ...SpannedShape,
});

const UnitSchema = z.object({
  name: z.string().describe('the name as written; abbreviations are not expanded'),
  roles: z.array(UnitRoleSchema).describe('every role the unit has anywhere in the document'),
  aliasOf: z.string().optional().describe('the full name this name abbreviates or is a variant of'),
  aliasSource: z.enum(['defined', 'inferred']).optional().describe('defined by the document (以下简称), or inferred from near-identical spelling'),
  raw: z.string().describe('the first mention as written'),
  span: SpanSchema.describe('span of the first mention'),
  ...OcrShape,
  mentions: z.array(UnitMentionSchema),
});

const QuotaSchema = z.object({
  key: z.string().describe('<comparator><value><unit>, e.g. ">=48次"'),
  ...SpannedShape,
  comparator: z.enum(['>=', '<=', '>', '<', '~', '=']),
  value: z.string().describe('the number in ASCII digits; a range is "6-8"'),
  low: z.number().describe('lower bound of value'),
  high: z.number().describe('upper bound of value (equal to low unless a range)'),
  unit: z.string().describe('measure word or unit written after the number, e.g. "次", "个工作日", "万元", "/千人"'),
  approximate: z.boolean().describe('约, 左右, 两三个'),
  change: z.enum(['increase', 'decrease']).optional().describe('a rise (提高, 增加, 递增) or a fall (减少, 降低); absent for a level'),
  period: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional().describe('period of a frequency: 每周, 每月, 全年'),
  scope: z.string().optional().describe('what each one counts for, as written: 每个广场, 每500米'),
  metric: z.string().optional().describe('the measure the number is about, as written: 合格率, 满意度'),
});

const PartialDateSchema = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).describe('YYYY, YYYY-MM or YYYY-MM-DD: the precision written');

const DeadlineSchema = z.object({
  key: z.string().describe('by:<date>, on:<date>, window:<start>/<end> or recurring:<week|month|year>:<point>'),
  ...SpannedShape,
  kind: z.enum(['by', 'on', 'window', 'recurring']),
  date: PartialDateSchema.optional().describe('by and on: the date'),
  start: PartialDateSchema.optional().describe('window: first date; absent when open'),
  end: PartialDateSchema.optional().describe('window: last date; absent when open'),
  period: z.enum(['week', 'month', 'year']).optional().describe('recurring: the period'),
  point: z.string().optional().describe('recurring: weekday 1-7, day of month, or MM-DD'),
  implied: z.boolean().describe('true when a year was inferred rather than written'),
});

const TaskSchema = z.object({
  id: z.string().describe('the task\'s place: heading numbers joined by dots ("四.(五).1"), or "附件1.row3" for a table row'),
  path: z.array(z.string()).describe('the headings above the task, outermost first'),
  title: z.string().describe('the task\'s heading or first clause'),
  ...SpannedShape,
  units: z.array(UnitMentionSchema).describe('units named in the task, with their role in it'),
  quotas: z.array(z.number().int().nonnegative()).describe('indexes into quotas[] of the quotas inside the task'),
  deadlines: z.array(z.number().int().nonnegative()).describe('indexes into deadlines[] of the deadlines inside the task'),
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
    units: z.array(UnitSchema).describe('each distinct unit made responsible for, or asked to help with, a task'),
    quotas: z.array(QuotaSchema).describe('each number set as a target or requirement, once per occurrence'),
    deadlines: z.array(DeadlineSchema).describe('each time limit or schedule, once per occurrence'),
    tasks: z.array(TaskSchema).describe('what the document asks someone to do, each with its units, quotas and deadlines'),
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
