import { warning, type Message } from '../../model/messages.js';
import { result } from '../../model/result.js';
import type { Span } from '../../model/span.js';
import type { ExtractionContext } from '../context.js';
import { damagedDateReadings, findDates, isoDate, type CalendarDate } from '../dates.js';
import type { Extractor } from '../extractor.js';
import type { DateFinding, EvidenceSource } from '../findings.js';
import { landmarks } from '../landmarks.js';

function metadataDate(context: ExtractionContext, ...labels: string[]): DateFinding | undefined {
  const field = context.metadataField(...labels);
  if (field === undefined) return undefined;
  const [date] = findDates(field.value);
  if (date === undefined) return undefined;
  return finding(date, field.value.slice(date.start, date.end), [field.valueSpan[0] + date.start, field.valueSpan[0] + date.end], 'metadata');
}

function finding(date: CalendarDate, raw: string, span: Span, source: EvidenceSource): DateFinding {
  return { value: isoDate(date), raw, span, source };
}

/**
 * 成文日期: the date under the signature; the portal's 成文日期 where the notice has none, or to
 * choose between the readings of a damaged one (`2019222` beside `成文日期:2019-02-22`).
 */
export const signDateExtractor: Extractor = {
  name: 'sign-date',
  extract(context) {
    const messages: Message[] = [];
    const portal = metadataDate(context, '成文日期', '成文时间', '发文日期');
    const line = landmarks(context).signDate;
    let signed: DateFinding | undefined;
    if (line?.date) {
      const { date } = line;
      signed = finding(date, line.line.text.slice(date.start, date.end), [line.line.span[0] + date.start, line.line.span[0] + date.end], 'signature');
    } else if (line?.damagedDigits !== undefined) {
      const readings = damagedDateReadings(line.damagedDigits);
      const start = line.line.span[0] + line.line.text.indexOf(line.damagedDigits);
      const span: Span = [start, start + line.damagedDigits.length];
      const agreed = readings.find((reading) => isoDate(reading) === portal?.value) ?? (readings.length === 1 ? readings[0] : undefined);
      if (agreed) {
        signed = finding(agreed, line.damagedDigits, span, 'signature');
        messages.push(warning('extract:sign-date', `read the damaged date "${line.damagedDigits}" as ${isoDate(agreed)}`, { span, found: line.damagedDigits }));
      } else {
        messages.push(warning('extract:sign-date', `cannot tell which date "${line.damagedDigits}" is`, { span, found: line.damagedDigits }));
      }
    }
    if (signed && portal && signed.value !== portal.value) {
      messages.push(
        warning('extract:sign-date', `the notice is dated ${signed.value} but the portal says ${portal.value}; kept the notice's`, {
          span: portal.span,
          found: portal.value,
          expected: signed.value,
        }),
      );
    }
    const signDate = signed ?? portal;
    return result(signDate ? { signDate } : {}, messages);
  },
};

/** 发布日期: when the portal published the notice; only the portal states it. */
export const publishDateExtractor: Extractor = {
  name: 'publish-date',
  extract(context) {
    const publishDate = metadataDate(context, '发布日期', '发布时间');
    return result(publishDate ? { publishDate } : {});
  },
};

/** 印发日期: the date of the `…印发` line of the 版记 (GB/T 9704-2012 7.4.3). */
export const printDateExtractor: Extractor = {
  name: 'print-date',
  extract(context) {
    for (const line of context.lines) {
      if (line.block.type !== 'record' || line.block.role !== 'printed') continue;
      const date = findDates(line.text).at(-1);
      if (date === undefined) continue;
      return result({
        printDate: finding(date, line.text.slice(date.start, date.end), [line.span[0] + date.start, line.span[0] + date.end], 'record'),
      });
    }
    return result({});
  },
};
