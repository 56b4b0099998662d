import { result } from '../../model/result.js';
import type { ExtractionContext } from '../context.js';
import type { Extractor } from '../extractor.js';
import type { UnitFinding, UnitMention, UnitRole } from '../findings.js';
import { maskedText, taskRegions } from '../regions.js';
import { linkAliases } from './aliases.js';
import { UNIT_FORMS } from './forms.js';

const ROLE_ORDER: readonly UnitRole[] = ['lead', 'assist', 'responsible'];

/** One entry per distinct name, with every role it has anywhere, in the order first named. */
function byName(mentions: readonly UnitMention[]): UnitFinding[] {
  const units = new Map<string, UnitFinding>();
  for (const mention of mentions) {
    const unit = units.get(mention.name) ?? { name: mention.name, roles: [], mentions: [] };
    if (!unit.roles.includes(mention.role)) unit.roles.push(mention.role);
    unit.mentions.push(mention);
    units.set(mention.name, unit);
  }
  for (const unit of units.values()) unit.roles.sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b));
  return [...units.values()];
}

/** Reads the units that each form names in each region of the body; a place read twice counts once. */
function unitMentions(context: ExtractionContext): UnitMention[] {
  const regions = taskRegions(context);
  const masked = maskedText(context);
  const issuers = new Set(context.fields.issuers.map((issuer) => issuer.value));
  const seen = new Set<string>();
  const found: UnitMention[] = [];
  for (const region of regions) {
    for (const form of UNIT_FORMS) {
      for (const mention of form.read({ region, masked, text: context.text, regions, issuers })) {
        const place = `${mention.span[0]}:${mention.span[1]}`;
        if (seen.has(place)) continue;
        seen.add(place);
        found.push(mention);
      }
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

/**
 * Units made responsible for, or asked to help with, a task (ANNOTATION.md, Units): from
 * 责任单位 notes and lines, role notes such as `（X负责，Y协助）`, and the unit columns of task
 * tables. Abbreviations and near-identical names are linked to the full name.
 */
export const unitsExtractor: Extractor = {
  name: 'units',
  extract(context) {
    const units = byName(unitMentions(context));
    linkAliases(units, context.text);
    return result({ units });
  },
};
