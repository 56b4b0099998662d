import { describe, expect, it } from 'vitest';
import type { SourceBlock } from '../../src/model/document.js';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedPage, PositionedRun } from '../../src/ingest/positioned/types.js';

// A GB/T 9704-like page: 16 pt body, 27 characters to the line between x = 80 and x = 512,
// paragraphs indented 2 em, baselines 29 pt apart from y = 140.
const SIZE = 16;
const LEFT = 80;
const RIGHT = 512;
const PER_LINE = 27;
const PITCH = 29;
const TOP = 140;

function widthOf(text: string, size = SIZE): number {
  return [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? size / 2 : size), 0);
}

function run(text: string, x: number, y: number, size = SIZE): PositionedRun {
  return { text, x, y, width: widthOf(text, size), fontSize: size };
}

function centred(text: string, y: number, size = SIZE): PositionedRun {
  return run(text, (LEFT + RIGHT - widthOf(text, size)) / 2, y, size);
}

const SOURCE = '为进一步推动创建全国质量强市示范城市工作营造良好的社会氛围根据市政府有关规定结合我市实际制定本方案各单位要认真组织实施确保各项任务落到实处';

/** Chinese text of `length` characters that ends a sentence. */
function sentence(length: number, offset = 0): string {
  let text = '';
  for (let i = 0; text.length < length - 1; i += 1) text += SOURCE[(i + offset) % SOURCE.length];
  return `${text}。`;
}

interface Typeset {
  runs: PositionedRun[];
  y: number;
}

/** Sets a paragraph the way a word processor does: first line indented 2 em, then full lines. */
function paragraph(text: string, y: number, { indent = true } = {}): Typeset {
  const runs: PositionedRun[] = [];
  const chars = [...text];
  let first = true;
  while (chars.length > 0) {
    const capacity = first && indent ? PER_LINE - 2 : PER_LINE;
    const x = first && indent ? LEFT + 2 * SIZE : LEFT;
    runs.push(run(chars.splice(0, capacity).join(''), x, y));
    y += PITCH;
    first = false;
  }
  return { runs, y };
}

/** Paragraphs filling a page down to its foot (21 lines), then the baseline below them. */
function fullPage(offset: number, from = TOP): Typeset {
  const runs: PositionedRun[] = [];
  let y = from;
  for (let i = 0; y + 3 * PITCH <= TOP + 20 * PITCH; i += 1) {
    const typeset = paragraph(sentence(60, offset + i), y);
    runs.push(...typeset.runs);
    y = typeset.y;
  }
  return { runs, y };
}

function page(number: number, runs: PositionedRun[]): PositionedPage {
  return { number, width: 595, height: 842, runs, rulings: [] };
}

function layout(...pages: PositionedRun[][]): SourceBlock[] {
  return layoutPositionedPages(pages.map((runs, index) => page(index + 1, runs))).value.blocks;
}

function paragraphTexts(blocks: readonly SourceBlock[]): string[] {
  return blocks.map((block) => (block.kind === 'paragraph' ? block.text : `<${block.kind}>`));
}

