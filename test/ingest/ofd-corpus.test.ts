import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormatReading } from '../../src/ingest/format.js';
import { readOfd } from '../../src/ingest/ofd.js';
import type { SourceBlock, SourceTable } from '../../src/model/document.js';
import type { Message } from '../../src/model/messages.js';
import { parse } from '../../src/pipeline.js';
import { corpusDocsDir } from '../helpers.js';

// Real OFDs from ../shared/corpus (read-only, not part of the repository).
const corpusDir = join(corpusDocsDir, 'ofd');
const corpusPresent = existsSync(corpusDir);
if (!corpusPresent) console.warn(`skipping OFD tests on real files: ${corpusDir} is absent`);

const FILES = {
  // iOFD: a red-header 批复 over two pages, an electronic signature on page 2.
  luqiao: 'luqiao-2011-luweifa-76-ciZhi-pifu',
  // Suwell: a 函 whose 版头 is drawn as paths, DeltaX in the g shorthand, the seal an image.
  bengbu: 'bengbu-2023-nanhuochang-tielu-handong-han',
  // A landscape form: the blank form a template image, the filled-in values text, cells wrapped by DeltaY.
  lincang: 'lincang-2022-linxiang-ziranziyuan-form',
  // A processing form ruled as a table, CGTransform on every text, handwriting and a note as annotations.
  shouwen: 'xx-2020-shouwen-chuli-dan-fubanzhuandu-24',
  // A magazine article whose text sits in composite graphic units with embedded fonts.
  customs: 'customs-2019-shuzi-dangan-shi-article',
} as const;

type Corpus = Record<keyof typeof FILES, { value: FormatReading; messages: readonly Message[] }>;

const pathOf = (name: string): string => join(corpusDir, `${name}.ofd`);

function paragraphs(blocks: readonly SourceBlock[]): string[] {
  return blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
}

describe.skipIf(!corpusPresent)('readOfd on real OFDs', () => {
  const corpus = {} as Corpus;

  beforeAll(async () => {
    for (const [key, name] of Object.entries(FILES)) corpus[key as keyof Corpus] = await readOfd(new Uint8Array(readFileSync(pathOf(name))));
  });

  it('reads the 批复 line by line as printed, without page numbers, the 版记 last', () => {
    expect(paragraphs(corpus.luqiao.value.blocks)).toEqual([
      '测试符路桥区卫生局文件',
      '路卫发〔2011〕76号',
      '关于同意张阿三同志辞职的批复',
      '区中医院：',
      '你院《关于给张阿三同志辞职的请示》（路中医发〔2011〕10号）收悉。',
      '张阿三，男，1978年2月出生，籍贯江西新建，2001年9月参加工作，本科学历，主治医师，系区中医院职工。',
      '该同志由于家庭、籍贯等原因，从2006年1月至今未到单位上班，期间院方曾多次与其联系，均被拒绝回院。2011年3月1日该同志向医院递交辞职报告，鉴于本人实际情况，根据《浙江省专业技术人员和管理人员辞职暂行办法》（浙人才〔1993〕73号）文件精神，经研究，同意张阿三同志辞职。',
      '测试符路桥区卫生局办公室',
      '2011年3月10日',
      '测试符路桥区卫生局办公室 2011年3月10日印发',
    ]);
    expect(corpus.luqiao.value).toMatchObject({ pages: 2, stamps: [{ page: 2, kind: 'signature' }] });
    expect(corpus.luqiao.messages).toEqual([]);
  });

  it('joins text objects of a few characters each into the lines they form', () => {
    expect(paragraphs(corpus.bengbu.value.blocks)).toEqual(
      expect.arrayContaining([
        '关于加快南货场铁路涵洞下穿建设的函',
        '蚌山区政府：',
        expect.stringContaining('按照7月7日张铭副市长主持召开市自然资源和规划委员会审查会2023年第7次会议要求'),
        '2023年7月12日',
      ]),
    );
    expect(corpus.bengbu.value.stamps).toEqual([{ page: 1, kind: 'seal' }]);
  });

  it('follows DeltaY through cells wrapped inside one TextCode', () => {
    const text = paragraphs(corpus.lincang.value.blocks).join('');
    expect(text).toContain('临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复（临翔发改复[2018]172号）');
    expect(text).toContain('总规模0.7871公顷，其中农用地0公顷（耕地0公顷，基本农田0公顷），建设用地0.7871公顷，未利用地0公顷，围填海0公顷');
    // Its two signatures place no seal on a page, and its QR code is a watermark annotation.
    expect(corpus.lincang.value.stamps).toEqual([]);
  });

  it('rebuilds a ruled form as a table, and records handwriting as seals and a note as a message', () => {
    const table = corpus.shouwen.value.blocks.find((block): block is SourceTable => block.kind === 'table');
    expect(table?.rows.map((row) => row.map((cell) => cell.text).join('|')).slice(0, 2)).toEqual(['来文文号|府办专督〔2020〕24号|来文单位|市人民政府办公室', '来文日期||阅文时限|']);
    expect(corpus.shouwen.value.stamps).toEqual([
      { page: 1, kind: 'seal' },
      { page: 1, kind: 'seal' },
      { page: 1, kind: 'seal' },
    ]);
    expect(corpus.shouwen.messages).toEqual([expect.objectContaining({ ruleId: 'ingest:ofd-annotation-text', severity: 'info', page: 1, found: '测试文本注释' })]);
  });

  it('reads text drawn through composite graphic units', () => {
    const text = paragraphs(corpus.customs.value.blocks).join('');
    expect(corpus.customs.value.pages).toBe(3);
    expect(text).toContain('建设新时代海关数字档案室');
    expect(text).toContain('海关总署数字档案室系统基础设施和硬件架构图');
  });

  it('converts every file to a record through the whole pipeline', async () => {
    for (const name of Object.values(FILES)) {
      const record = await parse(pathOf(name));
      expect(record.source.format).toBe('ofd');
    }
    const luqiao = await parse(pathOf(FILES.luqiao));
    expect({
      title: luqiao.title,
      docNumber: luqiao.docNumber?.normalized,
      issuers: luqiao.issuers,
      recipients: luqiao.recipients?.raw,
      signDate: luqiao.signDate,
      printDate: luqiao.printDate,
      cited: luqiao.citedDocuments.map((cited) => cited.docNumber.normalized),
    }).toEqual({
      title: '关于同意张阿三同志辞职的批复',
      docNumber: '路卫发〔2011〕76号',
      issuers: ['测试符路桥区卫生局办公室'],
      recipients: '区中医院',
      signDate: '2011-03-10',
      printDate: '2011-03-10',
      cited: ['路中医发〔2011〕10号', '浙人才〔1993〕73号'],
    });
  });
});
