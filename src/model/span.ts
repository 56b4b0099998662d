import { z } from 'zod';

/**
 * A half-open range `[start, end)` of offsets into a document's canonical text, counted in
 * UTF-16 code units so that `text.slice(start, end)` in JavaScript returns the spanned text.
 */
export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('[start, end) offsets into the record text, in UTF-16 code units');

export type Span = z.infer<typeof SpanSchema>;

/** Whether two spans share at least one character. */
export function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
