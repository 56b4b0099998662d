import { describe, expect, it } from 'vitest';
import { isEcho } from '../../src/ingest/positioned/echo.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedPage, PositionedRun } from '../../src/ingest/positioned/types.js';

// Synthetic pages: A4 in points, CJK characters one em wide, ASCII half an em.
const SIZE = 16;

function widthOf(text: string, size = SIZE): number {
  return [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? size / 2 : size), 0);
}

function run(text: string, x: number, y: number, extra: Partial<PositionedRun> = {}): PositionedRun {
  const size = extra.fontSize ?? SIZE;
  return { text, x, y, width: widthOf(text, size), fontSize: size, ...extra };
}

/** One run per character, `gap` points apart (letter-spaced or padded text). */
function spread(text: string, x: number, y: number, gap: number): PositionedRun[] {
  const runs: PositionedRun[] = [];
  let at = x;
  for (const ch of text) {
    runs.push(run(ch, at, y));
    at += widthOf(ch) + gap;
  }
  return runs;
}

/** Runs placed one after another with the given gaps between them. */
function sequence(pieces: ReadonlyArray<readonly [string, number]>, x: number, y: number): PositionedRun[] {
  const runs: PositionedRun[] = [];
  let at = x;
  for (const [text, gapAfter] of pieces) {
    runs.push(run(text, at, y));
    at += widthOf(text) + gapAfter;
  }
  return runs;
}

function page(runs: PositionedRun[]): PositionedPage {
  return { number: 1, width: 595, height: 842, runs, rulings: [] };
}

function texts(runs: PositionedRun[]): string[] {
  return layoutPositionedPages([page(runs)]).value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''));
}

describe('positioned layout: spacing decided from geometry', () => {
  const cases: ReadonlyArray<{ name: string; runs: PositionedRun[]; expected: string }> = [
    { name: 'letter-spaced title loses its spaces', runs: spread('唐山市行政审批局', 80, 300, 40), expected: '唐山市行政审批局' },
    { name: 'slightly letter-spaced issuer loses its spaces', runs: spread('中共唐山市委', 220, 300, 6.5), expected: '中共唐山市委' },
    {
      name: 'digits padded against CJK lose their padding',
      runs: sequence([['2019', 2.3], ['年', 1.7], ['3', 2.3], ['月', 1.7], ['26', 2.3], ['日', 0]], 370, 300),
      expected: '2019年3月26日',
    },
    { name: 'Latin words keep one space', runs: sequence([['Data', 4], ['Security', 4], ['Law', 0]], 80, 300), expected: 'Data Security Law' },
    { name: 'a number set in one run stays whole', runs: [run('价格为3.07元', 80, 300)], expected: '价格为3.07元' },
    {
      name: 'two issuers side by side get one space',
      runs: sequence([['中共银川市委员会', 40], ['银川市人民政府', 0]], 80, 300),
      expected: '中共银川市委员会 银川市人民政府',
    },
    { name: 'spaces inside a run between CJK characters go', runs: [run('唐 山 市 行 政 审 批 局', 80, 300)], expected: '唐山市行政审批局' },
    { name: 'a space inside a run between Latin words stays', runs: [run('IDC  business', 80, 300)], expected: 'IDC business' },
  ];
  for (const { name, runs, expected } of cases) {
    it(name, () => {
      expect(texts(runs)).toEqual([expected]);
    });
  }

  it('never puts a space between two CJK characters whatever the gap, unless both sides are words', () => {
    const line = sequence([['公', 20], ['告', 0]], 250, 300);
    expect(texts(line)).toEqual(['公告']);
  });
});

describe('positioned layout: lines rebuilt by position', () => {
  it('reads runs given in any order left to right and top to bottom', () => {
    const scrambled = [run('第二段', 80, 400), run('文字', 144, 300), run('第一段', 80, 300), run('的', 128, 300)];
    expect(texts(scrambled)).toEqual(['第一段的文字', '第二段']);
  });

  it('keeps runs with slightly different baselines on one line', () => {
    expect(texts([run('唐山市', 80, 300), run('行政审批局', 128, 302.5)])).toEqual(['唐山市行政审批局']);
  });

  it('drops a run drawn twice to fake bold and marks the paragraph bold', () => {
    const result = layoutPositionedPages([page([run('一、总体要求', 112, 300), run('一、总体要求', 112.4, 300)])]);
    expect(result.value.blocks).toEqual([{ kind: 'paragraph', text: '一、总体要求', page: 1, style: { align: 'left', fontSize: 16, bold: true } }]);
  });

  it('takes bold from the font name', () => {
    const [block] = layoutPositionedPages([page([run('一、总体要求', 112, 300, { fontName: 'SimHei-Bold' })])]).value.blocks;
    expect(block).toMatchObject({ style: { bold: true } });
  });

  it('keeps look-alike radicals as they are (the reader folds them before layout)', () => {
    expect(texts([run('关于印发⻄安市⽂明城市创建⼯作⽅案的通知', 80, 300)])).toEqual(['关于印发⻄安市⽂明城市创建⼯作⽅案的通知']);
  });
});

describe('isEcho', () => {
  it.each([
    ['the same glyph drawn again 0.05 em away', { text: '通', x: 100.8, y: 200 }, true],
    ['the second l of "ll", a glyph width away', { text: 'l', x: 104, y: 200, previous: 'l', width: 4 }, false],
    ['another glyph at the same place', { text: '知', x: 100.5, y: 200 }, false],
    ['the same glyph on another line', { text: '通', x: 100.5, y: 220 }, false],
  ])('%s', (_, next, echo) => {
    const previous = { text: 'previous' in next ? next.previous! : '通', x: 100, y: 200, width: 'width' in next ? next.width! : 16 };
    expect(isEcho(previous, { text: next.text, x: next.x, y: next.y, width: previous.width }, 16)).toBe(echo);
  });
});
