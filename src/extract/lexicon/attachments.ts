/** The attachment note (附件说明, GB/T 9704-2012 7.3.5): 附件：1. … */
export const ATTACHMENT_NOTE_START = /^附\s*件\s*[:：]/;

/** File extensions that portals leave on attachment titles. */
export const FILE_EXTENSION = /\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar|7z|jpe?g|png)$/i;
