import { describe, expect, it } from 'vitest';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedPage, PositionedRun } from '../../src/ingest/positioned/types.js';

const SIZE = 16;

function run(text: string, x: number, y: number, angle = 0): PositionedRun {
  return { text, x, y, width: [...text].length * SIZE, fontSize: SIZE, angle };
}

function page(number: number, runs: PositionedRun[], width = 595, height = 842): PositionedPage {
  return { number, width, height, runs, rulings: [] };
}

function privateUse(length: number): string {
  return Array.from({ length }, (_, i) => String.fromCodePoint(0xe000 + i)).join('');
}

describe('positioned layout: text layers', () => {
  it('reports a page without text and lays out the others', () => {
    const result = layoutPositionedPages([page(1, []), page(2, [run('关于做好质量月活动宣传工作的通知', 100, 200)])]);
    expect(result.value.pages).toEqual([
      { page: 1, state: 'none', undecodable: 0 },
      { page: 2, state: 'text', undecodable: 0 },
    ]);
    expect(result.value.blocks).toEqual([expect.objectContaining({ text: '关于做好质量月活动宣传工作的通知', page: 2 })]);
  });

  it('counts a page carrying only a scanner stamp or a page number as having no text', () => {
    const pages = [page(1, [run('扫描全能王 创建', 478, 823)]), page(2, [run('— 2 —', 280, 800)]), page(3, [run('正文', 112, 300)])];
    expect(layoutPositionedPages(pages).value.pages.map((layer) => layer.state)).toEqual(['none', 'none', 'text']);
  });

  it('leaves out a page whose text is mostly undecodable', () => {
    const result = layoutPositionedPages([page(1, [run('各镇人民政府：', 80, 200)]), page(2, [run(`${privateUse(20)}\ufffd`, 80, 200)])]);
    expect(result.value.pages[1]).toEqual({ page: 2, state: 'damaged', undecodable: 0 });
    expect(result.value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual(['各镇人民政府：']);
  });

  it('drops the few undecodable characters of a readable page and counts them', () => {
    const result = layoutPositionedPages([page(1, [run('\uf0b7', 112, 200), run('加强组织领导。', 128, 200)])]);
    expect(result.value.pages[0]).toEqual({ page: 1, state: 'text', undecodable: 1 });
    expect(result.value.blocks).toEqual([expect.objectContaining({ text: '加强组织领导。' })]);
  });

  it('reads a page whose text is drawn sideways like an upright one', () => {
    // Text set at a quarter turn clockwise on a portrait page: lines run downwards, one after
    // another from right to left (here two paragraphs, a blank line apart).
    const lines = ['第一段文字', '第二段'].map((text, i) => run(text, 500 - i * 60, 100, 90));
    const result = layoutPositionedPages([page(1, lines)]);
    expect(result.value.blocks.map((block) => (block.kind === 'paragraph' ? block.text : ''))).toEqual(['第一段文字', '第二段']);
  });

  it('leaves out text set at another angle and says so, except a page number on its side', () => {
    const runs = [run('关于印发实施方案的通知', 100, 200), run('内部资料', 300, 400, 45), run('— 3 —', 40, 140, 270)];
    const result = layoutPositionedPages([page(1, runs)]);
    expect(result.value.blocks).toEqual([expect.objectContaining({ text: '关于印发实施方案的通知' })]);
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'ingest:off-angle-text', severity: 'info', page: 1 })]);
  });
});
