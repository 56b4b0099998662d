import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getDocument, version } from '../../src/ingest/pdfjs.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { fixturesDir } from '../helpers.js';

const trapsDir = join(fixturesDir, 'traps');
const CMAP_TRAPS = ['cmap-unigb-ucs2-h.pdf', 'cmap-gbk-euc-h.pdf'].map((name) => join(trapsDir, name));
const trapsPresent = CMAP_TRAPS.every((path) => existsSync(path));
if (!trapsPresent) console.warn(`skipping the CMap trap tests: ${trapsDir} lacks the cmap-*.pdf fixtures (npm run fixtures makes them)`);

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

async function pdfjsText(path: string, cMapUrl?: string): Promise<string> {
  const options = cMapUrl === undefined ? {} : { cMapUrl, cMapPacked: true };
  const document = await getDocument({ data: bytesOf(path), verbosity: 0, isEvalSupported: false, ...options }).promise;
  try {
    const page = await document.getPage(1);
    const content = await page.getTextContent();
    return content.items.map((item) => ('str' in item ? item.str : '')).join('');
  } finally {
    await document.destroy();
  }
}

function allText(blocks: readonly { kind: string; text?: string }[]): string {
  return blocks.map((block) => block.text ?? '').join('\n');
}

describe('pdf.js as readPdf uses it', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('loads the legacy build of pdfjs-dist 5.6 on this Node', () => {
    expect(version).toBe('5.6.205');
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(20);
  });

  describe.skipIf(!trapsPresent)('the CMap trap (PEERS.md: silent empty PDFs)', () => {
    for (const path of CMAP_TRAPS) {
      const name = path.slice(trapsDir.length + 1);
      it(`pdf.js without cMapUrl finds no text in ${name}, readPdf finds the Chinese`, async () => {
        expect(await pdfjsText(path)).toBe('');
        const { value, messages } = await readPdf(bytesOf(path));
        expect(messages).toEqual([]);
        const text = allText(value.blocks);
        expect(text).toContain('关于印发乳山市质量强市宣传工作方案的通知');
        expect(text).toContain('联系电话：0631-6664315');
        expect(text).toContain('2018年4月15日');
        expect(value.pages).toBe(1);
      });
    }
  });

  it.skipIf(!trapsPresent)('needs the CMap folder as a path ending in /: a file:// URL gives no text in Node', async () => {
    const cmaps = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
    expect(await pdfjsText(CMAP_TRAPS[0]!, pathToFileURL(`${cmaps}/`).href)).toBe('');
    expect(await pdfjsText(CMAP_TRAPS[0]!, `${cmaps}/`)).toContain('关于印发乳山市质量强市宣传工作方案的通知');
  });

  it.skipIf(!trapsPresent)('prints nothing to the console, from the fake worker or anywhere else', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
    await readPdf(bytesOf(CMAP_TRAPS[0]!));
    await readPdf(new TextEncoder().encode('%PDF-1.7\n%garbage')).catch(() => undefined);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it.skipIf(!trapsPresent)('leaves the caller’s bytes intact, a Node Buffer included', async () => {
    const buffer = readFileSync(CMAP_TRAPS[0]!);
    const copy = Buffer.from(buffer);
    await readPdf(buffer);
    expect(buffer.byteLength).toBe(copy.byteLength);
    expect(buffer.equals(copy)).toBe(true);
  });
});
