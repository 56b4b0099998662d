import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, fieldsOf, spanned } from '../helpers.js';

const HEAD = '关于印发方案的通知\n各镇人民政府：\n请认真组织实施。\n';

describe('attachments extractor', () => {
  it.each([
    ['附件：1. 2018 年各区市“城市质量精神”宣传工作任务分解表\n2. 乳山市创建全国质量强市示范城市宣传口号', ['2018年各区市“城市质量精神”宣传工作任务分解表', '乳山市创建全国质量强市示范城市宣传口号']],
    ['附件：第六届重庆市工艺美术大师名单', ['第六届重庆市工艺美术大师名单']],
    ['附件：\n1.浙江省城市道路占道收费项目和标准；\n2.浙江省城市道路挖掘修复费收费标准。', ['浙江省城市道路占道收费项目和标准', '浙江省城市道路挖掘修复费收费标准']],
    ['附件：1.封面模板 2.目录模板 3.承诺书', ['封面模板', '目录模板', '承诺书']],
    ['附件：《2024—2026年补贴机具种类范围》.docx', ['2024—2026年补贴机具种类范围']],
    ['附件:', []],
    ['附件：\n第六届重庆市工艺美术大师名单', ['第六届重庆市工艺美术大师名单']],
  ])('%#: reads the attachment note', (note, titles) => {
    const document = documentFromText(`${HEAD}${note}\n乳山市质量强市工作领导小组\n2018年4月15日`);
    const { attachments } = extract(document).value;
    expect(attachments.map((attachment) => attachment.title)).toEqual(titles);
    for (const attachment of attachments) expect(spanned(document, attachment.span)).toBe(attachment.raw);
  });

  it('reads a note written as one labelled line a title', () => {
    const fields = fieldsOf(`${HEAD}附件1.封面模板\n附件2.目录模板\n附件3.南沙区创建期新型研发机构入库申请表\n附件4.承诺书\n乳山市质量强市工作领导小组`);
    expect(fields.attachments.map((attachment) => [attachment.number, attachment.title])).toEqual([[1, '封面模板'], [2, '目录模板'], [3, '南沙区创建期新型研发机构入库申请表'], [4, '承诺书']]);
  });

  it('reads labelled lines under a 附件： of their own', () => {
    const fields = fieldsOf(`${HEAD}附件：\n附件1.封面模板\n附件2.目录模板\n乳山市质量强市工作领导小组`);
    expect(fields.attachments.map((attachment) => [attachment.number, attachment.title])).toEqual([[1, '封面模板'], [2, '目录模板']]);
  });

  it.each([['附件1、2中的数据请各单位认真填写，于3月5日前报送。'], ['附件1：各地推荐名额分配表所列名额为上限。']])('takes no note from the sentence %s', (sentence) => {
    expect(fieldsOf(`${HEAD}${sentence}\n乳山市质量强市工作领导小组`).attachments).toEqual([]);
  });

  it('takes 附件1.doc for the name of a file to download, not a note', () => {
    expect(fieldsOf(`${HEAD}附件信息:\n附件1.doc\n附件2.xls`).attachments).toEqual([]);
  });

  it('stops at the first line that does not continue the numbering', () => {
    const fields = fieldsOf(`${HEAD}附件：1. 计划安排表\n2. 采访活动安排\n4. 不属于附件说明的条目`);
    expect(fields.attachments.map((attachment) => attachment.title)).toEqual(['计划安排表', '采访活动安排']);
  });

  it('ignores references to attachments in running text and attachment labels', () => {
    const fields = fieldsOf(`${HEAD}具体安排见附件1。\n附件1\n计划安排表`);
    expect(fields.attachments).toEqual([]);
  });
});
