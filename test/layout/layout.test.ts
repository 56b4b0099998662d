import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/index.js';
import type { Block, HeadingBlock, MetadataBlock, SourceBlock, TableBlock } from '../../src/model/document.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

function blockTexts(text: string): Array<[Block['type'], string]> {
  const document = documentFromText(text);
  return document.blocks.map((block) => [block.type, spanned(document, block.span)]);
}

describe('headings', () => {
  it.each([
    ['一、指导思想', 'cn', 1, '一、', 1, false],
    ['（一）新闻报道。在报纸上宣传。', 'cn-paren', 2, '（一）', 1, true],
    ['(十五) 利用科技周平台', 'cn-paren', 2, '(十五)', 15, false],
    ['3.市自然资源和规划部门完成审查', 'arabic', 3, '3.', 3, false],
    ['2、农机新产品', 'arabic', 3, '2、', 2, false],
    ['（4）威青高速收费站出入口', 'arabic-paren', 4, '（4）', 4, false],
    ['②每个广场至少设置1个', 'circled', 5, '②', 2, false],
    ['第十二条 鼓励新型研发机构', 'article', 3, '第十二条', 12, false],
    ['第三章 附则', 'chapter', 1, '第三章', 3, false],
  ])('%s', (text, scheme, level, marker, ordinal, runIn) => {
    const [block] = documentFromText(text).blocks as HeadingBlock[];
    expect(block).toMatchObject({ type: 'heading', scheme, level, marker, ordinal, runIn });
  });

  it.each([['一是宣传国家质量法律法规'], ['1.5万元补贴'], ['2018年各区市'], ['第一期：2013年11月12日'], ['十分重要']])('%s is not a heading', (text) => {
    expect(documentFromText(text).blocks[0]?.type).toBe('paragraph');
  });
});

describe('canonical text and spans', () => {
  it('gives every block a span into one text, blocks separated by a line break', () => {
    const document = documentFromText('关于印发方案的通知\n\n各镇人民政府：\n一、指导思想');
    expect(document.text).toBe('关于印发方案的通知\n各镇人民政府：\n一、指导思想');
    expect(document.blocks.map((block) => spanned(document, block.span))).toEqual(['关于印发方案的通知', '各镇人民政府：', '一、指导思想']);
  });

  it('folds look-alike radicals into the ideographs they stand for', () => {
    const document = documentFromText('关于印发⻄安市⽂明城市创建⼯作⽅案的通知');
    expect(document.text).toBe('关于印发西安市文明城市创建工作方案的通知');
  });

  it('keeps tables as rows and cells, each cell with its span', () => {
    const document = documentFromText('序号\t事项\t完成时限\n1\t制作短片。\t11.20\n\n2\t制作动漫。\t11.15');
    const table = document.blocks[0] as TableBlock;
    expect(table.type).toBe('table');
    expect(table.rows.map((row) => row.cells.map((cell) => spanned(document, cell.span)))).toEqual([
      ['序号', '事项', '完成时限'],
      ['1', '制作短片。', '11.20'],
      ['2', '制作动漫。', '11.15'],
    ]);
  });

  it('keeps a cell with several paragraphs whole, and merged cells', () => {
    const document = documentFromBlocks([{ kind: 'table', rows: [[{ text: '类别', rowSpan: 2 }, { text: '第一段\n第二段', colSpan: 2 }], [{ text: 'x' }, { text: 'y' }]] }], 'docx');
    const table = document.blocks[0] as TableBlock;
    expect(spanned(document, table.rows[0]!.cells[1]!.span)).toBe('第一段\n第二段');
    expect(table.rows[0]!.cells[0]).toMatchObject({ rowSpan: 2 });
    expect(table.rows[0]!.cells[1]).toMatchObject({ colSpan: 2 });
  });
});

