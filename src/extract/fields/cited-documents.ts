import { result } from '../../model/result.js';
import { docNumberFinding, findDocNumbers } from '../doc-number.js';
import type { Extractor } from '../extractor.js';
import type { CitedDocumentFinding, TextFinding } from '../findings.js';
import { joinLines } from '../text.js';

// 《title》（number）: the title is written in guillemets right before the bracketed number.
const TITLE_BEFORE = /《([^《》]{2,200})》\s*[（(【\[]?\s*$/;
// Only the text just before a number can hold its title; looking no further keeps long tables linear.
const TITLE_WINDOW = 210;

/**
 * Document numbers of other documents the text cites, once each, with the title in 《》 that
 * precedes them. The notice's own number and the portal's metadata are not citations.
 */
export const citedDocumentsExtractor: Extractor = {
  name: 'cited-documents',
  extract(context) {
    const own = context.fields.docNumber?.normalized;
    const seen = new Set<string>();
    const citedDocuments: CitedDocumentFinding[] = [];
    for (const block of context.document.blocks) {
      if (block.type === 'metadata') continue;
      const text = context.slice(block.span);
      for (const number of findDocNumbers(text)) {
        const docNumber = docNumberFinding(number, block.span[0], text, 'body');
        if (docNumber.normalized === own || seen.has(docNumber.normalized)) continue;
        seen.add(docNumber.normalized);
        const cited: CitedDocumentFinding = { docNumber };
        const windowStart = Math.max(0, number.start - TITLE_WINDOW);
        const before = TITLE_BEFORE.exec(text.slice(windowStart, number.start));
        if (before) {
          const start = block.span[0] + windowStart + before.index + 1;
          const raw = before[1]!;
          const title: TextFinding = { value: joinLines(raw), raw, span: [start, start + raw.length], source: 'body' };
          cited.title = title;
        }
        citedDocuments.push(cited);
      }
    }
    return result({ citedDocuments });
  },
};
