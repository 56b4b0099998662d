import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../helpers.js';

// core-js also patches this realm's Function.prototype.toString so that its stand-ins print as
// native code; a fresh realm's toString still shows their source.
const sourceOf = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
const isNative = (fn: unknown): boolean => typeof fn === 'function' && sourceOf.call(fn).includes('[native code]');

describe('loading pdf.js', () => {
  it('leaves the engine its own Array.prototype.push, JSON.parse and JSON.stringify, even after reading a PDF', async () => {
    const { parseBytes } = await import('../../src/index.js');
    const record = await parseBytes(new Uint8Array(readFileSync(join(fixturesDir, 'notices', 'seed-000.pdf'))));
    expect(record.docNumber?.raw).toBe('乳质强字〔2018〕2号');
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
    expect(isNative(JSON.stringify)).toBe(true);
  });

  it('keeps the polyfills that only add what Node 20 lacks', async () => {
    await import('../../src/ingest/pdfjs.js');
    expect(typeof (Promise as { withResolvers?: unknown }).withResolvers).toBe('function');
  });
});
