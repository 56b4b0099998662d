import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, spanned } from '../helpers.js';

function docTypeOf(title: string) {
  const document = documentFromText(`${title}\n各有关单位：\n现将有关事项通知如下。`);
  const { docType } = extract(document).value;
  return docType && { value: docType.value, spanned: spanned(document, docType.span) };
}

describe('docType extractor', () => {
  it.each([
    ['关于印发宣传工作方案的通知', '通知'],
    ['关于全面推进“多测合一”改革的实施意见', '意见'],
    ['关于同意张阿三同志辞职的批复', '批复'],
    ['广州南沙新区促进科技创新产业发展扶持办法（试行）', '办法'],
    ['关于调整收费标准的方案（征求意见稿）', '方案'],
    ['江西省2022年国民经济和社会发展统计公报[1]', '公报'],
    ['中华人民共和国主席命令', '命令'],
    ['关于征求修改意见的函', '函'],
    ['关于表彰先进集体的决定', '决定'],
    ['市政府常务会议纪要', '纪要'],
  ])('%s is a %s', (title, type) => {
    expect(docTypeOf(title)).toEqual({ value: type, spanned: type });
  });

  it.each([['关于申报研发机构入库的办事指南'], ['第六届重庆市工艺美术大师名单'], ['2022年公务员考试大纲']])('%s has no document type', (title) => {
    expect(docTypeOf(title)).toBeUndefined();
  });
});
