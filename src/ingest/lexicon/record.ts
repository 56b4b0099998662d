/**
 * The 版记 (GB/T 9704-2012 7.4): 抄送 line, then 印发机关 and 印发日期 on one line or on two.
 * A date in Arabic or Chinese numerals, then 印发.
 */
export const COPY_TO_LINE = /^抄\s*送\s*[:：]/;
export const PRINTED_LINE = /(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*印\s*发\s*$/;
export const DATE_ONLY_PRINTED_LINE = /^(?:\d{4}|[〇零○Ｏ一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*印\s*发\s*$/;
/** Lines never to be taken for page furniture, although they sit at the foot of the last page. */
export const RECORD_LINE_PATTERNS: readonly RegExp[] = [COPY_TO_LINE, /印\s*发$/];

export const OTHER_RECORD_LINE = /^(?:主\s*题\s*词\s*[:：]|[（(]?共印\s*\d+\s*份[）)]?$)/;

/** A line that opens an attachment part: 附件, 附件2, 附件二, alone on its line. */
export const ATTACHMENT_LABEL = /^附\s*件\s*(\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?$/;
