import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { baselinePath, evaluateCorpus, figuresByGroup, goldAvailable, goldDir, loadCards, type Baseline, type EvaluatedCard, type Group } from './corpus.js';
import { LIST_FIELDS, SCALAR_FIELDS } from '../src/report/scoring.js';
import type { Figures } from './scoring.js';

const { values: options } = parseArgs({
  options: {
    misses: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'boolean', default: false },
    'write-baseline': { type: 'boolean', default: false },
  },
});

function ratio(value: number): string {
  return value.toFixed(2);
}

function table(figures: Record<Group, Figures>): string {
  const groups = Object.keys(figures) as Group[];
  const head = ['field', ...groups.map((group) => `${group} (${figures[group].documents})`)];
  const rows: string[][] = [];
  for (const field of SCALAR_FIELDS) rows.push([field, ...groups.map((group) => `acc ${ratio(figures[group].accuracy[field])}`)]);
  for (const field of LIST_FIELDS) {
    rows.push([field, ...groups.map((group) => `P ${ratio(figures[group].precision[field])} R ${ratio(figures[group].recall[field])} F1 ${ratio(figures[group].f1[field])}`)]);
  }
  const widths = head.map((_, column) => Math.max(...[head, ...rows].map((row) => row[column]!.length)));
  const line = (row: string[]): string => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function misses(evaluated: readonly EvaluatedCard[]): string {
  const out: string[] = [];
  for (const { card, score } of evaluated) {
    const lines: string[] = [];
    if (score.error) lines.push(`  failed: ${score.error.code} ${score.error.message}`);
    for (const field of SCALAR_FIELDS) {
      const result = score.scalars[field];
      if (!result.correct && !score.error) lines.push(`  ${field}: expected ${result.expected}, found ${result.found}`);
    }
    for (const field of LIST_FIELDS) {
      const result = score.lists[field];
      if (result.misses.length > 0) lines.push(`  ${field} missed: ${result.misses.join(' | ')}`);
      if (result.falseFinds.length > 0) lines.push(`  ${field} false: ${result.falseFinds.join(' | ')}`);
    }
    if (lines.length > 0) out.push(`${card.id} (${card.file})`, ...lines);
  }
  return out.join('\n');
}

if (options['write-baseline'] && options.only !== undefined) {
  console.error('--write-baseline records the figures of every card; run it without --only');
  process.exit(2);
}

if (!goldAvailable()) {
  console.error(`gold cards not found at ${goldDir}; set GONGWEN_SHARED to the folder that holds corpus/ and seeds/`);
  process.exit(2);
}

const cards = loadCards().filter((card) => options.only === undefined || card.id.includes(options.only) || card.file.includes(options.only));
const started = performance.now();
const evaluated = await evaluateCorpus(cards);
const figures = figuresByGroup(evaluated);
const seconds = ((performance.now() - started) / 1000).toFixed(1);

if (options.json) {
  console.log(JSON.stringify({ figures, documents: evaluated.map((entry) => entry.score) }, null, 2));
} else {
  const failed = evaluated.filter((entry) => entry.score.error);
  const codes = [...new Set(failed.map((entry) => entry.score.error!.code))].map((code) => `${code} ×${failed.filter((entry) => entry.score.error!.code === code).length}`);
  console.log(`gongwen eval: ${evaluated.length} gold cards, ${evaluated.length - failed.length} converted, ${failed.length} failed${codes.length ? ` (${codes.join(', ')})` : ''}, ${seconds} s\n`);
  console.log(table(figures));
  if (options.misses) console.log(`\n${misses(evaluated)}`);
  else console.log('\nRun `npm run eval -- --misses` to list the differences per document.');
}

if (options['write-baseline']) {
  const baseline = {} as Baseline;
  for (const [group, value] of Object.entries(figures) as Array<[Group, Figures]>) {
    baseline[group] = { accuracy: value.accuracy, precision: value.precision, recall: value.recall, f1: value.f1 };
  }
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`\nwrote ${baselinePath}`);
}