describe('metadata', () => {
  it('reads portal label:value lines, spaced-out labels too', () => {
    const document = documentFromText('索 引 号:640100-000/2019-00015 效力状态:有效\n发布机构:银川市委办公室 成文日期:2019-02-22\n名 称:关于印发方案的通知\n关于印发方案的通知');
    const metadata = document.blocks[0] as MetadataBlock;
    expect(metadata.type).toBe('metadata');
    expect(metadata.fields.map((field) => [field.label, field.value])).toEqual([
      ['索引号', '640100-000/2019-00015'],
      ['效力状态', '有效'],
      ['发布机构', '银川市委办公室'],
      ['成文日期', '2019-02-22'],
      ['名称', '关于印发方案的通知'],
    ]);
    for (const field of metadata.fields) expect(spanned(document, field.valueSpan)).toBe(field.value);
    expect(document.blocks[1]?.type).toBe('paragraph');
  });

  it('reads values after tabs at their true offsets', () => {
    const document = documentFromBlocks(
      [{ kind: 'paragraph', text: '发布机构：\t\t南宁市发展和改革委员会' }, { kind: 'paragraph', text: '成文日期：\t2025年10月10日' }],
      'docx',
    );
    const metadata = document.blocks[0] as MetadataBlock;
    expect(metadata.fields.map((field) => [field.value, spanned(document, field.valueSpan)])).toEqual([
      ['南宁市发展和改革委员会', '南宁市发展和改革委员会'],
      ['2025年10月10日', '2025年10月10日'],
    ]);
  });

  it('accepts a lone line only for a label that portals alone use', () => {
    expect(documentFromText('发布日期:2019-05-25').blocks[0]?.type).toBe('metadata');
    expect(documentFromText('名称：质量强市').blocks[0]?.type).toBe('paragraph');
  });

  it('writes structured metadata from a web page as label：value lines', () => {
    const document = documentFromBlocks([{ kind: 'metadata', entries: [{ label: '发文字号', value: '渝经信发〔2024〕58号' }] }], 'html');
    expect(document.text).toBe('发文字号：渝经信发〔2024〕58号');
  });
});

describe('parts, attachments and the 版记', () => {
  const text = [
    '关于印发方案的通知',
    '附件：1. 计划安排表',
    '2. 采访活动安排',
    '东莞市质量强市领导小组办公室',
    '2013年11月6日',
    '附件 1',
    '计划安排表',
    '附件2',
    '采访活动安排',
    '抄送：市委办公室。',
    '东莞市质量技术监督局办公室',
    '2013年11月6日印发',
  ].join('\n');

  it('opens a part at each attachment label and ends with the record part', () => {
    const document = documentFromText(text);
    expect(document.parts.map((part) => [part.kind, part.label ?? '', spanned(document, part.span).split('\n')[0]])).toEqual([
      ['main', '', '关于印发方案的通知'],
      ['attachment', '附件1', '附件 1'],
      ['attachment', '附件2', '附件2'],
      ['record', '', '抄送：市委办公室。'],
    ]);
  });

  it('marks the 抄送 line, the printing organ and the 印发 date as record lines', () => {
    const records = documentFromText(text).blocks.filter((block) => block.type === 'record');
    expect(records.map((block) => (block.type === 'record' ? block.role : ''))).toEqual(['copy-to', 'printed', 'printed']);
  });

  it.each([
    ['附件：\n1.浙江省城市道路占道收费项目和标准'],
    ['附件：\n浙江省城市道路占道收费项目和标准'],
  ])('reads a bare 附件： as the attachment note, not a label: %j', (text) => {
    expect(blockTexts(text)[0]).toEqual(['paragraph', '附件：']);
  });

  it.each([['附件'], ['附件 2'], ['附件二'], ['附件1：']])('reads %s alone on its line as a label', (label) => {
    expect(blockTexts(label)[0]?.[0]).toBe('attachment');
  });
});

describe('furniture', () => {
  it('keeps lines of a notice that only look like a portal footer', () => {
    const document = documentFromText('关于举办展销会的通知\n主办单位：市商务局\n承办单位：市会展中心\n技术支持：市信息中心');
    expect(document.blocks).toHaveLength(4);
  });

  it('drops page numbers and portal chrome and says how many', () => {
    const result = layout({
      source: { format: 'text', bytes: 0, sha256: '0'.repeat(64) },
      blocks: ['无障碍 | 长者版', '当前位置: 首页>政府信息公开', '关于印发方案的通知', '— 3 —', '- 4 -', '【打印】 【关闭】', '扫一扫在手机打开当前页', '关闭'].map((line) => ({ kind: 'paragraph' as const, text: line })),
    });
    expect(result.value.text).toBe('关于印发方案的通知');
    expect(result.messages.map((message) => message.ruleId)).toEqual(['layout:page-numbers-removed', 'layout:chrome-removed']);
  });

  it('drops a trailing list of unrelated links from plain text, not from the notice', () => {
    const links = ['重阳节小班活动方案', '餐厅春节主题活动方案范文', '关于物业管理方案锦集八篇', '公司员工趣味游戏活动方案', '圣诞自助餐的活动主题策划方案'];
    const document = documentFromText(['争创质量强市示范区的宣传方案', '示范创建宣传活动集中宣传时段为2013年5月至9月。', ...links].join('\n'));
    expect(document.text).toBe('争创质量强市示范区的宣传方案\n示范创建宣传活动集中宣传时段为2013年5月至9月。');
  });

  it.each([
    ['a list of names', ['第六届重庆市工艺美术大师名单', '刁显超     王  峰     王希军', '刘  炜     刘明君     刘嘉佳', '张仪强', '张芃芃', '张俊德']],
    ['an attachment note, a signature and a date', ['请认真贯彻执行。', '附件：1. 计划安排表', '2. 采访活动安排', '3. 宣传联络员报名回执表', '东莞市质量强市领导小组办公室', '2013年11月6日']],
    ['a 版记', ['请认真贯彻执行。', '抄送：市委办公室，市人大常委会办公室，市政协办公室', '某某市人民政府办公室', '2019年3月26日印发', '共印50份', '（此件公开发布）']],
  ])('keeps %s at the end of plain text', (_, lines) => {
    const document = documentFromText(lines.join('\n'));
    expect(document.blocks).toHaveLength(lines.length);
  });
});

