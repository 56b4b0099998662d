import { result } from '../../model/result.js';
import type { ExtractionContext } from '../context.js';
import { firstOf, type Extractor } from '../extractor.js';
import type { TextFinding } from '../findings.js';
import { landmarks } from '../landmarks.js';
import { joinLines } from '../text.js';

/** The title lines above the addressees (or the first title-like lines), joined. */
function fromLayout(context: ExtractionContext): TextFinding | undefined {
  const lines = landmarks(context).title;
  const first = lines[0];
  const last = lines.at(-1);
  if (first === undefined || last === undefined) return undefined;
  return {
    value: joinLines(lines.map((line) => line.text).join('\n')),
    raw: context.slice([first.span[0], last.span[1]]),
    span: [first.span[0], last.span[1]],
    source: 'title',
  };
}

/** The portal's 名称 or 标题 field. */
function fromMetadata(context: ExtractionContext): TextFinding | undefined {
  const field = context.metadataField('名称', '标题');
  return field && { value: joinLines(field.value), raw: field.value, span: field.valueSpan, source: 'metadata' };
}

export const titleExtractor: Extractor = {
  name: 'title',
  extract(context) {
    const title = firstOf([fromLayout, fromMetadata], context);
    return result(title ? { title } : {});
  },
};
