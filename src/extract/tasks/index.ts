import type { Span } from '../../model/span.js';
import { result } from '../../model/result.js';
import type { Extractor } from '../extractor.js';
import type { DocumentFields, TaskFinding, UnitMention } from '../findings.js';
import { ENUMERATED_CLAUSE, NON_ASSIGNING_SECTION } from '../lexicon/tasks.js';
import { taskRegions, type Region } from '../regions.js';
import { allNodes, ancestry, firstClause, outline, partPrefix, type OutlineNode } from './outline.js';
import { taskRows } from './tables.js';

const HAN = /\p{Script=Han}/u;
const CLAUSE_PUNCTUATION = /[。；;，,：:！？]/;

function inside(inner: Span, outer: Span): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

interface TaskDraft {
  id: string;
  path: string[];
  title: string;
  span: Span;
  /** Further text that belongs to the task: cells merged over its row and rows above. */
  shared?: Span[];
}

/** Items sorted by where they start, so that finding those inside a span costs a search, not a scan. */
class SpanIndex<T extends { span: Span }> {
  private readonly order: number[];

  constructor(readonly items: readonly T[]) {
    this.order = items.map((_, index) => index).sort((a, b) => items[a]!.span[0] - items[b]!.span[0]);
  }

  /** Indexes of the items that lie inside `span`, in the order of the items. */
  inside(span: Span): number[] {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.items[this.order[middle]!]!.span[0] < span[0]) low = middle + 1;
      else high = middle;
    }
    const found: number[] = [];
    for (let at = low; at < this.order.length && this.items[this.order[at]!]!.span[0] < span[1]; at += 1) {
      const index = this.order[at]!;
      if (inside(this.items[index]!.span, span)) found.push(index);
    }
    return found.sort((a, b) => a - b);
  }
}

interface Findings {
  mentions: SpanIndex<UnitMention>;
  quotas: SpanIndex<DocumentFields['quotas'][number]>;
  deadlines: SpanIndex<DocumentFields['deadlines'][number]>;
}

/** Links a task to the units, quotas and deadlines written inside it (or in the cells it shares). */
function linked(draft: TaskDraft, text: string, findings: Findings): TaskFinding {
  const spans = [draft.span, ...(draft.shared ?? [])];
  const indexes = (index: SpanIndex<{ span: Span }>): number[] => [...new Set(spans.flatMap((span) => index.inside(span)))].sort((a, b) => a - b);
  return {
    id: draft.id,
    path: draft.path,
    title: draft.title,
    span: draft.span,
    raw: text.slice(draft.span[0], draft.span[1]),
    units: indexes(findings.mentions).map((index) => findings.mentions.items[index]!),
    quotas: indexes(findings.quotas),
    deadlines: indexes(findings.deadlines),
  };
}

/** `一是…；二是…`: the clauses of a paragraph numbered in running text, when there are at least two. */
function enumeratedClauses(text: string, region: Region): Array<{ marker: string; span: Span }> {
  const body = text.slice(region.span[0], region.span[1]);
  const starts = [...body.matchAll(ENUMERATED_CLAUSE)].map((match) => ({
    marker: `${match[1]!}是`,
    at: region.span[0] + match.index + match[0].length - match[1]!.length - 1,
  }));
  if (starts.length < 2) return [];
  return starts.map((start, i) => ({ marker: start.marker, span: [start.at, starts[i + 1]?.at ?? region.span[1]] as Span }));
}

/**
 * An item that is a task says something: a sentence, or a unit, quota or deadline. A bare `1.`
 * over a number, or an entry of a catalogue (`1.耕整地机械` over `1.1耕地机械`), asks nothing.
 */
function asksSomething(text: string, node: OutlineNode, findings: Findings): boolean {
  const words = text.slice(node.span[0], node.span[1]).trimStart().slice(node.heading.marker.length);
  if (!HAN.test(words)) return false;
  return CLAUSE_PUNCTUATION.test(words) || [findings.mentions, findings.quotas, findings.deadlines].some((index) => index.inside(node.span).length > 0);
}

function explicitlyAssigned(span: Span, findings: Findings): boolean {
  return findings.mentions.inside(span).some((index) => findings.mentions.items[index]!.form !== 'sentence');
}

/**
 * A numbered item with no numbered items under it is a task, unless it stands in a section
 * that assigns nothing (指导思想, 工作要求 …) without a 责任单位 of its own. An item whose
 * paragraph numbers its clauses `一是…二是…` is split into one task per clause; an item that
 * holds a task table leaves the tasks to the table's rows.
 */