describe('paragraphs broken by a page break in plain text', () => {
  it('joins a sentence cut at the end of a page', () => {
    expect(documentFromText('二是宣传各级党委政府对质量工作的决策部署，以及各级各部门贯彻落\n\n实情况；三是宣传工作进展。').text).toBe(
      '二是宣传各级党委政府对质量工作的决策部署，以及各级各部门贯彻落实情况；三是宣传工作进展。',
    );
  });

  it.each([
    ['a title before the addressees', '关于印发乳山市落实威海市创建全国质量强市示范城市宣传工作方案的通知\n各镇人民政府，市政府有关部门：'],
    ['a contact line before the attachment note', '邮 箱：rsszlk@126.com， 电话：6664315\n附件：1. 任务分解表'],
    ['a line before a heading', '各部门要加强协调配合，形成工作合力，共同推\n二、工作要求'],
    ['signature lines', '中共东莞市委宣传部\n东莞市质量强市领导小组办公室'],
  ])('does not join %s', (_, text) => {
    expect(documentFromText(text).blocks).toHaveLength(2);
  });
});

describe('attachment titles wrapped by hand', () => {
  const paragraph = (text: string, align: 'justify' | 'right' = 'justify'): SourceBlock => ({ kind: 'paragraph', text, style: { align } });
  const texts = (lines: string[]): string[] => {
    const document = documentFromBlocks(lines.map((line) => paragraph(line)), 'doc');
    return document.blocks.map((block) => spanned(document, block.span));
  };

  it('joins the end of a title that its author put on a line of its own', () => {
    expect(texts(['附件：2024—2026年海南省农机购置与应用补贴机具种类范', '围', '附件'])).toEqual(['附件：2024—2026年海南省农机购置与应用补贴机具种类范围', '附件']);
  });

  it('joins it under a numbered title of the note and under a labelled one', () => {
    expect(texts(['附件：1.计划安排表', '2.广州南沙新区创建期新型研发机构入库申请材料清单及申', '请表', '3.承诺书'])).toEqual([
      '附件：1.计划安排表',
      '2.广州南沙新区创建期新型研发机构入库申请材料清单及申请表',
      '3.承诺书',
    ]);
    expect(texts(['附件1.封面模板', '附件2.广州南沙新区创建期新型研发机构入库申请材料清单及申', '请表'])).toEqual(['附件1.封面模板', '附件2.广州南沙新区创建期新型研发机构入库申请材料清单及申请表']);
  });

  it('reads a long run of note items in linear time', () => {
    const items = Array.from({ length: 20_000 }, (_, index) => [`${index + 1}.计划安排`, '表']).flat();
    expect(texts(['附件：', ...items])).toHaveLength(items.length + 1);
  });

  it.each([
    ['a signature below the note', [paragraph('附件：计划安排表'), paragraph('财政部'), paragraph('2024年3月1日')]],
    ['a signature without an organisation suffix', [paragraph('附件：1.推荐名额分配表'), paragraph('2.推荐审批表'), paragraph('省妇联'), paragraph('2024年3月1日')]],
    ['a short line under a full one', [paragraph('附件：2024—2026年海南省农机购置与应用补贴机具种类范围'), paragraph('特此通知')]],
    ['a title that did not reach the margin', [paragraph('附件2.目录模板'), paragraph('承诺书')]],
    ['a complete title and a date', [paragraph('附件：计划安排表'), paragraph('2024年3月1日')]],
    ['a short line that is not under the note', [paragraph('全省补贴机具种类范'), paragraph('围')]],
    ['a title that ends in a bracket', [paragraph('附件：实施方案（试行）'), paragraph('围')]],
    ['a line set apart by its alignment', [paragraph('附件：计划安排'), paragraph('表', 'right')]],
  ])('does not join %s', (_, blocks) => {
    expect(documentFromBlocks(blocks, 'doc').blocks).toHaveLength(blocks.length);
  });
});
