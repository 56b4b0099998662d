import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';
import { DOCUMENT_TYPES_BY_LENGTH, TITLE_STATUS_SUFFIX } from '../lexicon/document-types.js';

/** The document type is the word that ends the title (关于印发…方案的通知 is a 通知). */
export const docTypeExtractor: Extractor = {
  name: 'doc-type',
  extract(context) {
    const title = context.fields.title;
    if (title === undefined) return result({});
    const bare = title.raw.replace(/\s+$/, '').replace(TITLE_STATUS_SUFFIX, '').replace(/\s+$/, '');
    const type = DOCUMENT_TYPES_BY_LENGTH.find((candidate) => bare.endsWith(candidate));
    if (type === undefined) return result({});
    const end = title.span[0] + bare.length;
    return result({ docType: { value: type, raw: type, span: [end - type.length, end], source: title.source } });
  },
};
