import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFiles, type ConversionOutcome } from '../../src/batch/convert.js';
import { expandInputs } from '../../src/batch/inputs.js';
import type { ManifestEntry } from '../../src/batch/manifest.js';
import { EXIT_FAILED, EXIT_OK, main } from '../../src/cli/main.js';
import { NoticeRecordSchema } from '../../src/index.js';
import { fixturesDir, repositoryRoot } from '../helpers.js';

const NOTICES = join(fixturesDir, 'notices');

/** A folder of `count` notices copied from the fixtures, plus the bad files given. */
function archive(count: number, bad: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-archive-'));
  const sources = readdirSync(NOTICES).filter((name) => !name.endsWith('.md'));
  for (let i = 0; i < count; i += 1) {
    const source = sources[i % sources.length]!;
    copyFileSync(join(NOTICES, source), join(dir, `${String(i).padStart(4, '0')}-${source}`));
  }
  for (const [name, content] of Object.entries(bad)) writeFileSync(join(dir, name), content);
  return dir;
}

async function convertAll(dir: string, options: Parameters<typeof convertFiles>[1]): Promise<ConversionOutcome[]> {
  const { files } = await expandInputs([dir]);
  const outcomes: ConversionOutcome[] = [];
  for await (const outcome of convertFiles(files, options)) outcomes.push(outcome);
  return outcomes;
}

