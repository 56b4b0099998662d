import type { UnitRole } from '../findings.js';
import { LIST_CLOSING, ROLE_NOUN, ROLE_WORDS, WORKS_WITH } from '../lexicon/units.js';
import { namesEnd, namesIn, type NamePiece } from './names.js';

/** A unit named in a clause, with the role the clause gives it. Offsets are into the text. */
export interface RoleName extends NamePiece {
  role: UnitRole;
}

function roleWordAt(text: string, at: number): { word: string; role: UnitRole } | undefined {
  const found = ROLE_WORDS.find((entry) => text.startsWith(entry.word, at));
  return found === undefined || ROLE_NOUN.test(text.slice(at + found.word.length)) ? undefined : found;
}

/**
 * The units of one clause of a note (`市委宣传部牵头`, `宣传部、强市办协助`,
 * `经信局牵头协调联通、移动、电信等部门`, `农业局、海渔局各不少于10家`): the names before the
 * first quantity or verb, with the role word written after them, or else `defaultRole`.
 * Without a role word and without a default, the clause names no unit.
 */
export function unitsOfClause(text: string, start: number, end: number, defaultRole?: UnitRole): RoleName[] {
  const headEnd = namesEnd(text, start, end);
  // `市委宣传部、市文广新局等部门负责`: the 等 that closes the list stands between names and role.
  const closing = LIST_CLOSING.exec(text.slice(headEnd, end));
  const roleWord = roleWordAt(text, headEnd + (closing?.[0].length ?? 0));
  const role = roleWord?.role ?? defaultRole;
  if (role === undefined) return [];
  const named = namesIn(text, start, headEnd).map((piece) => ({ ...piece, role }));
  if (roleWord === undefined || named.length === 0) return named;
  const afterRole = headEnd + (closing?.[0].length ?? 0) + roleWord.word.length;
  // `X会同Y` names its partners at once; `X牵头协调Y` after a further word.
  const partners = roleWord.word === '会同' ? [''] : WORKS_WITH.exec(text.slice(afterRole, end));
  if (partners !== null && role === 'lead') {
    const from = afterRole + partners[0]!.length;
    named.push(...namesIn(text, from, namesEnd(text, from, end)).map((piece) => ({ ...piece, role: 'assist' as const })));
  }
  return named;
}
