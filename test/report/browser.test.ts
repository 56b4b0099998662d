import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type NoticeRecord } from '../../src/index.js';
import { documentPageData } from '../../src/report/document-view.js';
import { writeReport } from '../../src/report/site.js';
import { repositoryRoot } from '../helpers.js';
import { fixtureNotice, goldCardOf, hostileRecord, NESTED_MISS, nestedCard, nestedRecord, outputFolder, readByOcr, removeTempDirs, tempDir } from './notices.js';

/**
 * The review site in a real browser: Debian's chromium driven by playwright-core, pages opened
 * from the file system as a user would. These tests fail, never skip, when chromium is absent.
 */

const CHROMIUM = process.env['GONGWEN_CHROMIUM'] ?? '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** The README's screenshot is only rewritten on request; otherwise it goes to a temporary folder. */
const UPDATE_SCREENSHOT = process.env['GONGWEN_UPDATE_SCREENSHOT'] === '1';

let browser: Browser;
let site: string;
let seed001: NoticeRecord;
/** A script on the file system that a page must never be able to load. */
let outsideScript: string;

interface OpenPage {
  page: Page;
  /** Uncaught exceptions and console errors of the page. */
  errors: string[];
}

interface OpenOptions {
  width?: number;
  height?: number;
  /** The address's fragment, without '#'. */
  hash?: string;
}

async function open(path: string, options: OpenOptions = {}): Promise<OpenPage> {
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 900 }, reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(pathToFileURL(join(site, path)).href + (options.hash === undefined ? '' : `#${options.hash}`));
  await page.waitForSelector('body[data-ready="true"]');
  return { page, errors };
}

const openDocument = (name: string, options: OpenOptions = {}): Promise<OpenPage> => open(`docs/${name}.html`, options);

/**
 * Evaluates an expression in the page. Written as source text because the type check knows
 * Node's globals, not the browser's.
 */
function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}; the review-page tests need it. Install Debian's chromium package ` +
        `(apt-get install chromium) or set GONGWEN_CHROMIUM to the path of a Chromium or Chrome binary.`,
    );
  }
  const records = [
    { name: 'seed-001.txt', record: await parse(fixtureNotice('seed-001.txt')) },
    { name: 'seed-000.txt', record: await parse(fixtureNotice('seed-000.txt')) },
    { name: 'seed-001.docx', record: await parse(fixtureNotice('seed-001.docx')) },
    { name: 'hostile.txt', record: await hostileRecord() },
  ];
  records.push({ name: 'scanned.txt', record: readByOcr(records[1]!.record, 0.6) });
  const nested = await nestedRecord();
  records.push({ name: 'nested.txt', record: nested });
  seed001 = records[0]!.record;
  site = tempDir('gongwen-review-site-');
  // A card for seed 000 that lacks its first quota and expects a quota the text holds but the record lacks.
  const seed000 = records[1]!.record;
  const quotas = [...seed000.quotas.slice(1).map((quota) => ({ key: quota.key })), { key: '=9次', raw: seed000.quotas[0]!.raw }];
  const gold = tempDir('gongwen-review-gold-');
  writeFileSync(join(gold, 'seed-000.json'), JSON.stringify(goldCardOf(seed000, { id: 'seed-000', file: 'seeds/000.txt', quotas })));
  // A card for seed 001 (which its .txt and .docx renders both claim) that lacks the last deadline and expects a quota the record lacks.
  const deadlines = seed001.deadlines.slice(0, -1).map((deadline) => ({ key: deadline.key, raw: deadline.raw }));
  const seedQuotas = [...seed001.quotas.map((quota) => ({ key: quota.key, raw: quota.raw })), { key: '>=3名', raw: '1名' }];
  writeFileSync(join(gold, 'seed-001.json'), JSON.stringify(goldCardOf(seed001, { id: 'seed-001', file: 'seeds/001.txt', deadlines, quotas: seedQuotas })));
  writeFileSync(join(gold, 'nested.json'), JSON.stringify(nestedCard(nested)));
  // Hostile markup in a card's id, file and a quota's raw text, and in a manifest's path and message.
  const hostile = records[3]!.record;
  const hostileCard = goldCardOf(hostile, {
    id: '<img src=x onerror="window.__pwned=9">',
    file: 'x/<svg onload="window.__pwned=10">/hostile<script>.txt',
    quotas: [{ key: '=1次', raw: '<img src=x onerror="window.__pwned=11">' }],
  });
  writeFileSync(join(gold, 'hostile.json'), JSON.stringify(hostileCard));
  const input = outputFolder(records);
  const hostileFailure = {
    path: '/archive/<img src=x onerror="window.__pwned=7">.pdf',
    size: 1,
    sha256: '2'.repeat(64),
    status: 'failed',
    code: '<b onmouseover="window.__pwned=12">E</b>',
    message: '</script><script>window.__pwned=8</script>',
    milliseconds: 1,
    at: '2024-05-06T08:00:00.000Z',
  };
  appendFileSync(join(input, 'manifest.jsonl'), `${JSON.stringify(hostileFailure)}\n`);
  await writeReport({ inputs: [input], outDir: site, goldDir: gold });
  outsideScript = join(tempDir('gongwen-review-outside-'), 'x.js');
  writeFileSync(outsideScript, 'window.__outside = true;');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
});

