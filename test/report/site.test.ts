import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, main } from '../../src/cli/main.js';
import { parse, type NoticeRecord } from '../../src/index.js';
import { documentPageData, type BlockView, type DocumentPageData, type SegmentView } from '../../src/report/document-view.js';
import { collectFindings } from '../../src/report/findings.js';
import { cardFor, foldText, placesIn, readGoldCards } from '../../src/report/gold.js';
import { CONTENT_SECURITY_POLICY, embedJson, escapeHtml, pageHtml } from '../../src/report/html.js';
import type { IndexPageData } from '../../src/report/index-view.js';
import { loadInputs } from '../../src/report/inputs.js';
import { matchList, scoreList, type GoldCard } from '../../src/report/scoring.js';
import { segmentRange } from '../../src/report/segments.js';
import { pageName, writeReport } from '../../src/report/site.js';
import { DATA_ELEMENT_ID, SITE_SCRIPT } from '../../src/report/site-script.js';
import { SITE_STYLES } from '../../src/report/site-styles.js';
import {
  FAILED_INPUT,
  fixtureNotice,
  goldCardOf,
  HOSTILE_FILE_NAME,
  hostileRecord,
  NESTED_MISS,
  nestedCard,
  nestedRecord,
  outputFolder,
  readByOcr,
  removeTempDirs,
  tempDir,
} from './notices.js';

function embeddedData<T>(html: string): T {
  const match = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match, 'the page embeds its data').not.toBeNull();
  return JSON.parse(match![1]!) as T;
}

function segmentsOf(block: BlockView): SegmentView[] {
  if (block.type === 'table') return block.rows.flatMap((row) => row.cells.flatMap((cell) => cell.segments));
  if (block.type === 'metadata') return block.fields.flatMap((field) => [...field.label, ...field.value]);
  return block.segments;
}

function allSegments(data: DocumentPageData): SegmentView[] {
  return data.parts.flatMap((part) => part.blocks.flatMap(segmentsOf));
}

/** The text a finding is shown on, its segments joined. */
function shownText(data: DocumentPageData, id: number): string {
  return allSegments(data)
    .filter((segment) => segment.findings?.includes(id))
    .map((segment) => segment.text)
    .join('');
}

function run(...argv: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  return main(argv, { stdout: { write: () => undefined }, stderr: { write: (text) => void (stderr += text) } }).then((status) => ({ status, stderr }));
}

let seed: NoticeRecord;
let hostile: NoticeRecord;
beforeAll(async () => {
  seed = await parse(fixtureNotice('seed-001.txt'));
  hostile = await hostileRecord();
});
afterAll(removeTempDirs);

/** A gold card that agrees with the seed's record, but for the overrides. */
const card = (overrides: Partial<GoldCard> = {}): GoldCard => goldCardOf(seed, { id: 'seed-001', file: 'seeds/001_36ec0e9254ad7e20.txt', ...overrides });

