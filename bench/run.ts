import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from '../src/ingest/pdfjs.js';
import { convertFiles } from '../src/batch/convert.js';
import { expandInputs } from '../src/batch/inputs.js';
import { extract, ingest, isGongwenError, layout, terminateOcr, toRecord } from '../src/index.js';

/**
 * Time per stage and throughput per format on the fixtures and, when present, the corpus in
 * ../shared/corpus/docs. PDFs are also read with bare pdf.js getTextContent, the floor of any
 * pdf.js-based ingest, so that the cost of our own layout is visible, and with poppler's
 * pdftotext where it is installed. Then a synthetic archive made from the fixtures is converted
 * by the batch runner with one and with two worker threads.
 */

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, archive: { type: 'string', default: '2000' } } });
const rounds = Math.max(1, Number(options.rounds));
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env['GONGWEN_SHARED'] ?? join(root, '../shared'), 'corpus', 'docs');
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function filesIn(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(txt|html?|docx|doc|wps|ofd|pdf)$/i.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Totals {
  documents: number;
  failed: number;
  pages: number;
  ingest: number;
  layout: number;
  extract: number;
  normalise: number;
}

const totals = new Map<string, Totals>();
const inputs = [...filesIn(join(root, 'fixtures', 'notices')), ...filesIn(corpus)];

for (let round = 0; round < rounds; round += 1) {
  for (const path of inputs) {
    const bytes = new Uint8Array(readFileSync(path));
    const format = path.split('.').pop()!.toLowerCase().replace('htm', 'html').replace('htmll', 'html');
    const total = totals.get(format) ?? { documents: 0, failed: 0, pages: 0, ingest: 0, layout: 0, extract: 0, normalise: 0 };
    totals.set(format, total);
    // The first round warms up code and caches; only the later rounds count when there are several.
    const counts = rounds === 1 || round > 0;
    try {
      const t0 = performance.now();
      // OCR is timed apart below: seconds a scanned page would swamp the per-stage figures.
      const ingested = await ingest(bytes, { fileName: path, ocr: false });
      const t1 = performance.now();
      const laidOut = layout(ingested.value);
      const t2 = performance.now();
      const fields = extract(laidOut.value);
      const t3 = performance.now();
      toRecord(laidOut.value, fields.value, []);
      const t4 = performance.now();
      if (counts) {
        total.documents += 1;
        total.pages += ingested.value.source.pages ?? 1;
        total.ingest += t1 - t0;
        total.layout += t2 - t1;
        total.extract += t3 - t2;
        total.normalise += t4 - t3;
      }
    } catch (error) {
      if (!isGongwenError(error)) throw error;
      if (counts) total.failed += 1;
    }
  }
}

/** Seconds per page of the PDFs that need OCR, read once each with OCR on. */
async function ocrSpeed(paths: readonly string[]): Promise<{ documents: number; pages: number; secondsPerPage: number }> {
  let documents = 0;
  let pages = 0;
  let milliseconds = 0;
  for (const path of paths) {
    const bytes = new Uint8Array(readFileSync(path));
    const started = performance.now();
    const ingested = await ingest(bytes, { fileName: path }).catch(() => undefined);
    const recognised = ingested?.value.source.ocrPages?.length ?? 0;
    if (recognised === 0) continue;
    documents += 1;
    pages += recognised;
    milliseconds += performance.now() - started;
  }
  await terminateOcr();
  return { documents, pages, secondsPerPage: pages === 0 ? 0 : Number((milliseconds / 1000 / pages).toFixed(2)) };
}

async function pdfjsFloor(paths: readonly string[]): Promise<{ milliseconds: number; pages: number }> {
  let milliseconds = 0;
  let pages = 0;
  for (const path of paths) {
    const started = performance.now();
    try {
      const document = await getDocument({
        data: new Uint8Array(readFileSync(path)),
        cMapUrl: `${pdfjsDir}/cmaps/`,
        cMapPacked: true,
        standardFontDataUrl: `${pdfjsDir}/standard_fonts/`,
        isEvalSupported: false,
        verbosity: 0,
      }).promise;
      for (let number = 1; number <= document.numPages; number += 1) await (await document.getPage(number)).getTextContent();
      pages += document.numPages;
      await document.destroy();
    } catch {
      continue;
    }
    milliseconds += performance.now() - started;
  }
  return { milliseconds, pages };
}

/** Seconds pdftotext takes over the PDFs, or undefined where poppler-utils is not installed. */
function pdftotextSeconds(paths: readonly string[]): number | undefined {
  if (spawnSync('pdftotext', ['-v']).error !== undefined) return undefined;
  const started = performance.now();
  for (const path of paths) spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return (performance.now() - started) / 1000;
}

/** A folder of `size` notices copied round-robin from the fixtures, in every format they have. */
function syntheticArchive(size: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongwen-bench-'));
  const sources = filesIn(join(root, 'fixtures', 'notices'));
  for (let i = 0; i < size; i += 1) {
    const source = sources[i % sources.length]!;
    copyFileSync(source, join(dir, `${String(i).padStart(5, '0')}-${basename(source)}`));
  }
  return dir;
}

async function batchRun(dir: string, jobs: number): Promise<{ jobs: number; documents: number; failed: number; failures: Record<string, number>; seconds: number; documentsPerSecond: number }> {
  const { files } = await expandInputs([dir]);
  const out = mkdtempSync(join(tmpdir(), 'gongwen-bench-out-'));
  const started = performance.now();
  let failed = 0;
  const failures: Record<string, number> = {};
  for await (const outcome of convertFiles(files, { outDir: out, jobs })) {
    if (outcome.status !== 'failed') continue;
    failed += 1;
    failures[outcome.error!.code] = (failures[outcome.error!.code] ?? 0) + 1;
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  return { jobs, documents: files.length, failed, failures, seconds: Number(seconds.toFixed(1)), documentsPerSecond: Number((files.length / seconds).toFixed(1)) };
}

const measuredRounds = rounds === 1 ? 1 : rounds - 1;
const results = {
  date: new Date().toISOString(),
  node: process.version,
  rounds: measuredRounds,
  inputs: inputs.length,
  formats: Object.fromEntries(
    [...totals].map(([format, total]) => {
      const seconds = (total.ingest + total.layout + total.extract + total.normalise) / 1000;
      return [
        format,
        {
          documents: total.documents / measuredRounds,
          failed: total.failed / measuredRounds,
          pages: total.pages / measuredRounds,
          documentsPerSecond: Number((total.documents / seconds).toFixed(1)),
          pagesPerSecond: Number((total.pages / seconds).toFixed(1)),
          millisecondsPerDocument: {
            ingest: Number((total.ingest / total.documents).toFixed(1)),
            layout: Number((total.layout / total.documents).toFixed(2)),
            extract: Number((total.extract / total.documents).toFixed(2)),
            normalise: Number((total.normalise / total.documents).toFixed(2)),
          },
        },
      ];
    }),
  ),
  pdfjsGetTextContent: await pdfjsFloor(inputs.filter((path) => path.toLowerCase().endsWith('.pdf'))),
  pdftotextSeconds: pdftotextSeconds(inputs.filter((path) => path.toLowerCase().endsWith('.pdf'))),
  ocr: await ocrSpeed(inputs.filter((path) => path.toLowerCase().endsWith('.pdf'))),
  batch: [] as Array<Awaited<ReturnType<typeof batchRun>>>,
  batchSpeedup: 0,
  peakRssMegabytes: 0,
};

const archiveSize = Math.max(1, Number(options.archive));
const archive = syntheticArchive(archiveSize);
for (const jobs of [1, 2]) results.batch.push(await batchRun(archive, jobs));
rmSync(archive, { recursive: true, force: true });
results.batchSpeedup = Number((results.batch[1]!.documentsPerSecond / results.batch[0]!.documentsPerSecond).toFixed(2));
// maxRSS counts the worker threads too: they live in this process.
results.peakRssMegabytes = Math.round(process.resourceUsage().maxRSS / 1024);

const pdf = results.formats['pdf'] as { pages: number; millisecondsPerDocument: { ingest: number }; documents: number } | undefined;
console.log(`gongwen bench: ${inputs.length} inputs, ${measuredRounds} measured round(s), Node ${process.version}\n`);
console.log('format  docs  failed  pages   docs/s  pages/s  ms/doc: ingest  layout  extract  normalise');
for (const [format, value] of Object.entries(results.formats) as Array<[string, { documents: number; failed: number; pages: number; documentsPerSecond: number; pagesPerSecond: number; millisecondsPerDocument: Record<string, number> }]>) {
  const ms = value.millisecondsPerDocument;
  console.log(
    `${format.padEnd(7)} ${String(value.documents).padStart(4)} ${String(value.failed).padStart(7)} ${String(value.pages).padStart(6)} ${String(value.documentsPerSecond).padStart(8)} ${String(value.pagesPerSecond).padStart(8)}  ${String(ms['ingest']).padStart(13)} ${String(ms['layout']).padStart(7)} ${String(ms['extract']).padStart(8)} ${String(ms['normalise']).padStart(10)}`,
  );
}
if (pdf && results.pdfjsGetTextContent.pages > 0) {
  const floor = results.pdfjsGetTextContent.milliseconds / results.pdfjsGetTextContent.pages;
  console.log(`\npdf.js getTextContent alone: ${floor.toFixed(1)} ms/page; our PDF ingest: ${((pdf.millisecondsPerDocument.ingest * pdf.documents) / pdf.pages).toFixed(1)} ms/page`);
}
if (results.pdftotextSeconds !== undefined && pdf) {
  const ours = (pdf.millisecondsPerDocument.ingest * pdf.documents) / 1000;
  console.log(`pdftotext on the same PDFs: ${results.pdftotextSeconds.toFixed(2)} s; our PDF ingest: ${ours.toFixed(2)} s (${(ours / results.pdftotextSeconds).toFixed(1)}× pdftotext)`);
} else {
  console.log('pdftotext not installed (Debian: apt-get install poppler-utils); no comparison');
}
console.log(`OCR (with it off above): ${results.ocr.pages} scanned pages in ${results.ocr.documents} PDFs, ${results.ocr.secondsPerPage} s/page including the PDF's other pages`);
console.log(`\nbatch, ${archiveSize} notices made from the fixtures:`);
for (const run of results.batch) console.log(`  --jobs ${run.jobs}: ${run.documentsPerSecond} docs/s (${run.documents} documents, ${run.failed} failed${run.failed > 0 ? ` ${JSON.stringify(run.failures)}` : ''}, ${run.seconds} s)`);
console.log(`  speed-up with 2 jobs: ${results.batchSpeedup}×; peak RSS ${results.peakRssMegabytes} MB`);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
