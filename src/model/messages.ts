import { z } from 'zod';
import { SpanSchema, type Span } from './span.js';

/**
 * A message is data, not a log line: which rule spoke (`stage:rule`), where (a span of the
 * canonical text or a page), what was found and what was expected. Messages travel with the
 * value they concern (see `Result`) instead of being printed or thrown.
 */
export const MessageSchema = z.object({
  ruleId: z.string().describe('stage and rule that produced the message, e.g. "ingest:format-mismatch"'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  span: SpanSchema.optional(),
  page: z.number().int().positive().optional(),
  found: z.string().optional(),
  expected: z.string().optional(),
});

export type Message = z.infer<typeof MessageSchema>;
export type Severity = Message['severity'];

export interface MessageDetails {
  span?: Span | undefined;
  page?: number | undefined;
  found?: string | undefined;
  expected?: string | undefined;
}

function makeMessage(severity: Severity, ruleId: string, message: string, details: MessageDetails): Message {
  const result: Message = { ruleId, severity, message };
  if (details.span !== undefined) result.span = details.span;
  if (details.page !== undefined) result.page = details.page;
  if (details.found !== undefined) result.found = details.found;
  if (details.expected !== undefined) result.expected = details.expected;
  return result;
}

export function warning(ruleId: string, message: string, details: MessageDetails = {}): Message {
  return makeMessage('warning', ruleId, message, details);
}

export function info(ruleId: string, message: string, details: MessageDetails = {}): Message {
  return makeMessage('info', ruleId, message, details);
}