afterAll(async () => {
  await browser?.close();
  removeTempDirs();
});

describe('the index page', () => {
  it('lists every record and the failed conversion, and searches and sorts', async () => {
    const { page, errors } = await open('index.html');
    const titles = page.locator('.index-table:not(.failure-table) tbody tr .doc-link');
    expect(await titles.count()).toBe(6);
    expect(await titles.evaluateAll((links) => links.map((link) => link.getAttribute('href')).sort())).toEqual([
      'docs/hostile.txt.html',
      'docs/nested.txt.html',
      'docs/scanned.txt.html',
      'docs/seed-000.txt.html',
      'docs/seed-001.docx.html',
      'docs/seed-001.txt.html',
    ]);
    expect(await page.locator('.failure-row').first().textContent()).toContain('E_NO_TEXT_LAYER');
    // seed-001.txt and its .docx render claim one card, and so do seed-000.txt and its OCR copy.
    expect((await page.locator('.notes li').allTextContents()).sort()).toEqual([
      expect.stringMatching(/^gold card seed-000 \(seeds\/000\.txt\) matches 2 records: .*seed-000\.txt\.json, .*scanned\.txt\.json$/),
      expect.stringMatching(/^gold card seed-001 \(seeds\/001\.txt\) matches 2 records: .*seed-001\.txt\.json, .*seed-001\.docx\.json$/),
    ]);

    await page.locator('input.search').fill('乳质强字');
    expect(await titles.count()).toBe(2);
    expect(await page.locator('.shown').textContent()).toBe('showing 2 of 6');
    await page.locator('input.search').fill('');

    await page.getByRole('button', { name: 'Tasks' }).click();
    const tasks = await page.locator('tbody tr td[data-label="Tasks"]').allTextContents();
    expect(tasks.map(Number)).toEqual([...tasks.map(Number)].sort((a, b) => b - a));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toBe('Tasks');

    await titles.filter({ hasText: '创建全国质量强市示范城市验收宣传工作方案' }).first().click();
    await page.waitForSelector('body[data-page="document"][data-ready="true"]');
    expect(errors).toEqual([]);
  });
});

