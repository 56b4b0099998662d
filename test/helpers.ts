import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract, type DocumentFields } from '../src/extract/index.js';
import { blocksFromPlainText } from '../src/ingest/text.js';
import { layout } from '../src/layout/index.js';
import type { NoticeDocument, SourceBlock, SourceFormat } from '../src/model/document.js';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const fixturesDir = join(repositoryRoot, 'fixtures');
export const sharedDir = process.env['GONGWEN_SHARED'] ?? resolve(repositoryRoot, '../shared');
export const corpusDocsDir = join(sharedDir, 'corpus', 'docs');
export const sharedAvailable = existsSync(join(sharedDir, 'corpus'));

/** Says once, in the test output, why tests that need ../shared are skipped. */
export function noteWhenSharedAbsent(what: string): void {
  if (!sharedAvailable) console.warn(`skipping ${what}: ${sharedDir} is absent (set GONGWEN_SHARED to the folder holding corpus/ and seeds/)`);
}

const SOURCE = { bytes: 0, sha256: '0'.repeat(64) };

/** Lays out plain text (one paragraph per line) as the text ingestor would hand it over. */
export function documentFromText(text: string, format: SourceFormat = 'text'): NoticeDocument {
  return documentFromBlocks(blocksFromPlainText(text), format);
}

export function documentFromBlocks(blocks: SourceBlock[], format: SourceFormat = 'text'): NoticeDocument {
  return layout({ source: { ...SOURCE, format }, blocks }).value;
}

export function fieldsOf(text: string): DocumentFields {
  return extract(documentFromText(text)).value;
}

/** The text a finding's span points at. */
export function spanned(document: NoticeDocument, span: readonly [number, number]): string {
  return document.text.slice(span[0], span[1]);
}
