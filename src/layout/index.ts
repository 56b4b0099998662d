import type { IngestedDocument, NoticeDocument, SourceParagraph } from '../model/document.js';
import { result, MessageLog, type Result } from '../model/result.js';
import { foldBlockText } from './characters.js';
import { attachPrintingOrgan, DocumentComposer, metadataRuns } from './compose.js';
import { removeFurniture } from './furniture.js';
import { joinBrokenParagraphs } from './paragraphs.js';
import { divideIntoParts } from './parts.js';

/**
 * Builds the canonical text of a notice and the typed blocks over it, whatever format it came
 * from: look-alike characters are folded, furniture goes, paragraphs the source broke where the
 * notice does not (at a page break, in a hand-wrapped title) are mended, then every block is
 * classified (heading, paragraph, table, metadata, attachment label, 版记 line).
 */
export function layout(ingested: IngestedDocument): Result<NoticeDocument> {
  const log = new MessageLog();
  const format = ingested.source.format;
  const cleaned = log.take(removeFurniture(foldBlockText(ingested.blocks), format));
  const blocks = joinBrokenParagraphs(cleaned, format);

  const composer = new DocumentComposer();
  const metadataLines = metadataRuns(blocks);
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index]!;
    if (metadataLines.has(index)) {
      const run: SourceParagraph[] = [];
      const matches = [];
      while (metadataLines.has(index)) {
        run.push(blocks[index] as SourceParagraph);
        matches.push(metadataLines.get(index)!);
        index += 1;
      }
      index -= 1;
      composer.addMetadataLines(run, matches);
    } else if (block.kind === 'paragraph') {
      composer.addParagraph(block);
    } else if (block.kind === 'table') {
      composer.addTable(block);
    } else {
      composer.addMetadata(block);
    }
  }

  const text = composer.canonicalText;
  attachPrintingOrgan(composer.blocks, text);
  const parts = divideIntoParts(composer.blocks, text);
  return result({ source: ingested.source, text, blocks: composer.blocks, parts }, log.messages);
}
