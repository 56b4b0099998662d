/** File extensions that portals leave on attachment titles (附件：实施方案.docx). */
export const FILE_EXTENSION = /\.(?:docx?|wps|pdf|ofd|xlsx?|et|zip|rar|7z|jpe?g|png)$/i;
