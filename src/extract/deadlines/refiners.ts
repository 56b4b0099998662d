import { INTENT_CUES, PAST_LEAD, RELATIVE_YEARS, REQUIREMENT_CUES } from '../lexicon/deadlines.js';
import type { Draft } from './rules.js';

/**
 * Refiners over the drafts of one segment, in the manner of chrono's: they drop readings the
 * words around them rule out and merge readings that belong together. Each takes the drafts in
 * reading order and returns the drafts that remain.
 */

export interface SegmentView {
  text: string;
  /** The sentence text before an offset (bounded, for linear time). */
  sentenceBefore(offset: number): string;
}

export type Refiner = (drafts: Draft[], segment: SegmentView) => Draft[];

const INTENT = new RegExp(INTENT_CUES);
const REQUIREMENT = new RegExp(REQUIREMENT_CUES, 'g');
const PAST = new RegExp(`${PAST_LEAD}\\s*$`);
/** `起，到…为止` with no date before 为止 leaves the window open but belongs to its text. */
const OPEN_UNTIL = /^[，,]?\s*(?:到|至)[^。；;！!？?\n，,]{1,40}?(?:为止|止)/;
const CLOSING_LINK = /^[，,]?\s*(?:到|至|截至|截止到?)?\s*$/;

/**
 * Background dates require nothing: the issuer's own plans (`我市拟向省申请于11月20日进行预验收`),
 * dates already passed (`已于…`), and looks back (`2013年以来`).
 */
const dropBackground: Refiner = (drafts, segment) =>
  drafts.filter((draft) => {
    const before = segment.sentenceBefore(draft.list.start);
    const lastRequirement = [...before.matchAll(REQUIREMENT)].at(-1);
    const sinceRequirement = lastRequirement === undefined ? before : before.slice(lastRequirement.index + lastRequirement[0].length);
    if (INTENT.test(sinceRequirement) || PAST.test(before)) return false;
    return !draft.item.points.some((point) => point.tail.suffix?.kind === 'past');
  });

/**
 * `自2019年1月1日起至2019年12月31日止`: the limit after a window opened by 起 closes it. Without a
 * date (`自2018年3月起，到…创建成功为止`) the window stays open and its text runs to 为止.
 */
const closeOpenWindows: Refiner = (drafts, segment) => {
  const kept: Draft[] = [];
  for (let index = 0; index < drafts.length; index += 1) {
    const draft = drafts[index]!;
    kept.push(draft);
    if (draft.shape !== 'from') continue;
    const next = drafts[index + 1];
    const closing = next?.item.points.length === 1 && next.kind === 'by' ? next : undefined;
    if (closing !== undefined && CLOSING_LINK.test(segment.text.slice(draft.end, closing.item.start))) {
      draft.until = closing.item.points[0]!;
      draft.end = closing.end;
      index += 1;
      continue;
    }
    const open = OPEN_UNTIL.exec(segment.text.slice(draft.end, draft.end + 48));
    if (open !== null) draft.end += open[0].length;
  }
  return kept;
};

const RELATIVE_YEAR_LEAD = new RegExp(`(?:${Object.keys(RELATIVE_YEARS).join('|')})\\s*$`);

/** `明年3月底前`: the word that names the year belongs to the expression's text. */
const spanRelativeYears: Refiner = (drafts, segment) => {
  for (const draft of drafts) {
    if (draft.list.items[0] !== draft.item || draft.start !== draft.item.start) continue;
    const lead = RELATIVE_YEAR_LEAD.exec(segment.text.slice(Math.max(0, draft.start - 6), draft.start));
    if (lead !== null) draft.start -= lead[0].length;
  }
  return drafts;
};

export const REFINERS: readonly Refiner[] = [dropBackground, closeOpenWindows, spanRelativeYears];
