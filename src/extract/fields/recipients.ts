import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';
import { landmarks } from '../landmarks.js';
import { splitOutsideBrackets } from '../text.js';

/** 主送机关: the addressee line before its colon, and the organs it lists. */
export const recipientsExtractor: Extractor = {
  name: 'recipients',
  extract(context) {
    const line = landmarks(context).addressee;
    if (line === undefined) return result({});
    const text = line.text.replace(/\s+$/, '');
    const leading = text.length - text.trimStart().length;
    const raw = text.trimStart().slice(0, -1).trimEnd();
    const start = line.span[0] + leading;
    return result({
      recipients: { value: raw, raw, span: [start, start + raw.length], source: 'header', list: splitOutsideBrackets(raw).map((item) => raw.slice(item.start, item.end)) },
    });
  },
};
