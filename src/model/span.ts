import { z } from 'zod';

/**
 * A half-open range `[start, end)` of offsets into a document's canonical text, counted in
 * UTF-16 code units so that `text.slice(start, end)` in JavaScript returns the spanned text.
 */
export const SpanSchema = z
  .tuple([z.number().int().nonnegative(), z.number().int().nonnegative()])
  .describe('[start, end) offsets into the record text, in UTF-16 code units');

export type Span = z.infer<typeof SpanSchema>;

export function spanOf(start: number, end: number): Span {
  return [start, end];
}

export function sliceSpan(text: string, span: Span): string {
  return text.slice(span[0], span[1]);
}

export function spanContains(outer: Span, inner: Span): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

export function spansOverlap(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
