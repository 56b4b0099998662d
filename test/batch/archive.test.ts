import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { convertFiles, type ConversionOutcome } from '../../src/batch/convert.js';
import { expandInputs } from '../../src/batch/inputs.js';
import { fixturesDir } from '../helpers.js';

const GOOD = 900;
const BAD_EACH = 25;

async function convertAll(dir: string, out: string): Promise<ConversionOutcome[]> {
  const { files } = await expandInputs([dir]);
  const outcomes: ConversionOutcome[] = [];
  for await (const outcome of convertFiles(files, { outDir: out, jobs: 2 })) outcomes.push(outcome);
  return outcomes;
}

function count(outcomes: readonly ConversionOutcome[], status: ConversionOutcome['status']): number {
  return outcomes.filter((outcome) => outcome.status === status).length;
}

describe('an archive of 1,000 mixed files with 100 bad ones', () => {
  it('converts the 900 good ones, reports the 100 with their codes, and does no work the second time', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-1000-'));
    const notices = readdirSync(join(fixturesDir, 'notices')).filter((name) => !name.endsWith('.md'));
    for (let i = 0; i < GOOD; i += 1) copyFileSync(join(fixturesDir, 'notices', notices[i % notices.length]!), join(dir, `${i}-${notices[i % notices.length]}`));
    const zip = await new JSZip().file('readme.txt', '不是公文').generateAsync({ type: 'uint8array' });
    const scan = readFileSync(join(fixturesDir, 'traps', 'image-only.pdf'));
    for (let i = 0; i < BAD_EACH; i += 1) {
      writeFileSync(join(dir, `bad-${i}-empty.txt`), '');
      writeFileSync(join(dir, `bad-${i}-garbage.pdf`), Uint8Array.from({ length: 512 }, (_, k) => (k * 37 + i) % 256));
      writeFileSync(join(dir, `bad-${i}-archive.docx`), zip);
      writeFileSync(join(dir, `bad-${i}-scan.pdf`), scan);
    }
    const out = join(dir, 'out');

    const first = await convertAll(dir, out);
    expect(first).toHaveLength(GOOD + 4 * BAD_EACH);
    expect(count(first, 'converted')).toBe(GOOD);
    const codes = new Map<string, Set<string>>();
    for (const outcome of first.filter((candidate) => candidate.status === 'failed')) {
      const kind = outcome.input.path.replace(/^.*bad-\d+-/, '');
      codes.set(kind, (codes.get(kind) ?? new Set()).add(outcome.error!.code));
    }
    expect(Object.fromEntries([...codes].map(([kind, found]) => [kind, [...found]]))).toEqual({
      'empty.txt': ['E_EMPTY_FILE'],
      'garbage.pdf': ['E_CORRUPT_PDF'],
      'archive.docx': ['E_NOT_DOCX'],
      'scan.pdf': ['E_NO_TEXT_LAYER'],
    });
    expect(count(first, 'failed')).toBe(4 * BAD_EACH);
    const manifestLines = readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n').length;
    expect(manifestLines).toBe(GOOD + 4 * BAD_EACH);

    const second = await convertAll(dir, out);
    expect(count(second, 'skipped')).toBe(GOOD + 4 * BAD_EACH);
    expect(readFileSync(join(out, 'manifest.jsonl'), 'utf8').trim().split('\n')).toHaveLength(manifestLines);
  });
});
