import type { Message } from '../../model/messages.js';
import { result } from '../../model/result.js';
import type { ExtractionContext } from '../context.js';
import type { CalendarDate } from '../dates.js';
import type { Extractor } from '../extractor.js';
import type { DeadlineFinding } from '../findings.js';
import { LIMIT_COLUMN, RECORD_COLUMN, SCHEDULE_COLUMN } from '../lexicon/deadlines.js';
import { maskedText, taskRegions, type Region } from '../regions.js';
import { buildFinding } from './build.js';
import { readSegment, type Segment } from './segment.js';

/**
 * 时限: every time limit or schedule the notice attaches to something it requires (ANNOTATION.md,
 * Deadlines), read where the notice assigns work, through the text in which document numbers
 * and cited titles are masked. Dates of a signature, a 版记 or a cited title are never read.
 */

const LIMIT_HEADER = new RegExp(LIMIT_COLUMN);
const SCHEDULE_HEADER = new RegExp(SCHEDULE_COLUMN);
const RECORD_HEADER = new RegExp(RECORD_COLUMN);

/** The signing date, else the publication date: the reference of year inference, never the clock. */
function referenceDate(context: ExtractionContext): CalendarDate | undefined {
  const value = context.fields.signDate?.value ?? context.fields.publishDate?.value;
  const match = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match === null ? undefined : { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function columnOf(region: Region): Segment['column'] {
  if (region.cell === undefined || region.cell.row <= 0) return undefined;
  const { header } = region.cell;
  if (RECORD_HEADER.test(header)) return undefined;
  if (LIMIT_HEADER.test(header)) return 'limit';
  return SCHEDULE_HEADER.test(header) ? 'schedule' : undefined;
}

function findDeadlines(context: ExtractionContext): { deadlines: DeadlineFinding[]; messages: Message[] } {
  const masked = maskedText(context);
  const reference = referenceDate(context);
  const deadlines: DeadlineFinding[] = [];
  const messages: Message[] = [];
  for (const region of taskRegions(context)) {
    const column = columnOf(region);
    const segment: Segment = { text: masked.slice(region.span[0], region.span[1]), kind: region.kind, ...(column ? { column } : {}) };
    const { drafts, years } = readSegment(segment, reference);
    for (const draft of drafts) {
      const built = buildFinding(draft, (point) => years.get(point), { base: region.span[0], raw: (span) => context.slice(span), reference });
      if (built.finding !== undefined) deadlines.push(built.finding);
      messages.push(...built.messages);
    }
  }
  return { deadlines, messages };
}

export const deadlinesExtractor: Extractor = {
  name: 'deadlines',
  extract(context) {
    const { deadlines, messages } = findDeadlines(context);
    return result({ deadlines }, messages);
  },
};
