import JaroWinklerDistance from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import type { UnitFinding } from '../findings.js';
import { namesIn } from './names.js';

/**
 * Links names that stand for the same unit: abbreviations the document defines
 * (`市质量强市领导小组办公室（以下简称“强市办”）`), and near-identical spellings
 * (`市轨道公司` beside `市轨道交通公司`), which are only probable and marked as inferred.
 */

const DEFINED_ABBREVIATION = /[（(]\s*(?:以下)?简称\s*[“"‘]?([^”"’）)]{1,16})[”"’]?\s*[）)]/g;
const NAME_BEFORE = /[^。；;，,：:！？\n（）()]{1,60}$/;
const SIMILAR = 0.9;

/** Abbreviation → full name, for every `（以下简称“…”）` in the text. */
function definedAbbreviations(text: string): Map<string, string> {
  const defined = new Map<string, string>();
  for (const match of text.matchAll(DEFINED_ABBREVIATION)) {
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, match.index - 60), match.index));
    if (before === null) continue;
    const full = namesIn(before[0]).at(-1);
    if (full !== undefined && full.end === before[0].length && !defined.has(match[1]!)) defined.set(match[1]!, full.name);
  }
  return defined;
}

/** True when every character of `short` appears in `long` in the same order. */
function isSubsequence(short: string, long: string): boolean {
  let at = 0;
  for (const ch of long) if (ch === short[at]) at += 1;
  return at === short.length;
}

/** `市轨道公司` is probably `市轨道交通公司`: the same characters in order, the same last character, and close spelling. */
function probableVariant(short: string, long: string): boolean {
  return (
    short.length < long.length &&
    short.length >= 3 &&
    short.at(-1) === long.at(-1) &&
    short[0] === long[0] &&
    isSubsequence(short, long) &&
    JaroWinklerDistance(short, long, {}) >= SIMILAR
  );
}

/** Sets `aliasOf` on units that abbreviate, or are a variant of, another name in the document. */
export function linkAliases(units: UnitFinding[], text: string): void {
  const defined = definedAbbreviations(text);
  for (const unit of units) {
    const full = defined.get(unit.name);
    if (full !== undefined && full !== unit.name) {
      unit.aliasOf = full;
      unit.aliasSource = 'defined';
      continue;
    }
    const variant = units.find((other) => other !== unit && probableVariant(unit.name, other.name));
    if (variant !== undefined) {
      unit.aliasOf = variant.name;
      unit.aliasSource = 'inferred';
    }
  }
}