describe('a document page', () => {
  it('highlights the document number, a deadline with its key and a unit with its role', async () => {
    const { page, errors } = await openDocument('seed-001.txt');
    const number = await page.locator('.paper .hl.k-docNumber').allTextContents();
    expect(number.join('')).toBe('东质强办〔2013〕41号');

    const deadline = page.locator('.paper .hl.k-deadline.inferred', { hasText: '12 月 15 日前' }).first();
    await deadline.hover();
    const tip = page.locator('#tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toContain('by:2013-12-15');
    expect(await tip.textContent()).toContain('inferred, not written');

    const style = (selector: string): Promise<string> => inPage(page, `getComputedStyle(document.querySelector('${selector}')).borderBottomStyle`);
    expect(await style('.paper .hl.k-deadline.inferred')).toBe('dashed');
    expect(await style('.paper .hl.k-deadline:not(.inferred)')).toBe('none');

    const unit = page.locator('.paper .hl.k-unit.r-lead', { hasText: '东莞广播电视台' }).first();
    await unit.focus();
    expect(await tip.locator('.tip-value').allTextContents()).toContain('lead');
    const findings = documentPageData(seed001, 'seed').findings;
    const leads = findings.filter((finding) => finding.kind === 'unit' && finding.role === 'lead').length;
    const deadlines = findings.filter((finding) => finding.kind === 'deadline').length;
    expect(leads).toBeGreaterThan(0);
    expect(await page.locator('.legend-entry', { hasText: '牵头' }).locator('.count').textContent()).toBe(String(leads));
    expect(await page.locator('.legend-entry', { hasText: '时限' }).locator('.count').textContent()).toBe(String(deadlines));
    expect(await page.locator('.legend-entry', { hasText: '原文' }).locator('.count').textContent()).toBe('1');
    expect(await page.locator('.legend-entry', { hasText: '误' }).locator('.count').textContent()).toBe('1');

    // Moving from a highlight onto plain text of the same paper hides the tip.
    await unit.hover();
    expect(await tip.isVisible()).toBe(true);
    const plain = await inPage<{ x: number; y: number }>(
      page,
      `(() => {
        const walker = document.createTreeWalker(document.querySelector('.paper'), NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.parentElement.closest('.hl') || node.textContent.trim().length < 2) continue;
          const range = document.createRange();
          range.setStart(node, 0);
          range.setEnd(node, 1);
          const box = range.getBoundingClientRect();
          if (box.width > 0 && box.top > 0 && box.bottom < innerHeight) return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
        return null;
      })()`,
    );
    await page.mouse.move(plain.x, plain.y);
    expect(await tip.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('outlines the span of a task when it is picked, and shows its record', async () => {
    const { page, errors } = await openDocument('seed-001.txt');
    await page.getByRole('button', { name: /^附件1\.row1 / }).click();
    const row = page.locator('tr.in-task');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('制作城市形象暨质量强市专题宣传汇报短片');
    expect(await inPage(page, "getComputedStyle(document.querySelector('tr.in-task')).outlineStyle")).toBe('solid');
    const record = page.locator('.task-record');
    expect(await record.locator('.chip').allTextContents()).toEqual(['东莞广播电视台 · lead', '宣传部 · assist', '强市办 · assist', '=6-8分钟', 'by:2013-11-20', 'by:2013-11-20', 'by:2013-12-15']);
    expect(decodeURIComponent(new URL(page.url()).hash)).toBe('#task=附件1.row1');

    await record.getByRole('button', { name: '=6-8分钟' }).click();
    expect(await inPage(page, 'document.activeElement.textContent')).toBe('6—8 分钟');

    await page.getByRole('button', { name: /^三 组织领导/ }).click();
    expect(await page.locator('tr.in-task').count()).toBe(0);
    expect(await page.locator('.in-task').first().textContent()).toContain('三、组织领导');
    expect(errors).toEqual([]);
  });

  it('sets apart what OCR read, with the confidence of doubtful blocks', async () => {
    const { page, errors } = await openDocument('scanned.txt');
    expect(await page.locator('.paper .ocr-low').count()).toBe(3);
    expect(await inPage(page, "getComputedStyle(document.querySelector('.paper .ocr-low'), '::before').content")).toBe('"OCR 60%"');
    const quota = page.locator('.paper .hl.k-quota.ocr').first();
    expect(await inPage(page, "getComputedStyle(document.querySelector('.paper .hl.k-quota.ocr')).borderBottomStyle")).toBe('dotted');
    await quota.hover();
    expect(await page.locator('#tip').textContent()).toContain('read by OCR, confidence 60%');
    expect(await page.locator('.legend-entry', { hasText: 'OCR' }).locator('.count').textContent()).toBe('1');
    expect(errors).toEqual([]);
  });

  it('marks what the gold card has and the record lacks, and what the record has and the card lacks', async () => {
    const { page, errors } = await openDocument('seed-000.txt');
    const falseFind = page.locator('.paper .hl.k-quota.false-find').first();
    expect(await falseFind.count()).toBe(1);
    await falseFind.hover();
    expect(await page.locator('#tip').textContent()).toMatch(/not in the gold card \(quotas: /);
    expect(await page.locator('.gold summary').textContent()).toBe('金标准 Gold card (1 missed, 1 false, 0 wrong)');
    await page.locator('.gold-miss').getByRole('button', { name: 'probable place' }).click();
    expect(await inPage(page, 'document.activeElement.className')).toMatch(/\bmissed-start\b/);
    expect(await page.locator('.paper .missed-start').count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('selects the task named in the address, and ignores a malformed address', async () => {
    const { page, errors } = await openDocument('seed-001.txt', { hash: `task=${encodeURIComponent('附件1.row1')}` });
    expect(await page.locator('tr.in-task').textContent()).toContain('制作城市形象暨质量强市专题宣传汇报短片');
    expect(errors).toEqual([]);
    const malformed = await openDocument('seed-001.txt', { hash: 'task=%E4%ZZ%' });
    expect(await malformed.page.locator('.in-task').count()).toBe(0);
    expect(await malformed.page.locator('.task-item').count()).toBe(seed001.tasks.length);
    expect(malformed.errors).toEqual([]);
  });

  it('colours a quota inside an implied deadline as a quota, and a missed item inside it as the deadline', async () => {
    const { page, errors } = await openDocument('nested.txt');
    const piece = (text: string) => page.locator('.paper .seg', { hasText: new RegExp(`^${text}$`) });
    const classes = async (text: string): Promise<string[]> => ((await piece(text).getAttribute('class')) ?? '').split(' ');
    const quota = await classes('不少于10次');
    expect(quota).toEqual(expect.arrayContaining(['hl', 'k-quota', 'has-k-quota', 'has-k-deadline', 'multi']));
    expect(quota).not.toContain('inferred');
    expect(quota).not.toContain('k-deadline');
    expect(await classes('5月20日前')).toEqual(expect.arrayContaining(['hl', 'k-deadline', 'inferred']));
    const missed = await classes(NESTED_MISS);
    expect(missed).toEqual(expect.arrayContaining(['hl', 'k-deadline', 'inferred', 'missed', 'missed-start', 'has-k-miss', 'has-k-deadline']));
    expect(missed).not.toContain('k-miss');
    const unit = await classes('市教育局');
    expect(unit).toEqual(expect.arrayContaining(['hl', 'k-unit', 'r-lead']));

    const toggle = (label: string) => page.getByRole('checkbox', { name: `show ${label}` });
    await toggle('quotas').uncheck();
    expect(await classes('不少于10次')).toEqual(expect.arrayContaining(['hl', 'k-deadline', 'inferred', 'has-k-quota']));
    expect(await classes('不少于10次')).not.toContain('k-quota');
    await toggle('deadlines').uncheck();
    expect(await classes('不少于10次')).not.toContain('hl');
    expect(await classes(NESTED_MISS)).toEqual(expect.arrayContaining(['hl', 'k-miss', 'missed']));
    await toggle('missed').uncheck();
    expect(await classes(NESTED_MISS)).not.toContain('hl');
    await toggle('quotas').check();
    await toggle('deadlines').check();
    await toggle('missed').check();
    expect(await classes('不少于10次')).toEqual(quota);
    expect(await classes(NESTED_MISS)).toEqual(missed);

    await page.getByRole('button', { name: /^一\.\(一\) / }).click();
    expect(await classes('市教育局')).toEqual(expect.arrayContaining(['k-unit', 'r-lead', 'task-text']));
    expect(errors).toEqual([]);
  });

  it('puts the panel above the text on a narrow screen, with nothing wider than the screen', async () => {
    for (const path of ['docs/seed-001.txt.html', 'index.html']) {
      const { page, errors } = await open(path, { width: 390, height: 844 });
      expect(await inPage(page, 'document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(errors).toEqual([]);
      if (path === 'index.html') {
        const labels = await inPage<string[]>(page, `[...document.querySelectorAll('.index-table td')].map((td) => getComputedStyle(td, '::before').content)`);
        expect(labels).toContain('"Tasks: "');
        expect(labels.filter((label) => label.startsWith('": '))).toEqual([]);
        continue;
      }
      const panel = await page.locator('.panel').boundingBox();
      const paper = await page.locator('.paper').boundingBox();
      expect(panel!.y + panel!.height).toBeLessThanOrEqual(paper!.y);
    }
  });
});

describe('safety', () => {
  it('shows hostile markup in a title, the text and a table cell as text, and runs none of it', async () => {
    let dialogs = 0;
    const page = await browser.newPage();
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    for (const path of ['docs/hostile.txt.html', 'index.html']) {
      await page.goto(pathToFileURL(join(site, path)).href);
      await page.waitForSelector('body[data-ready="true"]');
      for (const highlight of await page.locator('.seg').all()) await highlight.hover();
      const state = await inPage<{ pwned?: number; scripts: string[]; injected: number; text: string }>(
        page,
        `({
          pwned: window.__pwned,
          scripts: [...document.scripts].map((script) => script.getAttribute('src') ?? script.type),
          injected: document.querySelectorAll('#app img, #app b, #app i, #app script, #app iframe').length,
          text: document.getElementById('app').textContent,
        })`,
      );
      expect(state.pwned).toBeUndefined();
      expect(state.scripts).toEqual(['application/json', '']);
      expect(state.injected).toBe(0);
      expect(state.text).toContain('关于印发<script>window.__pwned=1</script>方案的通知');
      if (path === 'index.html') {
        expect(state.text).toContain('/archive/<img src=x onerror="window.__pwned=7">.pdf');
        expect(state.text).toContain('</script><script>window.__pwned=8</script>');
        expect(state.text).toContain('<b onmouseover="window.__pwned=12">E</b>');
      } else {
        expect(state.text).toContain('<img src=x onerror="window.__pwned=9"> · x/<svg onload="window.__pwned=10">/hostile<script>.txt');
        expect(state.text).toContain('<img src=x onerror="window.__pwned=11">');
      }
    }
    await page.goto(pathToFileURL(join(site, 'docs/hostile.txt.html')).href);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('h1').textContent()).toBe('关于印发<script>window.__pwned=1</script>方案的通知');
    expect(await page.locator('.doc-table td', { hasText: 'onerror' }).textContent()).toBe('<img src=x onerror="window.__pwned=5">整治');
    expect(await page.locator('.paper').textContent()).toContain('</script><script>window.__pwned=3</script>');
    expect(await page.locator('.paper').textContent()).toContain('javascript:alert(3)');
    expect(await page.locator('.paper a').count()).toBe(0);
    expect(dialogs).toBe(0);
    await page.close();
  });

  it('blocks inline script, scripts from the file system and every request to the network by its content security policy', async () => {
    // The hostile page as it would be if data ever broke out of its element: an inline script and a script from the file system in the markup.
    const injected = readFileSync(join(site, 'docs', 'hostile.txt.html'), 'utf8').replace(
      '<div id="app"></div>',
      `<div id="app"></div><script>window.__inline = true</script><script src="${pathToFileURL(outsideScript).href}"></script>`,
    );
    expect(injected).toContain('window.__inline');
    writeFileSync(join(site, 'docs', 'injected.html'), injected);
    const { page, errors } = await openDocument('injected');
    const outcome = await inPage<{ violations: string[]; inline?: boolean; outside?: boolean; sink: string }>(
      page,
      `(async () => {
        const violations = [];
        document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
        const inline = document.createElement('script');
        inline.append(document.createTextNode('window.__inline = true'));
        document.body.append(inline);
        let sink = 'allowed';
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
        } catch (error) {
          sink = error.name;
        }
        await fetch('https://example.com/').catch(() => undefined);
        const image = new Image();
        const failed = new Promise((resolve) => { image.onerror = resolve; });
        image.src = 'https://example.com/pixel.png';
        document.body.append(image);
        await failed;
        return { violations, inline: window.__inline, outside: window.__outside, sink };
      })()`,
    );
    expect(outcome.inline).toBeUndefined();
    expect(outcome.outside).toBeUndefined();
    expect(outcome.sink).toBe('TypeError');
    // A script the page makes at run time is stopped by Trusted Types already; those in the markup by script-src.
    expect(new Set(outcome.violations)).toEqual(new Set(['require-trusted-types-for', 'connect-src', 'img-src']));
    const blocked = errors.filter((error) => /Content Security Policy/.test(error));
    expect(blocked.some((error) => /Executing inline script violates/.test(error))).toBe(true);
    expect(blocked.some((error) => error.includes(pathToFileURL(outsideScript).href))).toBe(true);
  });

  it('runs its own inline script and styles from the file system under that policy', async () => {
    const { page, errors } = await openDocument('seed-001.txt');
    expect(await inPage(page, "getComputedStyle(document.querySelector('.paper')).backgroundColor")).toBe('rgb(255, 254, 251)');
    expect(errors).toEqual([]);
  });
});

describe('the README screenshot', () => {
  it('takes a page with a task picked and a deadline hovered (into docs/review-page.png with GONGWEN_UPDATE_SCREENSHOT=1)', async () => {
    const { page, errors } = await openDocument('seed-001.txt', { hash: `task=${encodeURIComponent('附件1.row1')}`, width: 1440, height: 900 });
    await page.locator('tr.in-task .hl.k-deadline').nth(1).hover();
    const folder = UPDATE_SCREENSHOT ? join(repositoryRoot, 'docs') : tempDir('gongwen-review-shot-');
    mkdirSync(folder, { recursive: true });
    const screenshot = join(folder, 'review-page.png');
    await page.screenshot({ path: screenshot });
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG');
    expect(errors).toEqual([]);
  });
});
