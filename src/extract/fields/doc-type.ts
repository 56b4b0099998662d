import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';
import { documentTypeAtEnd } from '../../ingest/lexicon/document-types.js';

/** The document type is the word that ends the title (关于印发…方案的通知 is a 通知). */
export const docTypeExtractor: Extractor = {
  name: 'doc-type',
  extract(context) {
    const title = context.fields.title;
    if (title === undefined) return result({});
    const found = documentTypeAtEnd(title.raw);
    if (found === undefined) return result({});
    const end = title.span[0] + found.end;
    return result({ docType: { value: found.type, raw: found.type, span: [end - found.type.length, end], source: title.source } });
  },
};
