import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselinePath, evaluateCorpus, figuresByGroup, goldAvailable, goldDir, regressions, type Baseline, type Group } from '../../eval/corpus.js';
import type { Figures } from '../../eval/scoring.js';

if (!goldAvailable()) console.warn(`skipping the accuracy check: no gold cards at ${goldDir} (set GONGWEN_SHARED to the folder holding corpus/ and seeds/)`);

describe.skipIf(!goldAvailable())('accuracy against the gold cards', () => {
  let figures: Record<Group, Figures>;
  beforeAll(async () => {
    figures = figuresByGroup(await evaluateCorpus());
  });

  it('has no figure below its baseline in eval/baseline.json', () => {
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8')) as Baseline;
    const fallen = regressions(figures, baseline);
    expect(fallen, `figures below the baseline:\n${fallen.join('\n')}`).toEqual([]);
  });

  it('reads every document field of the five seeds right', () => {
    expect(figures.seeds.accuracy).toEqual(Object.fromEntries(Object.keys(figures.seeds.accuracy).map((field) => [field, 1])));
  });
});