describe('escaping', () => {
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<img src=x onerror="a('&')">`)).toBe('&lt;img src=x onerror=&quot;a(&#39;&amp;&#39;)&quot;&gt;');
  });

  it('embeds JSON that no </script>, <!-- or line separator can break, and that reads back the same', () => {
    const value = { text: '</script><script>alert(1)</script><!-- \u2028\u2029 & >' };
    const embedded = embedJson(value);
    expect(embedded).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(embedded)).toEqual(value);
  });

  it('puts document strings into a page only as escaped title text and escaped JSON', () => {
    const html = pageHtml({ title: '<script>alert(1)</script>', kind: 'document', data: { title: '</script><script>alert(2)</script>' } });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(embeddedData<{ title: string }>(html).title).toBe('</script><script>alert(2)</script>');
  });

  it('declares a policy that allows only the page\'s own script and styles, by their hashes, and no network', () => {
    const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
    expect(CONTENT_SECURITY_POLICY).toBe(
      `default-src 'none'; script-src ${hash(SITE_SCRIPT)}; style-src ${hash(SITE_STYLES)}; img-src 'none'; base-uri 'none'; form-action 'none'; ` +
        `require-trusted-types-for 'script'; trusted-types 'none'`,
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'self'|file:|unsafe-|https?:/);
    const html = pageHtml({ title: 't', kind: 'index', data: {} });
    expect(html).toContain('<meta http-equiv="Content-Security-Policy"');
    expect(html).toContain(`<script>${SITE_SCRIPT}</script>`);
    expect(html).toContain(`<style>${SITE_STYLES}</style>`);
  });

  it('reads its data from the element the page writes', () => {
    expect(SITE_SCRIPT).toContain(`document.getElementById(${JSON.stringify(DATA_ELEMENT_ID)})`);
    expect(pageHtml({ title: 't', kind: 'index', data: {} })).toContain(`<script type="application/json" id="${DATA_ELEMENT_ID}">`);
  });

  it('ships a site script that parses and never hands data to innerHTML, eval or document.write', () => {
    expect(() => new Script(SITE_SCRIPT)).not.toThrow();
    expect(SITE_SCRIPT).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});

describe('segments over overlapping spans', () => {
  it('cuts a paragraph holding a task holding a unit into pieces covered by fixed sets', () => {
    const paragraph: [number, number] = [0, 20];
    const task: [number, number] = [5, 20];
    const unit: [number, number] = [8, 11];
    expect(segmentRange(paragraph, [task, unit])).toEqual([
      { start: 0, end: 5, covering: [] },
      { start: 5, end: 8, covering: [0] },
      { start: 8, end: 11, covering: [0, 1] },
      { start: 11, end: 20, covering: [0] },
    ]);
  });

  it('gives characters shared by two findings to both, and clips spans to the range', () => {
    expect(segmentRange([10, 20], [[8, 14], [12, 25]])).toEqual([
      { start: 10, end: 12, covering: [0] },
      { start: 12, end: 14, covering: [0, 1] },
      { start: 14, end: 20, covering: [1] },
    ]);
  });

  it('ignores spans outside the range and empty ranges', () => {
    expect(segmentRange([0, 4], [[4, 9], [6, 6]])).toEqual([{ start: 0, end: 4, covering: [] }]);
    expect(segmentRange([3, 3], [[0, 9]])).toEqual([]);
  });

  it('shows every character of the text once, in order, whatever overlaps', () => {
    const data = documentPageData(seed, 'seed');
    const shown = allSegments(data).map((segment) => segment.text).join('');
    expect(shown).toBe(seed.text.replace(/[\n\t]/g, ''));
  });

  it('lists a quota inside an implied deadline and a missed item first, and keeps a unit inside its task', async () => {
    const record = await nestedRecord();
    const data = documentPageData(record, 'nested', [nestedCard(record)]);
    const quota = data.findings.find((finding) => finding.kind === 'quota')!;
    const deadline = data.findings.find((finding) => finding.kind === 'deadline')!;
    const miss = data.findings.find((finding) => finding.kind === 'miss')!;
    const unit = data.findings.find((finding) => finding.kind === 'unit')!;
    expect(deadline.inferred).toBe(true);
    expect(quota.inferred).toBeUndefined();
    const segments = allSegments(data);
    const at = (text: string): SegmentView => segments.find((segment) => segment.text === text)!;
    expect(at('不少于10次').findings).toEqual([quota.id, deadline.id]);
    expect(at(NESTED_MISS).findings).toEqual([miss.id, deadline.id]);
    expect(at('5月20日前').findings).toEqual([deadline.id]);
    expect(at('市教育局')).toMatchObject({ findings: [unit.id], tasks: [0] });
    expect(shownText(data, deadline.id)).toBe(`5月20日前${NESTED_MISS}不少于10次。`);
  });

  it('lists the shortest covering finding first, so a unit inside a longer finding keeps its colour', () => {
    const data = documentPageData(seed, 'seed');
    for (const segment of allSegments(data)) {
      const lengths = (segment.findings ?? []).map((id) => data.findings[id]!.span[1] - data.findings[id]!.span[0]);
      expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
    }
  });
});

describe('a document page', () => {
  it('highlights the document number, deadlines with their keys and units with their roles', () => {
    const data = documentPageData(seed, 'seed');
    const number = data.findings.find((finding) => finding.kind === 'docNumber')!;
    expect(number.value).toBe('东质强办〔2013〕41号');
    expect(shownText(data, number.id)).toBe('东质强办〔2013〕41号');
    const deadline = data.findings.find((finding) => finding.kind === 'deadline' && finding.value === 'by:2013-12-15')!;
    expect(deadline.inferred).toBe(true);
    expect(shownText(data, deadline.id)).toBe('12 月 15 日前');
    const lead = data.findings.find((finding) => finding.kind === 'unit' && finding.role === 'lead' && shownText(data, finding.id) === '东莞广播电视台');
    expect(lead?.value).toBe('lead');
  });

  it('renders tables row by row and cell by cell, and links a table task to its row', () => {
    const data = documentPageData(seed, 'seed');
    const table = data.parts.flatMap((part) => part.blocks).find((block) => block.type === 'table');
    expect(table?.type).toBe('table');
    if (table?.type !== 'table') return;
    const row = table.rows[1]!;
    expect(row.cells.map((cell) => cell.segments.map((segment) => segment.text).join(''))).toEqual([
      '1',
      '制作城市形象暨质量强市专题宣传汇报短片。',
      '11.20',
      '东莞广播电视台',
      '宣传部、强市办',
      '时长 6—8 分钟；在预验收（11 月 20 日）前完成第 1 稿，12 月 15 日前完成第 2 稿。',
    ]);
    const task = data.tasks.findIndex((candidate) => candidate.id === '附件1.row1');
    expect(row.tasks).toEqual([task]);
    expect(data.tasks[task]!.deadlines.map((deadline) => deadline.key)).toEqual(['by:2013-11-20', 'by:2013-11-20', 'by:2013-12-15']);
    expect(data.tasks[task]!.units.every((unit) => unit.finding !== undefined)).toBe(true);
  });

  it('lists warnings and places those with a span in the text', () => {
    const data = documentPageData(hostile, 'hostile');
    const weekday = data.warnings.findIndex((warning) => warning.placed);
    expect(weekday).toBeGreaterThanOrEqual(0);
    expect(allSegments(data).some((segment) => segment.warnings?.includes(weekday))).toBe(true);
  });

  it('keeps hostile text as data: the page has only its own two script elements', () => {
    const data = documentPageData(hostile, 'hostile');
    expect(data.title).toBe('关于印发<script>window.__pwned=1</script>方案的通知');
    const html = pageHtml({ title: data.title, kind: 'document', data });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html).not.toMatch(/<img|<b |<\/script><script>window/);
    expect(embeddedData<DocumentPageData>(html).title).toBe(data.title);
  });

  it('marks findings, tasks and blocks read by OCR with their confidence', () => {
    const data = documentPageData(readByOcr(seed, 0.62), 'scan');
    expect(data.findings.find((finding) => finding.kind === 'quota')?.ocr).toBe(0.62);
    expect(data.parts[0]!.blocks.slice(0, 4).map((block) => block.ocr)).toEqual([0.62, 0.62, 0.62, undefined]);
    expect(data.tasks[0]!.ocr).toBe(0.62);
    expect(collectFindings(seed).every((finding) => finding.ocr === undefined)).toBe(true);
  });
});

describe('gold marking', () => {
  it('refuses a gold card that lacks a field or has one of the wrong type, naming the card file', () => {
    const dir = tempDir('gongwen-report-cards-');
    const { deadlines: _deadlines, ...incomplete } = card();
    writeFileSync(join(dir, 'a.json'), JSON.stringify(incomplete));
    expect(() => readGoldCards(dir)).toThrow(expect.objectContaining({ code: 'E_READ_FAILED', message: expect.stringMatching(/gold card .*a\.json: not a gold card at deadlines: /) }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(card({ quotas: [{ raw: '1名' } as never] })));
    expect(() => readGoldCards(dir)).toThrow(expect.objectContaining({ code: 'E_READ_FAILED', message: expect.stringMatching(/a\.json: not a gold card at quotas\.0\.key: /) }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(card({ issuers: '东莞市' as never })));
    expect(() => readGoldCards(dir)).toThrow(expect.objectContaining({ code: 'E_READ_FAILED', message: expect.stringMatching(/a\.json: not a gold card at issuers: /) }));
    writeFileSync(join(dir, 'a.json'), JSON.stringify(card()));
    expect(readGoldCards(dir)).toEqual([card()]);
  });

  it('matches a card by the source file name, else by the name without extensions', () => {
    const byFile = card({ id: 'other', file: 'seeds/seed-001.txt' });
    const byId = card({});
    expect(cardFor(seed, [byId, byFile])).toBe(byFile);
    expect(cardFor(seed, [byId])).toBe(byId);
    expect(cardFor(seed, [card({ id: 'seed-002' })])).toBeUndefined();
  });

  it('marks a record item the card lacks as a false find and places a missed item where the text holds it', () => {
    const deadlines = seed.deadlines.slice(1).map((deadline) => ({ key: deadline.key, raw: deadline.raw }));
    const missedQuota = { key: '>=3名', raw: '1名' };
    const data = documentPageData(seed, 'seed', [card({ deadlines, quotas: [...seed.quotas.map((quota) => ({ key: quota.key, raw: quota.raw })), missedQuota] })]);
    const review = data.gold!;
    expect(review.scalars.every((scalar) => scalar.correct)).toBe(true);
    const deadlineList = review.lists.find((list) => list.field === 'deadlines')!;
    expect(deadlineList.misses).toEqual([]);
    expect(deadlineList.falseFinds).toHaveLength(1);
    const falseFind = data.findings[deadlineList.falseFinds[0]!.findings[0]!]!;
    expect(falseFind.kind).toBe('deadline');
    expect(falseFind.gold?.[0]).toMatch(/^not in the gold card \(deadlines: by:2013-1/);
    const quotaList = review.lists.find((list) => list.field === 'quotas')!;
    expect(quotaList.misses).toMatchObject([{ value: '>=3名', written: '1名' }]);
    const miss = data.findings[quotaList.misses[0]!.finding!]!;
    expect(miss.kind).toBe('miss');
    expect(seed.text.slice(...miss.span)).toBe('1名');
  });

  it('says which scalar fields disagree', () => {
    const data = documentPageData(seed, 'seed', [card({ signDate: '2013-11-07' })]);
    expect(data.gold!.scalars.find((scalar) => scalar.field === 'signDate')).toEqual({ field: 'signDate', correct: false, expected: '2013-11-07', found: '2013-11-06' });
  });

  it('finds text whatever white space and width it is written with', () => {
    const text = '在预验收（11 月 20 日）前完成第 １ 稿，第1稿';
    const folded = foldText(text);
    expect(placesIn(folded, '（11月20日）前').map((span) => text.slice(...span))).toEqual(['（11 月 20 日）前']);
    expect(placesIn(folded, '第1稿').map((span) => text.slice(...span))).toEqual(['第 １ 稿', '第1稿']);
    expect(placesIn(folded, '')).toEqual([]);
  });

  it('matches required entries before optional ones, each value at most once', () => {
    const gold = [
      { value: 'a', optional: true },
      { value: 'a', optional: false },
      { value: 'b', optional: false },
    ];
    expect(matchList(gold, ['a', 'c'])).toEqual({ goldMatched: [false, true, false], predictedMatched: [true, false] });
    expect(scoreList(gold, ['a', 'c'])).toEqual({ truePositives: 1, falsePositives: 1, falseNegatives: 1, misses: ['b'], falseFinds: ['c'] });
  });
});

describe('inputs and the index', () => {
  it('reads an output folder: its current records and the failures its manifest lists', async () => {
    const dir = outputFolder([{ name: 'seed-001.txt', record: seed }]);
    const loaded = await loadInputs([dir]);
    expect(loaded.records.map((record) => record.name)).toEqual(['seed-001.txt']);
    expect(loaded.failures).toEqual([{ path: FAILED_INPUT.path, code: 'E_NO_TEXT_LAYER', message: FAILED_INPUT.message, at: FAILED_INPUT.at }]);
    expect(loaded.problems).toEqual([]);
  });

  it('reads record streams and folders of records, and names what is not a record', async () => {
    const dir = tempDir('gongwen-report-mixed-');
    writeFileSync(join(dir, 'records.jsonl'), `${JSON.stringify(seed)}\n{"not":"a record"}\n${JSON.stringify(hostile)}\n`);
    writeFileSync(join(dir, 'card.json'), '{"id":"seed-001"}');
    const loaded = await loadInputs([dir, join(dir, 'missing.json')]);
    expect(loaded.records.map((record) => record.name)).toEqual(['seed-001.txt', HOSTILE_FILE_NAME]);
    expect(loaded.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/card\.json is not a gongwen record/),
      expect.stringMatching(/records\.jsonl:2 is not a gongwen record/),
      expect.stringMatching(/cannot read .*missing\.json: ENOENT/),
    ]);
    expect(loaded.problems.every((problem) => problem.code === 'E_READ_FAILED')).toBe(true);
  });

  it('writes an index with a row per record, counts, failures and gold totals', async () => {
    const input = outputFolder([
      { name: 'a/seed-001.txt', record: seed },
      { name: 'b/seed-001.txt', record: seed },
      { name: 'hostile.txt', record: hostile },
    ]);
    const out = tempDir('gongwen-report-out-');
    const gold = tempDir('gongwen-report-gold-');
    writeFileSync(join(gold, 'seed-001.json'), JSON.stringify(card()));
    const summary = await writeReport({ inputs: [input], outDir: out, goldDir: gold });
    expect(summary).toMatchObject({ documents: 3, failures: 1, reviewed: 2, problems: [] });
    const index = embeddedData<IndexPageData>(readFileSync(join(out, 'index.html'), 'utf8'));
    expect(index.rows.map((row) => row.page)).toEqual(['docs/a_seed-001.txt.html', 'docs/b_seed-001.txt.html', 'docs/hostile.txt.html']);
    expect(index.rows[0]).toMatchObject({ docNumber: '东质强办〔2013〕41号', date: '2013-11-06', tasks: seed.tasks.length, units: seed.units.length, quotas: seed.quotas.length, deadlines: seed.deadlines.length, warnings: 0 });
    expect(index.rows[0]!.gold).toMatchObject({ card: 'seed-001', wrongFields: 0 });
    expect(index.rows[2]).toMatchObject({ gold: null, warnings: 1 });
    expect(index.failures.map((failure) => failure.code)).toEqual(['E_NO_TEXT_LAYER']);
    for (const row of index.rows) expect(existsSync(join(out, decodeURIComponent(row.page)))).toBe(true);
    expect(existsSync(join(out, 'assets'))).toBe(false);
    expect(index.notes).toEqual([expect.stringMatching(/^gold card seed-001 \(seeds\/001_36ec0e9254ad7e20\.txt\) matches 2 records: /)]);
  });

  it('names pages with safe characters only, each once', () => {
    const taken = new Set<string>();
    expect(pageName('../evil/<script>.txt', taken)).toBe('evil_script_.txt');
    expect(pageName('../evil/<script>.txt', taken)).toBe('evil_script_.txt-2');
    expect(pageName('通知.docx', taken)).toBe('通知.docx');
    expect(pageName('...', taken)).toBe('document');
  });

  it('keeps page names under 200 bytes of UTF-8, cut between code points', () => {
    const taken = new Set<string>();
    const long = pageName('关于印发'.repeat(100), taken);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(200);
    expect(long).toBe('关于印发'.repeat(100).slice(0, 66));
    const astral = pageName('a' + '𠀀'.repeat(100), taken);
    expect(Buffer.byteLength(astral)).toBeLessThanOrEqual(200);
    expect(astral).toBe('a' + '𠀀'.repeat(49));
    expect(() => encodeURIComponent(astral)).not.toThrow();
    expect(Buffer.byteLength(`${pageName('a' + '𠀀'.repeat(100), taken)}.html`)).toBeLessThanOrEqual(255);
  });

  it('writes a site for records with very long CJK and astral file names', async () => {
    const input = outputFolder([
      { name: `${'通知'.repeat(40)}.txt`, record: seed },
      { name: `${'𠀀'.repeat(60)}.txt`, record: hostile },
    ]);
    const out = tempDir('gongwen-report-long-');
    const summary = await writeReport({ inputs: [input], outDir: out });
    expect(summary).toMatchObject({ documents: 2, problems: [] });
    const index = embeddedData<IndexPageData>(readFileSync(join(out, 'index.html'), 'utf8'));
    for (const row of index.rows) expect(existsSync(join(out, decodeURIComponent(row.page)))).toBe(true);
  });

  it('shows a manifest whose entries hold the wrong types, and names an entry without a path', async () => {
    const dir = outputFolder([{ name: 'seed-001.txt', record: seed }]);
    const bad = [
      { path: '/archive/a.pdf', status: 'failed', code: { nested: ['E_X'] }, message: 42, at: 7 },
      { path: '/archive/b.pdf', status: 'failed' },
      { path: 12, status: 'failed', code: 'E_X' },
      { path: '/archive/c.pdf', status: 'converted', output: ['../x.json'] },
    ];
    writeFileSync(join(dir, 'manifest.jsonl'), `${readFileSync(join(dir, 'manifest.jsonl'), 'utf8')}${bad.map((entry) => JSON.stringify(entry)).join('\n')}\n{"cut short`);
    const loaded = await loadInputs([dir]);
    expect(loaded.records.map((record) => record.name)).toEqual(['seed-001.txt']);
    expect(loaded.records[0]!.inputPath).toBe('/archive/seed-001.txt');
    expect(loaded.failures).toEqual([
      { path: FAILED_INPUT.path, code: 'E_NO_TEXT_LAYER', message: FAILED_INPUT.message, at: FAILED_INPUT.at },
      { path: '/archive/a.pdf', code: '{"nested":["E_X"]}', message: '42', at: '7' },
      { path: '/archive/b.pdf', code: 'E_INTERNAL', message: '', at: '' },
    ]);
    expect(loaded.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/manifest\.jsonl: an entry has no input path \(12\)/)]);
  });

  it('pairs a card with the record whose input path ends with the card\'s file, before the base name', () => {
    const elsewhere = card({ id: 'a', file: 'other/seed-001.txt' });
    const here = card({ id: 'b', file: 'seeds/seed-001.txt' });
    const named = { ...seed, source: { ...seed.source, fileName: 'seed-001.txt' } };
    expect(cardFor(named, [elsewhere, here], '/archive/seeds/seed-001.txt')).toBe(here);
    expect(cardFor(named, [elsewhere, here], '/archive/unknown/seed-001.txt')).toBe(elsewhere);
    expect(cardFor(named, [elsewhere, here])).toBe(elsewhere);
  });
});

