import { describe, expect, it } from 'vitest';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedPage, PositionedRun } from '../../src/ingest/positioned/types.js';

const SIZE = 16;

function run(text: string, x: number, y: number, size = SIZE): PositionedRun {
  const width = [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? size / 2 : size), 0);
  return { text, x, y, width, fontSize: size };
}

function bodyOf(number: number): string[] {
  return [`第${number}页的正文内容，各有不同。`, `第${number}页的第二段正文。`];
}

/** A page of two short paragraphs with furniture added at the given places. */
function page(number: number, furniture: PositionedRun[]): PositionedPage {
  const [first, second] = bodyOf(number) as [string, string];
  return { number, width: 595, height: 842, runs: [run(first, 112, 200), run(second, 112, 400), ...furniture], rulings: [] };
}

function texts(pages: PositionedPage[]): string[] {
  return layoutPositionedPages(pages).value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : `<${block.kind}>`));
}

const FOOT = 790;
const HEAD = 60;

describe('positioned layout: page furniture', () => {
  const pageNumbers: ReadonlyArray<[string, (n: number) => string]> = [
    ['GB/T 9704 dashes', (n) => `— ${n} —`],
    ['hyphens', (n) => `- ${n} -`],
    ['第n页 共m页', (n) => `第${n}页 共3页`],
    ['a bare number', (n) => `${n}`],
  ];
  for (const [name, format] of pageNumbers) {
    it(`removes page numbers at the foot of the page: ${name}`, () => {
      const pages = [1, 2, 3].map((n) => page(n, [run(format(n), 280, FOOT, 14)]));
      expect(texts(pages)).toEqual([1, 2, 3].flatMap(bodyOf));
    });
  }

  it('removes a page number on a one-page document', () => {
    expect(texts([page(1, [run('- 1 -', 280, FOOT, 14)])])).toEqual(bodyOf(1));
  });

  it('removes a running header that repeats on at least half of the pages', () => {
    const header = (n: number): PositionedRun[] => (n === 1 ? [] : [run('乳山市质量强市工作领导小组', 380, HEAD, 10.5)]);
    const pages = [1, 2, 3, 4].map((n) => page(n, header(n)));
    expect(texts(pages)).toEqual([1, 2, 3, 4].flatMap(bodyOf));
  });

  it('keeps a line in the head band that appears on one page only', () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, n === 1 ? [run('南住建函〔2025〕671号附件1', 80, HEAD)] : []));
    expect(texts(pages)).toContain('南住建函〔2025〕671号附件1');
  });

  it('keeps numbers that sit in the body, not at the edge of the page', () => {
    const pages = [page(1, [run('3', 112, 600)]), page(2, [])];
    expect(texts(pages)).toContain('3');
  });

  it('keeps a bare number above other text at the foot', () => {
    const pages = [page(1, [run('12', 112, 740), run('附注：以上数字为示例。', 112, 770)])];
    expect(texts(pages)).toEqual(expect.arrayContaining(['12', '附注：以上数字为示例。']));
  });

  it('never removes the 版记 at the foot of the last page, even when it repeats', () => {
    const record = (n: number): PositionedRun[] => [
      run('抄送：市委办公室，市人大常委会办公室。', 80, 740, 14),
      run('唐山市“一港双城”（城镇化）工作委员会办公室 2019年3月26日印发', 80, 770, 14),
      run(`- ${n} -`, 280, 800, 14),
    ];
    const pages = [1, 2].map((n) => page(n, record(n)));
    const result = texts(pages);
    expect(result.filter((text) => text.startsWith('抄送'))).toHaveLength(2);
    expect(result.filter((text) => text.endsWith('印发'))).toHaveLength(2);
    expect(result.some((text) => /^-/.test(text))).toBe(false);
  });

  it('removes the stamp of a scanner app', () => {
    const pages = [1, 2].map((n) => page(n, [run('扫描全能王 创建', 478, 823, 13)]));
    expect(texts(pages)).toEqual([1, 2].flatMap(bodyOf));
  });
});
