import { describe, expect, it } from 'vitest';
import type { ConversionOutcome } from '../../src/batch/convert.js';
import { Progress } from '../../src/cli/progress.js';

const input = { path: 'a.txt', outputName: 'a.txt' };
const converted: ConversionOutcome = { input, status: 'converted', milliseconds: 1 };
const failed: ConversionOutcome = { input, status: 'failed', milliseconds: 1, error: { code: 'E_EMPTY_FILE', message: 'the file is empty' } };

describe('progress', () => {
  it('draws a live bar on a terminal, with the files done, the rate, the time left and the failures, and prints lines above it', () => {
    let written = '';
    const progress = new Progress({ write: (text) => void (written += text), isTTY: true }, 4);
    progress.line('✗ a.txt: E_EMPTY_FILE the file is empty');
    progress.count(failed);
    progress.count(converted);
    progress.count(converted);
    progress.count(converted);
    progress.finish();
    expect(written).toContain('✗ a.txt: E_EMPTY_FILE the file is empty\n');
    expect(written).toMatch(/\r\x1b\[K\[█{24}\] 4\/4 files · [\d.]+ docs\/s · ETA 0s · 1 failed/);
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  it('writes no bar into a pipe, only the lines', () => {
    let written = '';
    const progress = new Progress({ write: (text) => void (written += text) }, 2);
    progress.line('✓ a.txt → out/a.txt.json');
    progress.count(converted);
    progress.count(converted);
    progress.finish();
    expect(written).toBe('✓ a.txt → out/a.txt.json\n');
  });

  it('writes a plain progress line into a pipe at each interval while files remain', () => {
    let written = '';
    const progress = new Progress({ write: (text) => void (written += text) }, 3, 0);
    progress.count(failed);
    progress.count(converted);
    progress.count(converted);
    expect(written.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^progress: 1\/3 files · [\d.]+ docs\/s · ETA \S+ · 1 failed$/),
      expect.stringMatching(/^progress: 2\/3 files · /),
    ]);
  });
});
