/**
 * Errors a user can meet, each with a stable code that scripts can switch on and a default
 * piece of advice. The message of an error is one line: what is wrong with this file, then
 * what to do about it.
 */
export const ERROR_CODES = {
  E_READ_FAILED: 'check that the path exists and is readable',
  E_EMPTY_FILE: 'the file has no content; re-export or re-download it',
  E_FILE_TOO_LARGE: 'raise the limit (--max-size) if the file is genuine',
  E_UNSUPPORTED_FORMAT: 'convert it to PDF, DOCX, DOC, OFD, HTML or plain text first',
  E_CORRUPT_PDF: 'the PDF is truncated or damaged; re-download or re-export it',
  E_ENCRYPTED_PDF: 'the PDF needs a password; save an unprotected copy first',
  E_NO_TEXT_LAYER: 'no page has text and OCR read none (or was turned off with --no-ocr); check the scan, or convert it without --no-ocr',
  E_DAMAGED_TEXT_LAYER: 'the text layer cannot be decoded into characters; export the document again from its source',
  E_CORRUPT_DOCX: 'the DOCX (ZIP) package is damaged; re-save it from Word or WPS',
  E_DOCX_TOO_LARGE: 'the DOCX inflates to far more than its size, as ZIP bombs do; check where it came from, or split a genuine document',
  E_NOT_DOCX: 'the ZIP package is neither a Word document nor an OFD; extract the notice from it first',
  E_CORRUPT_DOC: 'the Word 97–2003 file is damaged; re-save it from Word or WPS',
  E_ENCRYPTED_DOC: 'the document needs a password; open it in Word or WPS and save an unprotected copy first',
  E_NOT_DOC: 'the OLE compound file is not a Word document (a spreadsheet or presentation, say); save the notice as DOC, DOCX or PDF first',
  E_CORRUPT_OFD: 'the OFD package is damaged; re-download it or export it again',
  E_OFD_TOO_LARGE: 'the OFD inflates to far more than its size, as ZIP bombs do; check where it came from',
  E_NO_TEXT: 'the document contains no text to extract',
  E_TIMEOUT: 'the document took longer than the time limit; raise --timeout or check the file',
  E_MEMORY: 'converting the document used more memory than the limit; check the file or raise --max-memory',
  E_WRITE_FAILED: 'check that the output folder is writable and the disk has room',
  E_INTERNAL: 'this is a bug in gongwen; please report it with the file',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface GongwenErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

export class GongwenError extends Error {
  override readonly name = 'GongwenError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;

  /** `problem` says what is wrong with this input; the code's advice is appended. */
  constructor(code: ErrorCode, problem: string, options: GongwenErrorOptions = {}) {
    super(`${problem}; ${ERROR_CODES[code]}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
  }
}

export function isGongwenError(error: unknown): error is GongwenError {
  return error instanceof GongwenError;
}

/** Wraps anything thrown by a dependency so that callers only ever see `GongwenError`. */
export function asGongwenError(error: unknown): GongwenError {
  if (isGongwenError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new GongwenError('E_INTERNAL', `unexpected failure: ${reason.split('\n')[0]}`, { cause: error });
}
