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

  it('shows the page OCR is reading in the bar on a terminal, and drops it once the scan is done', () => {
    let written = '';
    const progress = new Progress({ write: (text) => void (written += text), isTTY: true }, 2);
    progress.ocr('scan.pdf', { page: 1, pages: 2, done: 0 });
    expect(written).toMatch(/0\/2 files · .* · 0 failed · OCR 1\/2 p\.$/);
    progress.ocr('scan.pdf', { page: 1, pages: 2, done: 1 });
    progress.ocr('scan.pdf', { page: 2, pages: 2, done: 1 });
    expect(written).toMatch(/ · OCR 2\/2 p\.$/);
    progress.ocr('scan.pdf', { page: 2, pages: 2, done: 2 });
    expect(written).toMatch(/ · 0 failed$/);
  });

  it('writes a line into a pipe as each OCR page starts', () => {
    let written = '';
    const progress = new Progress({ write: (text) => void (written += text) }, 1);
    progress.ocr('scan.pdf', { page: 1, pages: 2, done: 0 });
    progress.ocr('scan.pdf', { page: 1, pages: 2, done: 1 });
    progress.ocr('scan.pdf', { page: 3, pages: 2, done: 1 });
    progress.ocr('scan.pdf', { page: 3, pages: 2, done: 2 });
    expect(written).toBe('ocr: scan.pdf: page 1 (1 of 2 to recognise)\nocr: scan.pdf: page 3 (2 of 2 to recognise)\n');
  });
});
