import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { extract, ingest, isGongwenError, layout, toRecord } from '../src/index.js';

/**
 * Time per stage and throughput per format on the fixtures and, when present, the corpus in
 * ../shared/corpus/docs. PDFs are also read with bare pdf.js getTextContent, the floor of any
 * pdf.js-based ingest, so that the cost of our own layout is visible.
 */

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '3' } } });
const rounds = Math.max(1, Number(options.rounds));
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = resolve(process.env['GONGWEN_SHARED'] ?? join(root, '../shared'), 'corpus', 'docs');
const pdfjsDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

function filesIn(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(txt|html?|docx|pdf)$/i.test(entry.name))
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
      const ingested = await ingest(bytes, { fileName: path });
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
};

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
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nwrote bench/results.json');
