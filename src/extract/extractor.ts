import type { Result } from '../model/result.js';
import type { ExtractionContext } from './context.js';
import type { DocumentFields } from './findings.js';

/**
 * One field, one small pure function: it reads the document (and the fields extractors before
 * it found) and answers with the fields it found and the messages it has. A configuration is an
 * ordered list of extractors, so a new field or an alternative rule is a new entry in a list.
 */
export interface Extractor {
  /** Names the extractor, so that a configuration can find it in a list and replace or drop it. */
  readonly name: string;
  extract(context: ExtractionContext): Result<Partial<DocumentFields>>;
}

/** The first candidate that a list of rules yields, in order of trust. */
export function firstOf<T>(rules: ReadonlyArray<(context: ExtractionContext) => T | undefined>, context: ExtractionContext): T | undefined {
  for (const rule of rules) {
    const found = rule(context);
    if (found !== undefined) return found;
  }
  return undefined;
}
