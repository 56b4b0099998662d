import { LIST_FIELDS, SCALAR_FIELDS, type DocumentScore, type ListField, type ScalarField } from '../src/report/scoring.js';

/**
 * Corpus figures from document scores. Scoring one document (src/report/scoring.ts) is shared
 * with `gongwen report --gold`; summing over the corpus is the evaluation's own business.
 */

export interface Figures {
  documents: number;
  failed: number;
  accuracy: Record<ScalarField, number>;
  precision: Record<ListField, number>;
  recall: Record<ListField, number>;
  f1: Record<ListField, number>;
}

/** Sums document scores into corpus figures: accuracy per field, micro-averaged P/R/F1 per list. */
export function summarise(scores: readonly DocumentScore[]): Figures {
  const accuracy = {} as Figures['accuracy'];
  for (const field of SCALAR_FIELDS) {
    accuracy[field] = scores.length === 0 ? 0 : scores.filter((score) => score.scalars[field].correct).length / scores.length;
  }
  const precision = {} as Figures['precision'];
  const recall = {} as Figures['recall'];
  const f1 = {} as Figures['f1'];
  for (const field of LIST_FIELDS) {
    const tp = scores.reduce((sum, score) => sum + score.lists[field].truePositives, 0);
    const fp = scores.reduce((sum, score) => sum + score.lists[field].falsePositives, 0);
    const fn = scores.reduce((sum, score) => sum + score.lists[field].falseNegatives, 0);
    // Nothing expected and nothing found is perfect; finding nothing of something expected is 0.
    const p = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
    const r = tp + fn === 0 ? (fp === 0 ? 1 : 0) : tp / (tp + fn);
    precision[field] = p;
    recall[field] = r;
    f1[field] = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  }
  return { documents: scores.length, failed: scores.filter((score) => score.error !== undefined).length, accuracy, precision, recall, f1 };
}
