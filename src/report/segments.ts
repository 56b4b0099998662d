import type { Span } from '../model/span.js';

/**
 * Highlights over text whose spans overlap freely (a unit inside a task inside a paragraph,
 * a quota and a deadline sharing characters) cannot be nested as HTML elements. Instead the
 * text is cut at every place a span starts or ends: each piece (segment) is covered by one
 * fixed set of spans, and the page styles a piece by that set.
 */

export interface Segment {
  start: number;
  end: number;
  /** Indexes (into the spans given) of the spans that cover the whole segment. */
  covering: number[];
}

/** Cuts `range` into segments at the boundaries of `spans`; spans are clipped to the range. */
export function segmentRange(range: Span, spans: readonly Span[]): Segment[] {
  const [from, to] = range;
  if (to <= from) return [];
  const inside = spans
    .map((span, index) => ({ index, start: Math.max(span[0], from), end: Math.min(span[1], to) }))
    .filter((span) => span.start < span.end);
  const cuts = new Set([from, to]);
  for (const span of inside) {
    cuts.add(span.start);
    cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let position = 1; position < sorted.length; position += 1) {
    const start = sorted[position - 1]!;
    const end = sorted[position]!;
    const covering = inside.filter((span) => span.start <= start && span.end >= end).map((span) => span.index);
    segments.push({ start, end, covering });
  }
  return segments;
}
