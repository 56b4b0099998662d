// word-extractor ships no types; this declares the part of its API that gongwen calls.
declare module 'word-extractor' {
  interface TextOptions {
    /** When true (the default), curly quotes and dashes are replaced by ASCII ones. */
    filterUnicode?: boolean;
  }

  interface TextBoxOptions extends TextOptions {
    includeHeadersAndFooters?: boolean;
    includeBody?: boolean;
  }

  /** The stories of a Word file, each as one string. */
  interface WordDocument {
    getBody(options?: TextOptions): string;
    getFootnotes(options?: TextOptions): string;
    getEndnotes(options?: TextOptions): string;
    getTextboxes(options?: TextBoxOptions): string;
  }

  class WordExtractor {
    extract(source: Buffer | string): Promise<WordDocument>;
  }

  export = WordExtractor;
}