function itemTasks(text: string, nodes: readonly OutlineNode[], tableBlocks: ReadonlySet<number>, findings: Findings): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  for (const node of nodes) {
    if (node.children.length > 0 || node.own.some((region) => region.cell !== undefined && tableBlocks.has(region.cell.block))) continue;
    if (!asksSomething(text, node, findings)) continue;
    const chain = ancestry(node);
    const general = chain.some((ancestor) => NON_ASSIGNING_SECTION.test(ancestor.title));
    if (general && !explicitlyAssigned(node.span, findings)) continue;
    const path = chain.slice(0, -1).map((ancestor) => ancestor.label);
    const clauses = node.own.flatMap((region) => (region.kind === 'line' ? enumeratedClauses(text, region) : []));
    if (clauses.length >= 2) {
      for (const clause of clauses) {
        drafts.push({ id: `${node.id}.${clause.marker}`, path: [...path, node.label], title: firstClause(text.slice(clause.span[0], clause.span[1])), span: clause.span });
      }
      continue;
    }
    drafts.push({ id: node.id, path, title: node.title === '' ? firstClause(text.slice(node.span[0], node.span[1])) : node.title, span: node.span });
  }
  return drafts;
}

/** A paragraph under no numbered item is a task only when a 责任单位 note or column assigns it. */
function looseTasks(text: string, loose: readonly Region[], findings: Findings): TaskDraft[] {
  const counters = new Map<string, number>();
  const drafts: TaskDraft[] = [];
  for (const region of loose) {
    if (region.kind !== 'line') continue;
    const prefix = partPrefix(region.part);
    const count = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, count);
    if (!explicitlyAssigned(region.span, findings)) continue;
    drafts.push({ id: [prefix, `p${count}`].filter(Boolean).join('.'), path: prefix === '' ? [] : [prefix], title: firstClause(text.slice(region.span[0], region.span[1])), span: region.span });
  }
  return drafts;
}

/** One task per row of a task table: `附件1.row3`, with the table's number when a part has several. */
function rowTasks(text: string, regions: readonly Region[]): { drafts: TaskDraft[]; tables: Set<number> } {
  const rows = taskRows(regions);
  const tables = new Set(rows.map((row) => row.block));
  const partOfTable = new Map<number, Region['part']>();
  const tablesOfPart = new Map<string, number[]>();
  for (const region of regions) {
    if (region.cell === undefined || !tables.has(region.cell.block) || partOfTable.has(region.cell.block)) continue;
    partOfTable.set(region.cell.block, region.part);
    const prefix = partPrefix(region.part);
    tablesOfPart.set(prefix, [...(tablesOfPart.get(prefix) ?? []), region.cell.block]);
  }
  const drafts = rows.map((row) => {
    const prefix = partPrefix(partOfTable.get(row.block)!);
    const list = tablesOfPart.get(prefix)!;
    const table = prefix === '' || list.length > 1 ? `table${list.indexOf(row.block) + 1}` : '';
    return {
      id: [prefix, table, `row${row.row}`].filter(Boolean).join('.'),
      path: prefix === '' ? [] : [prefix],
      title: firstClause(row.item ? text.slice(row.item.span[0], row.item.span[1]) : text.slice(row.span[0], row.span[1])),
      span: row.span,
      shared: row.shared,
    };
  });
  return { drafts, tables };
}

/**
 * Tasks: what the document asks someone to do, each with the units, quotas and deadlines
 * written inside it. Runs after the unit, quota and deadline extractors, whose findings it links.
 */
export const tasksExtractor: Extractor = {
  name: 'tasks',
  extract(context) {
    const regions = taskRegions(context);
    const mentions = context.fields.units.flatMap((unit) => unit.mentions).sort((a, b) => a.span[0] - b.span[0]);
    const { roots, loose } = outline(context.text, regions);
    const rows = rowTasks(context.text, regions);
    const findings: Findings = {
      mentions: new SpanIndex(mentions),
      quotas: new SpanIndex(context.fields.quotas),
      deadlines: new SpanIndex(context.fields.deadlines),
    };
    const drafts = [...itemTasks(context.text, allNodes(roots), rows.tables, findings), ...looseTasks(context.text, loose, findings), ...rows.drafts];
    drafts.sort((a, b) => a.span[0] - b.span[0]);
    return result({ tasks: drafts.map((draft) => linked(draft, context.text, findings)) });
  },
};
