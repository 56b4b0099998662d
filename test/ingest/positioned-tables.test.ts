import { describe, expect, it } from 'vitest';
import type { SourceBlock, SourceTable } from '../../src/model/document.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedPage, PositionedRun, RulingSegment } from '../../src/ingest/positioned/types.js';

const SIZE = 12;

function run(text: string, x: number, y: number, size = SIZE): PositionedRun {
  const width = [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? size / 2 : size), 0);
  return { text, x, y, width, fontSize: size };
}

interface GridOptions {
  /** [column edge, row]: no border drawn there. */
  openVertical?: ReadonlyArray<readonly [number, number]>;
  /** [row edge, column]: no border drawn there. */
  openHorizontal?: ReadonlyArray<readonly [number, number]>;
}

/** The borders of a grid, drawn cell side by cell side as word processors stroke them. */
function grid(xs: readonly number[], ys: readonly number[], options: GridOptions = {}): RulingSegment[] {
  const segments: RulingSegment[] = [];
  const open = (list: GridOptions['openVertical'], a: number, b: number): boolean => (list ?? []).some(([edge, span]) => edge === a && span === b);
  for (let edge = 0; edge < xs.length; edge += 1) {
    for (let row = 0; row + 1 < ys.length; row += 1) {
      if (!open(options.openVertical, edge, row)) segments.push({ x1: xs[edge]!, y1: ys[row]!, x2: xs[edge]!, y2: ys[row + 1]! });
    }
  }
  for (let edge = 0; edge < ys.length; edge += 1) {
    for (let column = 0; column + 1 < xs.length; column += 1) {
      if (!open(options.openHorizontal, edge, column)) segments.push({ x1: xs[column]!, y1: ys[edge]!, x2: xs[column + 1]!, y2: ys[edge]! });
    }
  }
  return segments;
}

/** Text in grid cell (row, column), inset by a few points. */
function cell(text: string, xs: readonly number[], ys: readonly number[], row: number, column: number): PositionedRun {
  return run(text, xs[column]! + 4, ys[row]! + 18);
}

function page(number: number, runs: PositionedRun[], rulings: RulingSegment[]): PositionedPage {
  return { number, width: 595, height: 842, runs, rulings };
}

function blocksOf(...pages: PositionedPage[]): SourceBlock[] {
  return layoutPositionedPages(pages).value.blocks;
}

function tableTexts(block: SourceBlock | undefined): string[][] {
  return (block as SourceTable).rows.map((row) => row.map((c) => c.text));
}

const XS = [80, 140, 340, 512];
const YS = [200, 226, 252, 278];

describe('positioned layout: tables from ruling lines', () => {
  it('turns a drawn grid into a table, placed between the paragraphs around it', () => {
    const texts = [
      ['序号', '事项', '责任单位'],
      ['1', '制作宣传短片。', '广播电视台'],
      ['2', '印制宣传海报。', '强市办'],
    ];
    const runs = [run('以下为任务分工表：', 112, 170), ...texts.flatMap((row, r) => row.map((text, c) => cell(text, XS, YS, r, c))), run('请各单位认真落实。', 112, 320)];
    const blocks = blocksOf(page(1, runs, grid(XS, YS)));
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'table', 'paragraph']);
    expect(tableTexts(blocks[1])).toEqual(texts);
    expect(blocks[1]).toMatchObject({ page: 1 });
  });

  it('makes spanning cells where a border is missing', () => {
    const runs = [cell('事项及分工', XS, YS, 0, 1), cell('序号', XS, YS, 0, 0), cell('1', XS, YS, 1, 0), cell('制作短片', XS, YS, 1, 1), cell('电视台', XS, YS, 1, 2), cell('印制海报', XS, YS, 2, 1), cell('强市办', XS, YS, 2, 2)];
    const rulings = grid(XS, YS, { openVertical: [[2, 0]], openHorizontal: [[2, 0]] });
    const [table] = blocksOf(page(1, runs, rulings));
    expect((table as SourceTable).rows).toEqual([
      [{ text: '序号' }, { text: '事项及分工', colSpan: 2 }],
      [{ text: '1', rowSpan: 2 }, { text: '制作短片' }, { text: '电视台' }],
      [{ text: '印制海报' }, { text: '强市办' }],
    ]);
  });

  it('does not take a frame around a paragraph for a table', () => {
    const blocks = blocksOf(page(1, [run('（此件公开发布）', 112, 220)], grid([100, 300], [200, 230])));
    expect(blocks).toEqual([{ kind: 'paragraph', text: '（此件公开发布）', page: 1, style: { align: 'left', fontSize: 12 } }]);
  });

  it('does not take the rule under a header for a table', () => {
    const rule: RulingSegment = { x1: 80, y1: 240, x2: 512, y2: 240 };
    const blocks = blocksOf(page(1, [run('乳质强字〔2018〕2号', 240, 220), run('各镇人民政府：', 80, 280)], [rule]));
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'paragraph']);
  });

  it('takes a single row of at least three filled cells for a table (the header of a form), not a boxed pair', () => {
    const xs = [80, 160, 240, 320];
    const ys = [200, 226];
    const form = ['姓名', '职务', '电话'].map((text, c) => cell(text, xs, ys, 0, c));
    expect(tableTexts(blocksOf(page(1, form, grid(xs, ys)))[0])).toEqual([['姓名', '职务', '电话']]);
    const pair = ['签发人', '张三'].map((text, c) => cell(text, xs, ys, 0, c));
    expect(blocksOf(page(1, pair, grid(xs.slice(0, 3), ys))).map((block) => block.kind)).toEqual(['paragraph']);
  });

  it('joins the wrapped lines of a cell and keeps lines broken on purpose apart', () => {
    const xs = [80, 200, 300];
    const ys = [200, 250, 276];
    const runs = [
      run('制作城市形象暨质量', 84, 218),
      run('宣传片。', 84, 236),
      run('张三', 204, 218),
      run('李四', 204, 236),
      cell('甲', xs, ys, 1, 0),
      cell('乙', xs, ys, 1, 1),
    ];
    const [table] = blocksOf(page(1, runs, grid(xs, ys)));
    expect(tableTexts(table)).toEqual([
      ['制作城市形象暨质量宣传片。', '张三\n李四'],
      ['甲', '乙'],
    ]);
  });

  it('continues a table broken by a page break and drops its repeated header', () => {
    const header = ['序号', '事项', '责任单位'];
    const firstYs = [690, 716, 742, 768];
    const secondYs = [100, 126, 152, 178];
    const fill = [run('各单位要按照分工抓好落实。', 112, 140), run('任务分工如下：', 112, 660)];
    const first = [...fill, ...[header, ['1', '制作短片。', '电视台'], ['2', '印制海报。', '强市办']].flatMap((row, r) => row.map((text, c) => cell(text, XS, firstYs, r, c)))];
    const second = [
      ...[header, ['3', '开设专栏。', '日报社'], ['4', '发送短信。', '移动公司']].flatMap((row, r) => row.map((text, c) => cell(text, XS, secondYs, r, c))),
      run('请于11月底前报送。', 112, 220),
    ];
    const blocks = blocksOf(page(1, first, grid(XS, firstYs)), page(2, second, grid(XS, secondYs)));
    const tables = blocks.filter((block) => block.kind === 'table');
    expect(tables).toHaveLength(1);
    expect(tableTexts(tables[0]).map((row) => row[0])).toEqual(['序号', '1', '2', '3', '4']);
  });
});
