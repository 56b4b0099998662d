import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDocument } from '../../src/ingest/pdfjs.js';
import type { SourceBlock, SourceTable } from '../../src/model/document.js';
import { isPageNumberLine } from '../../src/ingest/lexicon/furniture.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { corpusDocsDir, repositoryRoot } from '../helpers.js';

// Real notices from ../shared/corpus (read-only, not part of the repository).
const corpusDir = join(corpusDocsDir, 'pdf');
const corpusPresent = existsSync(corpusDir);
if (!corpusPresent) console.warn(`skipping PDF layout tests on real notices: ${corpusDir} is absent`);

const FILES = {
  tangshan08: 'tangshan-2019-tanggangchengbanfa-08-shenpi-liuchengtu-notice',
  tangshan09: 'tangshan-2019-tanggangchengbanfa-09-duopingheyi-shishibanfa-notice',
  tangshan13: 'tangshan-2019-tanggangchengbanfa-13-duoceheyi-shishiyijian-notice',
  tangshan17: 'tangshan-2019-tanggangchengbanfa-17-lianhe-yanshou-guicheng-notice',
  tangshan2018: 'tangshan-2018-tangfa-10-youhua-yingshang-huanjing-yijian',
  browserPrint: 'nanning-2025-nanfagaigui-4-guandao-ranqi-jiage-liandong-notice-browserprint',
} as const;

type Corpus = Record<keyof typeof FILES, SourceBlock[]>;

// These tests are about text layers: the image pages of tangshan08's flow charts are not recognised.
const TEXT_LAYER_ONLY = { ocr: false };

function pathOf(name: string): string {
  return join(corpusDir, `${name}.pdf`);
}

function paragraphs(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

const CJK_SPACE_CJK = /[\p{Script=Han}、，。：；“”《》（）] [\p{Script=Han}、，。：；“”《》（）]/u;

describe.skipIf(!corpusPresent)('readPdf on real notices', () => {
  const corpus = {} as Corpus;

  beforeAll(async () => {
    for (const [key, name] of Object.entries(FILES)) {
      corpus[key as keyof Corpus] = (await readPdf(new Uint8Array(readFileSync(pathOf(name))), TEXT_LAYER_ONLY)).value.blocks;
    }
  });

  it('never leaves a space between CJK characters, letter-spaced titles and padded dates included', () => {
    for (const key of ['tangshan08', 'tangshan09', 'tangshan13'] as const) {
      expect(paragraphs(corpus[key]).filter((text) => CJK_SPACE_CJK.test(text))).toEqual([]);
    }
    expect(paragraphs(corpus.tangshan09)).toEqual(expect.arrayContaining(['唐山市行政审批局', '2019年3月26日']));
    expect(paragraphs(corpus.tangshan13)).toEqual(expect.arrayContaining(['唐山市自然资源和规划局', '唐山市住房和城乡建设局']));
  });

  it('removes page numbers (— 1 — and - 1 -) but keeps the 版记', () => {
    for (const key of ['tangshan09', 'tangshan13', 'tangshan17'] as const) {
      expect(paragraphs(corpus[key]).filter(isPageNumberLine)).toEqual([]);
    }
    expect(paragraphs(corpus.tangshan09).at(-1)).toBe('唐山市“一港双城”（城镇化）工作委员会办公室 2019年3月26日印发');
    expect(paragraphs(corpus.tangshan17).at(-1)).toBe('唐山市“一港双城”（城镇化）工作委员会办公室 2019年4月10日印发');
  });

  it('reads a title wrapped onto two centred lines as one paragraph', () => {
    const title = corpus.tangshan09.find((block) => block.kind === 'paragraph' && block.text.startsWith('关于印发'));
    expect(title).toEqual({
      kind: 'paragraph',
      text: '关于印发《唐山市工程建设项目“多评合一”实施办法》的通知',
      page: 1,
      style: { align: 'center', fontSize: 20 },
    });
  });

  it('joins a paragraph that continues across a page break', () => {
    const continued = corpus.tangshan09.find((block) => block.kind === 'paragraph' && block.text.includes('立即同步组织开展相关工作，并在规定时限内出具相关审批文件'));
    expect(continued).toMatchObject({ page: 4 });
    const lastSentence = corpus.tangshan13.find((block) => block.kind === 'paragraph' && block.text.endsWith('现印发给你们，请遵照执行。'));
    expect(lastSentence).toMatchObject({ page: 1 });
  });

  it('reads a side-by-side signature column by column', () => {
    const page1 = paragraphs(corpus.tangshan09.filter((block) => block.kind === 'paragraph' && block.page === 1));
    expect(page1.slice(-4)).toEqual(['唐山市“一港双城”（城镇化）', '工作委员会办公室', '唐山市行政审批局', '2019年3月26日']);
  });

  it('turns a drawn form into a table with spanning cells, and keeps its text out of the paragraphs', () => {
    const table = corpus.tangshan17.find((block): block is SourceTable => block.kind === 'table');
    expect(table?.page).toBe(6);
    expect(table?.rows[0]).toEqual([{ text: '工程名称', colSpan: 2 }, { text: '' }, { text: '工程地址' }, { text: '', colSpan: 4 }]);
    expect(table?.rows.at(-1)).toEqual([{ text: '验收结论' }, { text: '（盖章）\n年月日', colSpan: 7 }]);
    expect(paragraphs(corpus.tangshan17).some((text) => text.includes('工程名称'))).toBe(false);
  });

  it('finds the metadata table of a browser print', () => {
    const table = corpus.browserPrint.find((block): block is SourceTable => block.kind === 'table');
    expect(table?.rows.map((row) => row.map((cell) => cell.text))).toEqual([
      ['发文机关：南宁市发展和改革委员会', '效力状态：有效'],
      ['标题：南宁市发展和改革委员会关于南宁市市区管道燃气价格联动有关事项的通知'],
      ['发文字号：南发改规〔2025〕4号', '发布日期：2025年10月11日'],
    ]);
  });

  it('keeps the characters pdf.js getTextContent drops under a mirrored, scaled text matrix', async () => {
    const document = await getDocument({
      data: new Uint8Array(readFileSync(pathOf(FILES.tangshan2018))),
      cMapUrl: resolve(repositoryRoot, 'node_modules/pdfjs-dist/cmaps') + '/',
      cMapPacked: true,
      verbosity: 0,
    }).promise;
    const content = await (await document.getPage(1)).getTextContent();
    await document.destroy();
    const pdfjsText = content.items.map((item) => ('str' in item ? item.str : '')).join('');
    expect(pdfjsText).not.toContain('按照全省');
    expect(paragraphs(corpus.tangshan2018)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^按照全省开展“双创双服”活动和市委、市政府关于推进高质量发展的安排部署/)]),
    );
    expect(paragraphs(corpus.tangshan2018)).toContain('唐山市人民政府关于进一步优化全市营商环境的意见');
  });

  it('warns, without OCR, about pages that hold only an image of a flow chart', async () => {
    const { messages } = await readPdf(new Uint8Array(readFileSync(pathOf(FILES.tangshan08))), TEXT_LAYER_ONLY);
    expect(messages.map((message) => [message.ruleId, message.page])).toEqual([5, 7, 9, 11, 13, 15].map((page) => ['ingest:pdf-no-text-layer', page]));
  });
});