describe('gongwen report', () => {
  it('writes the site and says where, exiting 0', async () => {
    const input = outputFolder([{ name: 'seed-001.txt', record: seed }]);
    const out = join(tempDir('gongwen-report-cli-'), 'site');
    const { status, stderr } = await run('report', input, '--out', out);
    expect(status).toBe(EXIT_OK);
    expect(stderr).toBe(`wrote ${join(out, 'index.html')} (1 documents, 1 failed conversions)\n`);
  });

  it('says in one line that nothing could be read, exiting 1', async () => {
    const empty = tempDir('gongwen-report-empty-');
    const { status, stderr } = await run('report', empty, '--out', join(empty, 'site'));
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toMatch(/^gongwen: E_READ_FAILED no gongwen records found in .*\n$/);
  });

  it('says why when the only input cannot be read, exiting 1', async () => {
    const missing = join(tmpdir(), 'gongwen-no-such-records');
    const { status, stderr } = await run('report', missing, '--out', join(tmpdir(), 'gongwen-no-such-site'));
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toMatch(/^gongwen: E_READ_FAILED cannot read .*gongwen-no-such-records: ENOENT[^\n]*\n$/);
  });

  it('shows what it can read, names what it cannot, and exits 1', async () => {
    const input = outputFolder([{ name: 'seed-001.txt', record: seed }]);
    const out = tempDir('gongwen-report-partial-');
    const { status, stderr } = await run('report', input, join(input, 'nope.json'), '--out', out);
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toMatch(/^gongwen: E_READ_FAILED cannot read .*nope\.json: ENOENT.*\nwrote .*index\.html \(1 documents, 1 failed conversions\)\n$/);
  });

  it('refuses an unreadable gold folder in one line', async () => {
    const input = outputFolder([{ name: 'seed-001.txt', record: seed }]);
    const { status, stderr } = await run('report', input, '--out', join(input, 'site'), '--gold', join(input, 'no-cards'));
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toMatch(/^gongwen: E_READ_FAILED cannot read the gold folder .*no-cards.*\n$/);
  });
});
