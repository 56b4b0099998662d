import { METADATA_LABELS, STRONG_METADATA_LABELS } from '../ingest/lexicon/metadata-labels.js';

export interface MetadataMatch {
  label: string;
  labelStart: number;
  labelEnd: number;
  valueStart: number;
  valueEnd: number;
}

// Portals space labels out to align them (`索 引 号:`), so any white space may sit between the
// characters of a label.
const LABEL_PATTERN = new RegExp(
  `(${[...METADATA_LABELS]
    .sort((a, b) => b.length - a.length)
    .map((label) => [...label].join('\\s*'))
    .join('|')})\\s*[:：]`,
  'g',
);

const STRONG = new Set<string>(STRONG_METADATA_LABELS);

/**
 * Reads `label:value` pairs from a line that starts with a metadata label, e.g.
 * `索 引 号:640100-000/2019-00015 效力状态:有效`; undefined when the line does not start with one.
 */
export function matchMetadataLine(line: string): MetadataMatch[] | undefined {
  const labels = [...line.matchAll(LABEL_PATTERN)];
  const first = labels[0];
  if (first === undefined || line.slice(0, first.index).trim() !== '') return undefined;
  return labels.map((match, i) => {
    const next = labels[i + 1];
    const valueLimit = next === undefined ? line.length : next.index;
    let valueStart = match.index + match[0].length;
    let valueEnd = valueLimit;
    while (valueStart < valueEnd && /\s/.test(line[valueStart]!)) valueStart += 1;
    while (valueEnd > valueStart && /\s/.test(line[valueEnd - 1]!)) valueEnd -= 1;
    return {
      label: match[1]!.replace(/\s+/g, ''),
      labelStart: match.index,
      labelEnd: match.index + match[1]!.length,
      valueStart,
      valueEnd,
    };
  });
}

/** A line that is metadata on its own merit: a label only portals use, or several labels. */
export function isSelfEvidentMetadata(matches: ReadonlyArray<Pick<MetadataMatch, 'label'>>): boolean {
  return matches.length >= 2 || matches.some((match) => STRONG.has(match.label));
}