describe('positioned layout: paragraphs', () => {
  it('joins wrapped lines and starts a paragraph at each first-line indent', () => {
    const one = sentence(70);
    const two = sentence(40, 7);
    const first = paragraph(one, TOP);
    const second = paragraph(two, first.y);
    const blocks = layout([...first.runs, ...second.runs]);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: one, page: 1, style: { align: 'justify', fontSize: 16 } },
      { kind: 'paragraph', text: two, page: 1, style: { align: 'justify', fontSize: 16 } },
    ]);
  });

  it('reads a centred title wrapped onto two lines of one size as one paragraph', () => {
    const body = paragraph(sentence(80), TOP + 100);
    const blocks = layout([centred('关于印发《唐山市工程建设项目“多评合一”', TOP, 20), centred('实施办法》的通知', TOP + 26, 20), ...body.runs]);
    expect(blocks[0]).toEqual({
      kind: 'paragraph',
      text: '关于印发《唐山市工程建设项目“多评合一”实施办法》的通知',
      page: 1,
      style: { align: 'center', fontSize: 20 },
    });
    expect(blocks).toHaveLength(2);
  });

  it('keeps a letter-spaced issuer line apart from the lines around it', () => {
    const issuer = '唐山市行政审批局';
    const gap = (RIGHT - LEFT - widthOf(issuer, 20)) / (issuer.length - 1);
    const spread = [...issuer].map((ch, i) => run(ch, LEFT + i * (20 + gap), TOP + 28, 20));
    const body = paragraph(sentence(80), TOP + 120);
    const blocks = layout([run('唐山市“一港双城”（城镇化）工作委员会办公室', LEFT, TOP, 20), ...spread, centred('关于印发《实施办法》的通知', TOP + 56, 20), ...body.runs]);
    expect(paragraphTexts(blocks).slice(0, 3)).toEqual(['唐山市“一港双城”（城镇化）工作委员会办公室', '唐山市行政审批局', '关于印发《实施办法》的通知']);
  });

  it('starts a new paragraph at a change of size or a wider gap', () => {
    const heading = run('一、总体要求', LEFT + 2 * SIZE, TOP, 18);
    const body = paragraph(sentence(60), TOP + PITCH);
    const later = paragraph(sentence(60, 3), body.y + 2 * PITCH, { indent: false });
    expect(paragraphTexts(layout([heading, ...body.runs, ...later.runs]))).toHaveLength(3);
  });

  it('joins a sentence continued at the top of the next page', () => {
    const broken = sentence(70, 9);
    const chars = [...broken];
    const first = fullPage(0);
    const lastLines = [run(chars.slice(0, 25).join(''), LEFT + 2 * SIZE, first.y), run(chars.slice(25, 52).join(''), LEFT, first.y + PITCH)];
    const rest = paragraph(sentence(80, 11), TOP + PITCH);
    const blocks = layout([...first.runs, ...lastLines], [run(chars.slice(52).join(''), LEFT, TOP), ...rest.runs], fullPage(3).runs);
    expect(blocks.find((block) => block.kind === 'paragraph' && block.text === broken)).toMatchObject({ page: 1 });
  });

  it('does not run a page that ends early on into the next page', () => {
    const early = paragraph(sentence(80), TOP);
    const ending = sentence(27).slice(0, 27);
    const next = paragraph(sentence(80, 5), TOP, { indent: false });
    const blocks = layout([...early.runs, run(ending, LEFT, early.y)], [...next.runs, ...fullPage(2, next.y).runs], fullPage(4).runs);
    expect(paragraphTexts(blocks)[1]).toBe(ending);
  });

  it('does not take an indented line for a centred one because both its margins are equal', () => {
    const items = ['第二期：2013年11月19日，采访市经信局、虎门镇。', '第三期：2013年11月26日，采访市环保局、大朗镇。'];
    const context = paragraph(sentence(80), TOP);
    const lines = items.map((text, i) => run(text, LEFT + 2 * SIZE, context.y + i * PITCH));
    const blocks = layout([...context.runs, ...lines]);
    expect(blocks.slice(1)).toEqual(items.map((text) => ({ kind: 'paragraph', text, page: 1, style: { align: 'left', fontSize: 16 } })));
  });

  it('joins an attachment name wrapped under the start of the name (GB/T 9704-2012 7.3.4)', () => {
    const context = paragraph(sentence(80), TOP);
    const label = '附件：1.2018年各区市、国家级开发区“城市质量精神”';
    const nameStart = LEFT + 2 * SIZE + widthOf('附件：1.');
    const blocks = layout([...context.runs, run(label, LEFT + 2 * SIZE, context.y + PITCH), run('宣传工作任务分解表', nameStart, context.y + 2 * PITCH)]);
    expect(paragraphTexts(blocks)).toContain(`${label}宣传工作任务分解表`);
  });

  it('joins a name hanging under its label however early the line above ended, but not the next item', () => {
    const context = paragraph(sentence(80), TOP);
    const nameStart = LEFT + 2 * SIZE + widthOf('附件：');
    const short = [run('附件：2024—2026年海南省农机购置与补贴机具种类范', LEFT + 2 * SIZE, context.y + PITCH), run('围', nameStart, context.y + 2 * PITCH)];
    expect(paragraphTexts(layout([...context.runs, ...short]))).toContain('附件：2024—2026年海南省农机购置与补贴机具种类范围');
    const items = [run('附件：1.全国质量强市验收宣传工作计划安排表', LEFT + 2 * SIZE, context.y + PITCH), run('2.宣传联络员报名回执表', nameStart, context.y + 2 * PITCH)];
    expect(paragraphTexts(layout([...context.runs, ...items])).slice(-2)).toEqual(['附件：1.全国质量强市验收宣传工作计划安排表', '2.宣传联络员报名回执表']);
  });

  it('joins a line that ended early because a long number did not fit', () => {
    const context = paragraph(sentence(80), TOP);
    const blocks = layout([...context.runs, run('宣传部联系人：邓文浩，联系电话：22836512、', LEFT + 2 * SIZE, context.y), run('13713445877；', LEFT, context.y + PITCH)]);
    expect(paragraphTexts(blocks)).toContain('宣传部联系人：邓文浩，联系电话：22836512、13713445877；');
  });

  it('sets signature lines to the right and rounds font sizes', () => {
    const context = paragraph(sentence(80), TOP);
    const date = run('2019年3月26日', RIGHT - 4 * SIZE - widthOf('2019年3月26日', 16.08), context.y + 3 * PITCH, 16.08);
    const blocks = layout([...context.runs, date]);
    expect(blocks[1]).toEqual({ kind: 'paragraph', text: '2019年3月26日', page: 1, style: { align: 'right', fontSize: 16 } });
  });
});
