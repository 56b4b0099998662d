import type { HeadingBlock, Part } from '../../model/document.js';
import type { Span } from '../../model/span.js';
import type { Region } from '../regions.js';

/** A numbered item of the body and everything under it, up to the next item of its level or above. */
export interface OutlineNode {
  id: string;
  heading: HeadingBlock;
  /** Marker and title, as a path entry: `（五）户外宣传`. */
  label: string;
  title: string;
  span: Span;
  parent?: OutlineNode;
  children: OutlineNode[];
  /** Regions inside the node that belong to no child (its run-in text, its paragraphs and tables). */
  own: Region[];
}

const TITLE_END = /[。；;：:！？]/;
const MAX_TITLE = 40;
const TRAILING_PUNCTUATION = /[\s，,、]+$/;
// A role note closing the first clause (`…短片(东莞广播电视台负责,宣传部协助)`) is not part of the title.
const TRAILING_NOTE = /\s*[（(][^（）()]*(?:负责|牵头|协助|配合|协办|单位|部门)[^（）()]*(?:[）)]|$)$/;

/** The first clause of a text, without a role note after it, cut to a length people can scan. */
export function firstClause(text: string): string {
  const end = text.search(TITLE_END);
  const clause = (end >= 0 ? text.slice(0, end) : text).trim().replace(TRAILING_NOTE, '').replace(TRAILING_PUNCTUATION, '');
  return clause.length > MAX_TITLE ? `${clause.slice(0, MAX_TITLE)}…` : clause;
}

/** The number of an id: `四` for 四、, `(五)` for （五）, `1` for 1., `(1)` for （1）. */
function idSegment(marker: string): string {
  return marker
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/\s+/g, '')
    .replace(/[、.．，,:：]$/, '');
}

/** The heading's own words: the words after its marker, up to the end of the first clause for a run-in heading. */
function headingTitle(text: string, heading: HeadingBlock): string {
  return firstClause(text.slice(heading.span[0], heading.span[1]).replace(/^\s+/, '').slice(heading.marker.length));
}

/** Prefix of the ids of a part: `附件1` for an attachment labelled 附件1, nothing for the notice. */
export function partPrefix(part: Part): string {
  if (part.kind !== 'attachment') return '';
  return (part.label ?? '附件').replace(/\s+/g, '').replace(/[:：]$/, '');
}

function joinId(...segments: string[]): string {
  return segments.filter((segment) => segment !== '').join('.');
}

/**
 * Builds the tree of numbered items of each part from the regions in reading order. A heading
 * closes every open item of its level or deeper; an id that a sibling already has (two 四、 in
 * one plan) gets `#2`.
 */
export function outline(text: string, regions: readonly Region[]): { roots: OutlineNode[]; loose: Region[] } {
  const roots: OutlineNode[] = [];
  const loose: Region[] = [];
  const open: OutlineNode[] = [];
  let part: Part | undefined;
  for (const region of regions) {
    if (region.part !== part) {
      part = region.part;
      open.length = 0;
    }
    const block = region.line?.block;
    if (block?.type !== 'heading') {
      const top = open.at(-1);
      if (top === undefined) loose.push(region);
      else top.own.push(region);
      for (const node of open) node.span = [node.span[0], Math.max(node.span[1], region.span[1])];
      continue;
    }
    while (open.length > 0 && open.at(-1)!.heading.level >= block.level) open.pop();
    const parent = open.at(-1);
    const siblings = parent?.children ?? roots.filter((root) => root.id.startsWith(partPrefix(region.part)));
    const base = joinId(parent?.id ?? partPrefix(region.part), idSegment(block.marker));
    const repeats = siblings.filter((sibling) => sibling.id === base || sibling.id.startsWith(`${base}#`)).length;
    const title = headingTitle(text, block);
    const node: OutlineNode = {
      id: repeats === 0 ? base : `${base}#${repeats + 1}`,
      heading: block,
      label: `${block.marker.trim()}${title}`,
      title,
      span: [region.span[0], region.span[1]],
      children: [],
      own: [region],
      ...(parent ? { parent } : {}),
    };
    (parent?.children ?? roots).push(node);
    for (const ancestor of open) ancestor.span = [ancestor.span[0], Math.max(ancestor.span[1], region.span[1])];
    open.push(node);
  }
  return { roots, loose };
}

/** The node and its ancestors, outermost first. */
export function ancestry(node: OutlineNode): OutlineNode[] {
  const chain: OutlineNode[] = [];
  for (let at: OutlineNode | undefined = node; at !== undefined; at = at.parent) chain.unshift(at);
  return chain;
}

/** Every node of the trees, in reading order. */
export function allNodes(roots: readonly OutlineNode[]): OutlineNode[] {
  return roots.flatMap((root) => [root, ...allNodes(root.children)]);
}
