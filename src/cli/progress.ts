import type { ConversionOutcome } from '../batch/convert.js';
import type { OcrProgress } from '../ingest/ocr/index.js';

/** Where progress goes: a terminal gets a live bar, a pipe or a CI log periodic plain lines. */
export interface ProgressOutput {
  write(text: string): void;
  isTTY?: boolean;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 100;
const PLAIN_LINE_MS = 10_000;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  return minutes > 0 ? `${minutes}m${String(whole % 60).padStart(2, '0')}s` : `${whole}s`;
}

/**
 * Counts outcomes as they arrive and shows how far a batch is: files done of the total, rate,
 * time left and failures so far. Per-file lines are printed above the bar, never through it.
 */
export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private lastPlain = performance.now();
  private barShown = false;
  /** Inputs whose pages OCR is reading now, by path. */
  private readonly recognising = new Map<string, OcrProgress>();

  constructor(
    private readonly output: ProgressOutput,
    private readonly total: number,
    private readonly plainLineEveryMs = PLAIN_LINE_MS,
  ) {}

  /** Prints a line for one file above the bar. */
  line(text: string): void {
    this.clearBar();
    this.output.write(`${text}\n`);
    this.draw(true);
  }

  /**
   * Shows how far OCR has got in a scan: on a terminal in the bar, elsewhere as a line as each
   * page starts, since a scanned page takes seconds where a text page takes milliseconds.
   */
  ocr(path: string, progress: OcrProgress): void {
    // A page is reported as it starts and again as it ends; only the start names a new page.
    const starts = this.recognising.get(path)?.page !== progress.page && progress.done < progress.pages;
    if (progress.done >= progress.pages) this.recognising.delete(path);
    else this.recognising.set(path, progress);
    if (this.output.isTTY) this.draw(true);
    else if (starts) this.output.write(`ocr: ${path}: page ${progress.page} (${progress.done + 1} of ${progress.pages} to recognise)\n`);
  }

  count(outcome: ConversionOutcome): void {
    this.recognising.delete(outcome.input.path);
    this.done += 1;
    if (outcome.status === 'failed') this.failed += 1;
    this.draw(false);
  }

  /** Removes the bar before the summary. */
  finish(): void {
    this.clearBar();
  }

  private status(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const rate = this.done / Math.max(seconds, 1e-3);
    const left = (this.total - this.done) / rate;
    const ocr = [...this.recognising.values()].map((progress) => ` · OCR ${progress.done + 1}/${progress.pages} p.`).join('');
    return `${this.done}/${this.total} files · ${rate.toFixed(1)} docs/s · ETA ${duration(left)} · ${this.failed} failed${ocr}`;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (this.output.isTTY) {
      if (!force && now - this.lastDraw < REDRAW_MS && this.done < this.total) return;
      const filled = Math.round((this.done / Math.max(this.total, 1)) * BAR_WIDTH);
      this.output.write(`\r\x1b[K[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}] ${this.status()}`);
      this.barShown = true;
      this.lastDraw = now;
    } else if (!force && now - this.lastPlain >= this.plainLineEveryMs && this.done < this.total) {
      this.output.write(`progress: ${this.status()}\n`);
      this.lastPlain = now;
    }
  }

  private clearBar(): void {
    if (this.barShown) this.output.write('\r\x1b[K');
    this.barShown = false;
  }
}
