import { WRITTEN_DATE } from './dates.js';

/**
 * Lines that mark the parts of a 公文 (GB/T 9704-2012): the 版记 at the end (7.4: 抄送 line,
 * then 印发机关 and 印发日期 on one line or two), the attachment note (7.3.4: 附件：1. …) and the
 * label that opens an attachment (附件2). Shared by the PDF reader, which must never take the
 * 版记 for page furniture, and by layout.
 */
export const COPY_TO_LINE = /^抄\s*送\s*[:：]/;
export const PRINTED_LINE = new RegExp(`${WRITTEN_DATE}\\s*印\\s*发\\s*$`);
export const DATE_ONLY_PRINTED_LINE = new RegExp(`^${WRITTEN_DATE}\\s*印\\s*发\\s*$`);
export const OTHER_RECORD_LINE = /^(?:主\s*题\s*词\s*[:：]|[（(]?共印\s*\d+\s*份[）)]?$)/;

/** Lines never to be taken for page furniture, although they sit at the foot of the last page. */
export const RECORD_LINE_PATTERNS: readonly RegExp[] = [COPY_TO_LINE, /印\s*发$/];

/**
 * The label that opens an attachment part, alone on its line: 附件, 附件2, 附件二, and with a
 * number also 附件1：. A bare 附件： is the attachment note of the notice, not a label.
 */
export const ATTACHMENT_LABEL = /^附\s*件\s*(?:(\d{1,2}|[一二三四五六七八九十]{1,3})\s*[:：]?)?$/;

/** The start of the attachment note: 附件： followed by the titles, or by nothing on its line. */
export const ATTACHMENT_NOTE = /^附\s*件\s*[:：]/;

/**
 * One line of an attachment note written as labels, one title a line: 附件1.封面模板, then
 * 附件2.目录模板. The title follows the number and its mark on the same line, so it is never an
 * attachment label alone on its line; nor is it a number (附件1、2 names two attachments).
 */
export const LABELLED_ATTACHMENT_NOTE = /^附\s*件\s*(\d{1,2})\s*[.．、:：]\s*(?=[^\s\d])/;
