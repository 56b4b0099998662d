import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromBlocks, documentFromText, fieldsOf, spanned } from '../helpers.js';

describe('title and docType extractors', () => {
  it.each([
    ['乳质强字〔2018〕2号\n关于印发宣传工作方案的通知\n各镇人民政府：\n请认真组织实施。', '关于印发宣传工作方案的通知', '通知'],
    ['东莞市质量强市领导小组办公室文件\n东质强办〔2013〕41号\n关于印发《创建全国质量强市示范城市 验收宣传工作方案》的通知\n各镇（街道）：\n请认真抓好落实。', '关于印发《创建全国质量强市示范城市验收宣传工作方案》的通知', '通知'],
    ['重庆市经济和信息化委员会\n重庆市人力资源和社会保障局\n关于公布第六届重庆市工艺美术大师\n评选认定结果的通知\n各区县经济信息委：\n现予以公告。', '重庆市经济和信息化委员会重庆市人力资源和社会保障局关于公布第六届重庆市工艺美术大师评选认定结果的通知', '通知'],
    ['新乡高新区管委会关于印发宣传工作方案的通知\n发布日期:2019-05-25\n新开〔2019〕70号\n各有关部门:\n请认真遵照执行。', '新乡高新区管委会关于印发宣传工作方案的通知', '通知'],
    ['争创质量强市示范区的宣传方案\n为全面推进质量强区建设，制订本宣传工作方案。', '争创质量强市示范区的宣传方案', '方案'],
    ['广州南沙新区促进科技创新产业发展扶持办法（试行）\n第一条 为落实有关精神，制定本办法。', '广州南沙新区促进科技创新产业发展扶持办法（试行）', '办法'],
    ['关于同意张阿三同志辞职的批复\n区中医院：\n你院《请示》收悉。经研究，同意。', '关于同意张阿三同志辞职的批复', '批复'],
    ['海南省农业农村厅 海南省财政厅\n关于印发 2024-2026 年海南省农机\n购置与应用补贴实施方案的通知\n各市、县农业农村局：\n请遵照执行。', '海南省农业农村厅海南省财政厅关于印发2024-2026年海南省农机购置与应用补贴实施方案的通知', '通知'],
  ])('%#: reads the title and its type', (text, title, docType) => {
    const document = documentFromText(text);
    const fields = extract(document).value;
    expect(fields.title?.value).toBe(title);
    expect(fields.docType?.value).toBe(docType);
    expect(spanned(document, fields.title!.span)).toBe(fields.title!.raw);
    expect(spanned(document, fields.docType!.span)).toBe(docType);
  });

  it('uses the portal 名称 field when the page has no title line', () => {
    const document = documentFromBlocks(
      [
        { kind: 'metadata', entries: [{ label: '名称', value: '关于做好防汛工作的通知' }, { label: '索引号', value: '001/2020-01' }] },
        { kind: 'paragraph', text: '今年汛期形势复杂，各地要高度重视。' },
      ],
      'html',
    );
    expect(extract(document).value.title).toMatchObject({ value: '关于做好防汛工作的通知', source: 'metadata' });
  });

  it('leaves docType empty for a title that ends with no document type', () => {
    const fields = fieldsOf('关于申报南沙区创建期新型研发机构入库的办事指南\n一、申报条件\n申报单位应当具备以下条件。');
    expect(fields.title?.value).toBe('关于申报南沙区创建期新型研发机构入库的办事指南');
    expect(fields.docType).toBeUndefined();
  });

  it('never runs a title over a table or a metadata block', () => {
    const document = documentFromBlocks(
      [
        { kind: 'paragraph', text: '网站支持IPV6' },
        { kind: 'table', rows: [[{ text: '发文机关：' }, { text: '南宁市发展和改革委员会' }]] },
        { kind: 'metadata', entries: [{ label: '标题', value: '关于调整价格的通知' }, { label: '效力状态', value: '有效' }] },
        { kind: 'paragraph', text: '关于调整管道燃气价格的通知' },
        { kind: 'paragraph', text: '各城区人民政府：' },
        { kind: 'paragraph', text: '现将有关事项通知如下。' },
      ],
      'pdf',
    );
    const { title } = extract(document).value;
    expect(title?.value).toBe('关于调整管道燃气价格的通知');
    expect(title && spanned(document, title.span)).toBe('关于调整管道燃气价格的通知');
  });

  it('never takes the 版头 or the number line as part of the title', () => {
    const fields = fieldsOf('东莞市质量强市领导小组办公室文件\n东质强办〔2013〕41号\n关于印发方案的通知\n各镇（街道）：\n请落实。');
    expect(fields.title?.value).toBe('关于印发方案的通知');
  });
});
