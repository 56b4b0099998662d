import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isGongwenError, parse, type NoticeRecord } from '../src/index.js';
import { readGoldCards } from '../src/report/gold.js';
import { scoreDocument, type DocumentScore, type GoldCard } from '../src/report/scoring.js';
import { summarise, type Figures } from './scoring.js';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared folder of seeds and corpus, beside the repository unless GONGWEN_SHARED says otherwise. */
export const sharedDir = process.env['GONGWEN_SHARED'] ?? resolve(repositoryRoot, '../shared');
export const goldDir = join(sharedDir, 'corpus', 'gold');

export function goldAvailable(): boolean {
  return existsSync(goldDir);
}

export function loadCards(): GoldCard[] {
  return readGoldCards(goldDir);
}

export interface EvaluatedCard {
  card: GoldCard;
  score: DocumentScore;
  record?: NoticeRecord;
}

export async function evaluateCard(card: GoldCard): Promise<EvaluatedCard> {
  try {
    const record = await parse(join(sharedDir, card.file));
    return { card, record, score: scoreDocument(card, record) };
  } catch (error) {
    if (!isGongwenError(error)) throw error;
    return { card, score: scoreDocument(card, undefined, { code: error.code, message: error.message }) };
  }
}

export async function evaluateCorpus(cards: readonly GoldCard[] = loadCards()): Promise<EvaluatedCard[]> {
  const evaluated: EvaluatedCard[] = [];
  for (const card of cards) evaluated.push(await evaluateCard(card));
  return evaluated;
}

// The formats read before the .doc and OFD readers landed: this column shows that the cards
// scored since then (.doc, .ofd) moved nothing for the others.
const READ_FORMATS = /\.(?:txt|html?|docx|pdf)$/i;

export const GROUPS = {
  seeds: (card: GoldCard) => card.file.startsWith('seeds/'),
  readable: (card: GoldCard) => READ_FORMATS.test(card.file),
  all: () => true,
} as const;
export type Group = keyof typeof GROUPS;

export function figuresByGroup(evaluated: readonly EvaluatedCard[]): Record<Group, Figures> {
  const figures = {} as Record<Group, Figures>;
  for (const [group, member] of Object.entries(GROUPS) as Array<[Group, (card: GoldCard) => boolean]>) {
    figures[group] = summarise(evaluated.filter((entry) => member(entry.card)).map((entry) => entry.score));
  }
  return figures;
}

export const baselinePath = join(repositoryRoot, 'eval', 'baseline.json');

export type Baseline = Record<Group, Pick<Figures, 'accuracy' | 'precision' | 'recall' | 'f1'>>;

/** Every figure that fell below its baseline, as `group field measure: now < baseline`. */
export function regressions(figures: Record<Group, Figures>, baseline: Baseline): string[] {
  const fallen: string[] = [];
  for (const group of Object.keys(baseline) as Group[]) {
    for (const measure of ['accuracy', 'precision', 'recall', 'f1'] as const) {
      const expected = baseline[group][measure] as Record<string, number>;
      const actual = figures[group][measure] as Record<string, number>;
      for (const [field, value] of Object.entries(expected)) {
        const now = actual[field] ?? 0;
        if (now < value - 1e-9) fallen.push(`${group} ${field} ${measure}: ${now.toFixed(3)} < baseline ${value.toFixed(3)}`);
      }
    }
  }
  return fallen;
}
