import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { GongwenError } from '../model/errors.js';
import { documentPageData } from './document-view.js';
import { cardFor, goldTotals, readGoldCards } from './gold.js';
import { pageHtml } from './html.js';
import { indexRow, type IndexPageData, type IndexRow } from './index-view.js';
import { loadInputs, type LoadedRecord } from './inputs.js';
import type { GoldCard } from './scoring.js';

/**
 * `gongwen report`: a static review site for a set of records. The site is plain files (an
 * index and one page per document, each carrying its own script and styles inline) that work
 * from the file system with no server and no network.
 */

export interface ReportOptions {
  /** Record files, record streams, folders of them, or output folders of `gongwen convert`. */
  inputs: readonly string[];
  outDir: string;
  /** A folder of gold cards to review the records against. */
  goldDir?: string;
}

export interface ReportSummary {
  /** Path of the index page. */
  index: string;
  documents: number;
  failures: number;
  /** Documents for which a gold card was found. */
  reviewed: number;
  /** Inputs that were left out, each with why. */
  problems: GongwenError[];
}

/**
 * File names are limited to 255 bytes on most file systems; a page name keeps to 200 bytes of
 * UTF-8 so that a copy number and `.html` still fit (a CJK character is 3 bytes, an astral one 4).
 */
const PAGE_NAME_BYTES = 200;

/** The longest prefix of `text` that is at most `limit` bytes of UTF-8, cut between code points. */
function truncateUtf8(text: string, limit: number): string {
  let bytes = 0;
  let kept = '';
  for (const character of Array.from(text)) {
    bytes += Buffer.byteLength(character, 'utf8');
    if (bytes > limit) break;
    kept += character;
  }
  return kept;
}

/** A file name for a record's page: letters, digits and `._-` only, unique within the site. */
export function pageName(name: string, taken: Set<string>): string {
  const safe =
    truncateUtf8(
      name
        .normalize('NFC')
        .replace(/[^\p{L}\p{N}._-]+/gu, '_')
        .replace(/^[._]+/, ''),
      PAGE_NAME_BYTES,
    ) || 'document';
  let candidate = safe;
  for (let copy = 2; taken.has(candidate.toLowerCase()); copy += 1) candidate = `${safe}-${copy}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function writeSiteFile(outDir: string, path: string, content: string): Promise<void> {
  const target = join(outDir, path);
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  } catch (error) {
    throw new GongwenError('E_WRITE_FAILED', `cannot write ${target}: ${(error as Error).message}`, { cause: error });
  }
}

function documentPage(loaded: LoadedRecord, name: string, card: GoldCard | undefined): { html: string; row: IndexRow } {
  const data = documentPageData(loaded.record, loaded.origin, card === undefined ? [] : [card]);
  const page = `docs/${encodeURIComponent(name)}.html`;
  const row = indexRow(loaded.record, page, loaded.origin, data.gold === null ? null : goldTotals(data.gold));
  return { html: pageHtml({ title: `${data.title} · gongwen review`, kind: 'document', data }), row };
}

/** Why a report has nothing to show: the one input's own problem, or what was looked for. */
function nothingToShow(inputs: readonly string[], problems: readonly GongwenError[]): GongwenError {
  if (problems.length === 1) return problems[0]!;
  const unreadable = problems.length > 1 ? `; ${problems.length} inputs could not be read or are not records` : '';
  return new GongwenError(
    'E_READ_FAILED',
    `no gongwen records found in ${inputs.join(', ')}${unreadable} (give record .json files, records.jsonl or an output folder of gongwen convert)`,
  );
}

/** A card that more than one record claims is a pairing the reviewer should know about. */
function sharedCards(claims: Map<GoldCard, string[]>): string[] {
  return [...claims].flatMap(([card, origins]) =>
    origins.length > 1 ? [`gold card ${card.id} (${card.file}) matches ${origins.length} records: ${origins.join(', ')}`] : [],
  );
}

/** Writes the site into `outDir` and says what went in; throws when there is nothing to show. */
export async function writeReport(options: ReportOptions): Promise<ReportSummary> {
  const cards = options.goldDir === undefined ? [] : readGoldCards(options.goldDir);
  const loaded = await loadInputs(options.inputs);
  if (loaded.records.length === 0 && loaded.failures.length === 0) throw nothingToShow(options.inputs, loaded.problems);
  const taken = new Set<string>();
  const rows: IndexRow[] = [];
  const claims = new Map<GoldCard, string[]>();
  // Written page by page: a page holds its record's text and findings several times over
  // (segments, findings, tasks), so it is built, written and let go before the next one.
  for (const record of loaded.records) {
    const name = pageName(record.name, taken);
    const card = cardFor(record.record, cards, record.inputPath);
    if (card !== undefined) claims.set(card, [...(claims.get(card) ?? []), record.origin]);
    const { html, row } = documentPage(record, name, card);
    await writeSiteFile(options.outDir, `docs/${name}.html`, html);
    rows.push(row);
  }
  const index: IndexPageData = { page: 'index', rows, failures: loaded.failures, gold: options.goldDir !== undefined, notes: sharedCards(claims) };
  await writeSiteFile(options.outDir, 'index.html', pageHtml({ title: 'gongwen review', kind: 'index', data: index }));
  return {
    index: join(options.outDir, 'index.html'),
    documents: rows.length,
    failures: loaded.failures.length,
    reviewed: rows.filter((row) => row.gold !== null).length,
    problems: loaded.problems,
  };
}
