import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, main } from '../../src/cli/main.js';
import { NoticeRecordSchema, VERSION } from '../../src/index.js';
import { fixturesDir } from '../helpers.js';

async function run(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: { write: (text) => void (stdout += text) }, stderr: { write: (text) => void (stderr += text) } });
  return { status, stdout, stderr };
}

const notice = (name: string): string => join(fixturesDir, 'notices', name);

describe('gongwen convert', () => {
  it('writes <out>/<input file name>.json for every file of a directory and exits 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongwen-out-'));
    const { status, stderr } = await run('convert', join(fixturesDir, 'notices'), '--out', out);
    expect(status).toBe(EXIT_OK);
    const written = readdirSync(out).filter((name) => name.endsWith('.json')).sort();
    expect(written).toEqual(readdirSync(join(fixturesDir, 'notices')).filter((name) => !name.endsWith('.md')).map((name) => `${name}.json`).sort());
    for (const name of written) expect(NoticeRecordSchema.safeParse(JSON.parse(readFileSync(join(out, name), 'utf8'))).success).toBe(true);
    expect(stderr).toMatch(/converted 12 of 12 files in [\d.]+ s \([\d.]+ docs\/s\)/);
  });

  it('writes JSON Lines to standard output with --stdout', async () => {
    const { status, stdout } = await run('convert', notice('seed-001.txt'), notice('seed-000.docx'), '--stdout');
    expect(status).toBe(EXIT_OK);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((record) => record.docNumber.normalized).sort()).toEqual(['东质强办〔2013〕41号', '乳质强字〔2018〕2号']);
  });

  it('reports each failure with its code and file, goes on, and exits 1 without a stack trace', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-bad-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'scan.pdf'), readFileSync(join(fixturesDir, 'traps', 'image-only.pdf')));
    const { status, stdout, stderr } = await run('convert', join(dir, 'empty.txt'), join(dir, 'scan.pdf'), notice('seed-001.txt'), '--stdout');
    expect(status).toBe(EXIT_FAILED);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`✗ ${join(dir, 'empty.txt')}: E_EMPTY_FILE`);
    expect(stderr).toMatch(/✗ .*scan\.pdf: E_NO_TEXT_LAYER .*2 pages/);
    expect(stderr).toContain('converted 1 of 3 files, 2 failed (E_EMPTY_FILE ×1, E_NO_TEXT_LAYER ×1)');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('reads glob patterns and reports paths that match nothing', async () => {
    const found = await run('convert', join(fixturesDir, 'notices', 'seed-00*.txt'), '--stdout', '--quiet');
    expect(found.stdout.trim().split('\n')).toHaveLength(2);
    const missing = await run('convert', join(fixturesDir, 'no-such-file.pdf'), '--stdout');
    expect(missing.status).toBe(EXIT_USAGE);
    expect(missing.stderr).toContain('no such file or directory');
  });

  it('names records by their path below the folder all inputs share, so same-named files do not collide', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongwen-same-'));
    for (const folder of ['a', 'b']) {
      mkdirSync(join(root, folder));
      writeFileSync(join(root, folder, 'x.txt'), readFileSync(notice('seed-001.txt')));
    }
    const out = join(root, 'out');
    const { status } = await run('convert', join(root, 'a', 'x.txt'), join(root, 'b', 'x.txt'), '--out', out, '--quiet');
    expect(status).toBe(EXIT_OK);
    expect([readdirSync(join(out, 'a')), readdirSync(join(out, 'b'))]).toEqual([['x.txt.json'], ['x.txt.json']]);
  });

  it('refuses a file over --max-size with E_FILE_TOO_LARGE', async () => {
    const { status, stderr } = await run('convert', notice('seed-001.pdf'), '--stdout', '--max-size', '0.001');
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toContain('E_FILE_TOO_LARGE');
  });
});

describe('usage', () => {
  it('prints help, the version and the error codes, and exits 0', async () => {
    const help = await run('--help');
    expect(help.status).toBe(EXIT_OK);
    expect(help.stdout).toContain('Usage: gongwen');
    expect((await run('convert', '--help')).stdout).toContain('E_NO_TEXT_LAYER');
    expect((await run('--version')).stdout.trim()).toBe(VERSION);
  });

  it('exits 2 for a usage error', async () => {
    expect((await run()).status).toBe(EXIT_USAGE);
    expect((await run('convert')).status).toBe(EXIT_USAGE);
    expect((await run('transmogrify')).status).toBe(EXIT_USAGE);
    expect((await run('convert', 'x', '--max-size', 'lots')).status).toBe(EXIT_USAGE);
  });

  it('prints the JSON Schema of the records', async () => {
    const { status, stdout } = await run('schema');
    expect(status).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toMatchObject({ type: 'object', required: expect.arrayContaining(['title', 'docNumber']) });
  });
});