function manifestOf(out: string): ManifestEntry[] {
  return readFileSync(join(out, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ManifestEntry);
}

async function cli(...argv: string[]): Promise<{ status: number; stderr: string }> {
  let stderr = '';
  const status = await main(argv, { stdout: { write: () => undefined }, stderr: { write: (text) => void (stderr += text) } });
  return { status, stderr };
}

describe('the batch runner', () => {
  it('converts in parallel, records every input in the manifest, and does no work the second time', async () => {
    const dir = archive(8, { 'empty.txt': '', 'garbage.pdf': new Uint8Array([0x13, 0x37, 0x00, 0xff, 0x42]) });
    const out = join(dir, 'out');
    const first = await convertAll(dir, { outDir: out, jobs: 2 });
    expect(first.filter((outcome) => outcome.status === 'converted')).toHaveLength(8);
    const failures = first.filter((outcome) => outcome.status === 'failed');
    expect(failures.map((outcome) => outcome.input.path.split('/').pop()).sort()).toEqual(['empty.txt', 'garbage.pdf']);
    for (const failure of failures) expect(failure.error!.code).toMatch(/^E_[A-Z_]+$/);
    const entries = manifestOf(out);
    expect(entries).toHaveLength(10);
    for (const entry of entries) {
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.size).toBe(readFileSync(entry.path).byteLength);
      if (entry.status === 'converted') expect(NoticeRecordSchema.safeParse(JSON.parse(readFileSync(join(out, entry.output!), 'utf8'))).success).toBe(true);
    }

    const second = await convertAll(dir, { outDir: out, jobs: 2 });
    expect(second.map((outcome) => outcome.status)).toEqual(Array(10).fill('skipped'));
    expect(manifestOf(out)).toHaveLength(10);

    const retried = await convertAll(dir, { outDir: out, jobs: 2, retryFailed: true });
    expect(retried.filter((outcome) => outcome.status === 'failed')).toHaveLength(2);
    expect(retried.filter((outcome) => outcome.status === 'skipped')).toHaveLength(8);
  });

  it('converts an input again when its content changed', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    const changed = join(dir, 'changed.txt');
    writeFileSync(changed, readFileSync(join(NOTICES, 'seed-000.txt')));
    await convertAll(dir, { outDir: out, jobs: 1 });
    writeFileSync(changed, readFileSync(join(NOTICES, 'seed-001.txt')));
    const again = await convertAll(dir, { outDir: out, jobs: 1 });
    expect(again.filter((outcome) => outcome.status === 'converted').map((outcome) => outcome.input.path.split('/').pop())).toEqual(['changed.txt']);
    expect(again.filter((outcome) => outcome.status === 'skipped')).toHaveLength(2);
  });

  it('ends a document that runs over the time limit with E_TIMEOUT and goes on', async () => {
    const dir = archive(2);
    const outcomes = await convertAll(dir, { jobs: 1, timeoutMs: 1 });
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['E_TIMEOUT', 'E_TIMEOUT']);
  });

  it('ends a worker that runs over the memory limit with E_MEMORY and goes on', async () => {
    const dir = archive(1);
    const outcomes = await convertAll(dir, { jobs: 1, maxMemoryMb: 1 });
    expect(outcomes.map((outcome) => outcome.error?.code)).toEqual(['E_MEMORY']);
  });

  it('exports JSON Lines and a CSV of tasks × units with a byte order mark', async () => {
    const dir = archive(8);
    const out = join(dir, 'out');
    expect((await cli('convert', dir, '--out', out, '--format', 'jsonl', '--quiet')).status).toBe(EXIT_OK);
    const lines = readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(8);
    expect((await cli('convert', dir, '--out', out, '--format', 'csv', '--quiet')).status).toBe(EXIT_OK);
    const csv = readFileSync(join(out, 'tasks.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFfile,docNumber,title,signDate,taskId,taskPath,taskTitle,unit,role,aliasOf,quotas,deadlines\r\n')).toBe(true);
    expect(csv).toContain('附件1.row1');
    expect(csv).toMatch(/东莞广播电视台,lead,/);
  });

  it('reports the failures of an earlier run and exits 1 until they are retried', async () => {
    const dir = archive(1, { 'empty.txt': '' });
    const out = join(dir, 'out');
    expect((await cli('convert', dir, '--out', out, '--quiet')).status).toBe(EXIT_FAILED);
    const again = await cli('convert', dir, '--out', out);
    expect(again.status).toBe(EXIT_FAILED);
    expect(again.stderr).toContain('2 skipped (unchanged since an earlier run)');
    expect(again.stderr).toContain('unchanged, failed earlier: E_EMPTY_FILE (--retry-failed converts it again)');
    const quiet = await cli('convert', dir, '--out', out, '--quiet');
    expect(quiet.stderr).toContain('failed earlier: E_EMPTY_FILE');
    expect(quiet.stderr).toContain('1 failed (E_EMPTY_FILE ×1), 1 of them in an earlier run');
  });

  it('completes a run killed part-way: every record present, valid and converted once', async () => {
    const dir = archive(40);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, ['--import', 'tsx', join(repositoryRoot, 'test', 'batch', 'cli-entry.ts'), 'convert', dir, '--out', out, '--jobs', '2', '--quiet'], {
      cwd: repositoryRoot,
      stdio: 'ignore',
    });
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        const written = existsSync(join(out, 'manifest.jsonl')) ? manifestOf(out).length : 0;
        if (written >= 5) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('exit', () => {
        clearInterval(poll);
        reject(new Error('the run ended before it could be killed'));
      });
    }).catch((error: Error) => {
      if (!child.killed) throw error;
    });
    await new Promise((resolve) => child.on('close', resolve));
    const before = manifestOf(out).filter((entry) => entry.status === 'converted').map((entry) => entry.path);
    expect(before.length).toBeGreaterThan(0);
    expect(before.length).toBeLessThan(40);

    const rerun = await convertAll(dir, { outDir: out, jobs: 2 });
    expect(rerun.filter((outcome) => outcome.status === 'failed')).toEqual([]);
    const converted = manifestOf(out).filter((entry) => entry.status === 'converted');
    expect(new Set(converted.map((entry) => entry.path)).size).toBe(40);
    expect(converted).toHaveLength(40);
    for (const entry of converted) expect(NoticeRecordSchema.safeParse(JSON.parse(readFileSync(join(out, entry.output!), 'utf8'))).success).toBe(true);
    expect(readdirSync(out).filter((name) => name.startsWith('.gongwen-tmp'))).toEqual([]);
  });

  it('refuses to let a later run overwrite the record of another input, and skips only what is its own', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongwen-owners-'));
    for (const [folder, seed] of [['a', 'seed-000.txt'], ['b', 'seed-001.txt']] as const) {
      mkdirSync(join(root, folder));
      copyFileSync(join(NOTICES, seed), join(root, folder, 'x.txt'));
    }
    const out = join(root, 'out');
    expect((await cli('convert', join(root, 'a'), '--out', out, '--quiet')).status).toBe(EXIT_OK);
    const second = await cli('convert', join(root, 'b'), '--out', out, '--quiet');
    expect(second.status).toBe(EXIT_FAILED);
    expect(second.stderr).toContain('E_WRITE_FAILED its record x.txt.json already holds');
    expect(JSON.parse(readFileSync(join(out, 'x.txt.json'), 'utf8')).docNumber.normalized).toBe('乳质强字〔2018〕2号');
  });

  it('removes the record of an input whose new content fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen-stale-'));
    copyFileSync(join(NOTICES, 'seed-001.txt'), join(dir, 'x.txt'));
    const out = join(dir, 'out');
    await convertAll(dir, { outDir: out, jobs: 1 });
    expect(existsSync(join(out, 'x.txt.json'))).toBe(true);
    writeFileSync(join(dir, 'x.txt'), '');
    await convertAll(dir, { outDir: out, jobs: 1 });
    expect(existsSync(join(out, 'x.txt.json'))).toBe(false);
  });

  it('starts the next manifest line on a line of its own after a line cut short', async () => {
    const dir = archive(1);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'manifest.jsonl'), '{"path":"/cut/short","si');
    await convertAll(dir, { outDir: out, jobs: 1 });
    const again = await convertAll(dir, { outDir: out, jobs: 1 });
    expect(again.map((outcome) => outcome.status)).toEqual(['skipped']);
  });

  it('refuses an output folder that another living run holds', async () => {
    const dir = archive(1);
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, '.gongwen-lock'), String(process.ppid));
    const { status, stderr } = await cli('convert', dir, '--out', out);
    expect(status).toBe(EXIT_FAILED);
    expect(stderr).toContain(`E_WRITE_FAILED another gongwen run (process ${process.ppid}) is writing into ${out}`);
    writeFileSync(join(out, '.gongwen-lock'), '999999999');
    expect((await cli('convert', dir, '--out', out, '--quiet')).status).toBe(EXIT_OK);
  });

  it('stops at once when the caller breaks off, leaving nothing half-done in the manifest', async () => {
    const dir = archive(8);
    const out = join(dir, 'out');
    const { files } = await expandInputs([dir]);
    for await (const outcome of convertFiles(files, { outDir: out, jobs: 2 })) {
      expect(outcome.status).toBe('converted');
      break;
    }
    const entries = manifestOf(out);
    expect(entries.every((entry) => entry.status === 'converted')).toBe(true);
    expect(existsSync(join(out, '.gongwen-lock'))).toBe(false);
  });

  it('leaves a record that is gone out of the export and says so', async () => {
    const dir = archive(2);
    const out = join(dir, 'out');
    await convertAll(dir, { outDir: out, jobs: 1 });
    const [gone] = manifestOf(out);
    rmSync(join(out, gone!.output!));
    const { files } = await expandInputs([dir]);
    const kept = files.filter((file) => !gone!.path.endsWith(file.path.split('/').pop()!));
    const result = await cli('convert', kept[0]!.path, '--out', out, '--format', 'jsonl', '--quiet');
    expect(result.stderr).toContain(`${gone!.output} is listed as converted but is gone; left out of the export`);
    expect(readFileSync(join(out, 'records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('walks folders with spaces and Chinese characters in their names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongwen 归档 '));
    mkdirSync(join(dir, '通知 2013'));
    copyFileSync(join(NOTICES, 'seed-001.txt'), join(dir, '通知 2013', '东莞 宣传方案.txt'));
    const outcomes = await convertAll(dir, { outDir: join(dir, '输出'), jobs: 1 });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['converted']);
    expect(existsSync(join(dir, '输出', '东莞 宣传方案.txt.json'))).toBe(true);
  });
});
