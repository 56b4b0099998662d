import { describe, expect, it } from 'vitest';
import { layoutPositionedPages } from '../../src/ingest/positioned/index.js';
import type { PositionedRun } from '../../src/ingest/positioned/types.js';

function widthOf(text: string, size: number): number {
  return [...text].reduce((sum, ch) => sum + (/[\x20-\x7e]/.test(ch) ? size * 0.585 : size), 0);
}

/** A run at a baseline given as in the PDF (y up from the foot of an 841.92 pt page). */
function run(text: string, x: number, pdfY: number, width = widthOf(text, 16.08)): PositionedRun {
  return { text, x, y: 841.92 - pdfY, width, fontSize: 16.08 };
}

// Its quotation marks and brackets are narrower than an em: the run ends at x = 298.44.
const WIDTH_OF_FIRST_ISSUER = 191.1;

function readOrder(runs: PositionedRun[]): string[] {
  const blocks = layoutPositionedPages([{ number: 1, width: 595.2, height: 841.92, runs, rulings: [] }]).value.blocks;
  return blocks.map((block) => (block.kind === 'paragraph' ? block.text : `<${block.kind}>`));
}

// The closing lines of corpus tangshan-2019-tanggangchengbanfa-09, page 1, with their positions.
const BODY = [
  run('按照《唐山市人民政府办公厅关于印发唐山市深化工程建设', 108.77, 279.43),
  run('项目审批制度改革实施方案（试行）的通知》（唐政办发〔2019〕', 76.58, 254.47),
  run('1号）要求，为全面推进我市工程建设项目审批制度改革，制定', 76.58, 229.27),
  run('了《唐山市工程建设项目“多评合一”实施办法》，现印发给你', 76.58, 204.29),
  run('们，请遵照执行。', 76.58, 179.33),
];

describe('positioned layout: side-by-side blocks', () => {
  it('reads a two-issuer signature column by column (tangshan-09)', () => {
    const signature = [
      run('唐山市行政审批局', 374.57, 129.38),
      run('2019年3月26日', 372.65, 104.42),
      run('唐山市“一港双城”（城镇化）', 113.33, 126.02, WIDTH_OF_FIRST_ISSUER),
      run('工作委员会办公室', 151.75, 106.82),
    ];
    expect(readOrder([...BODY, ...signature]).slice(-4)).toEqual(['唐山市“一港双城”（城镇化）', '工作委员会办公室', '唐山市行政审批局', '2019年3月26日']);
  });

  it('keeps a name under its first half when only one line is split (tangshan-13)', () => {
    const signature = [
      run('唐山市“一港双城”（城镇化）', 107.33, 625.37 - 500, WIDTH_OF_FIRST_ISSUER),
      run('唐山市自然资源和规划局', 332.78, 626.33 - 500),
      run('工作委员会办公室', 145.75, 606.41 - 500),
    ];
    expect(readOrder([...BODY.slice(0, 3), ...signature]).slice(-3)).toEqual(['唐山市“一港双城”（城镇化）', '工作委员会办公室', '唐山市自然资源和规划局']);
  });

  it('keeps left-aligned label–value rows as rows', () => {
    const rows = [run('联系人：张三', 108.77, 150), run('电话：0315-1234567', 330, 150), run('联系人：欧阳明月', 108.77, 125), run('电话：0315-7654321', 330, 125)];
    expect(readOrder([...BODY, ...rows]).slice(-2)).toEqual(['联系人：张三 电话：0315-1234567', '联系人：欧阳明月 电话：0315-7654321']);
  });

  it('joins two issuers on one line with a single space', () => {
    expect(readOrder([...BODY, run('中共银川市委员会', 120, 120), run('银川市人民政府', 360, 120)]).at(-1)).toBe('中共银川市委员会 银川市人民政府');
  });
});
