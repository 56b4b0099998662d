import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, fieldsOf, spanned } from '../helpers.js';

describe('citedDocuments extractor', () => {
  it('lists each cited number once, with the title in 《》 before it', () => {
    const text = [
      '乳质强字〔2018〕2号',
      '关于印发宣传工作方案的通知',
      '各镇人民政府：',
      '根据《威海市创建全国质量强市示范城市实施方案》（威政办字〔2016〕85号）、《宣传工作方案》要求，印发给你们。',
      '又据《威海市人民政府办公室关于印发实施方案的通知》（威政办字〔2016〕85号）和乳政办发〔2017〕36号文件。',
    ].join('\n');
    const document = documentFromText(text);
    const { citedDocuments } = extract(document).value;
    expect(citedDocuments.map((cited) => [cited.docNumber.normalized, cited.title?.value])).toEqual([
      ['威政办字〔2016〕85号', '威海市创建全国质量强市示范城市实施方案'],
      ['乳政办发〔2017〕36号', undefined],
    ]);
    for (const cited of citedDocuments) {
      expect(spanned(document, cited.docNumber.span)).toBe(cited.docNumber.raw);
      if (cited.title) expect(spanned(document, cited.title.span)).toBe(cited.title.raw);
    }
  });

  it('does not cite the notice itself, even where its number is repeated', () => {
    const fields = fieldsOf('东质强办〔2013〕41号\n关于印发方案的通知\n各镇（街道）：\n请落实。\n附件1\n东质强办〔2013〕41号附件');
    expect(fields.citedDocuments).toEqual([]);
  });

  it('reads a damaged cited number as the careful reader would', () => {
    const fields = fieldsOf('关于推进质量强市的方案\n依据《自治区党委 人民政府关于加快推进质量强区建设的实施意见》(宁党发〔201817号)精神，制定本方案。');
    expect(fields.citedDocuments.map((cited) => cited.docNumber.normalized)).toEqual(['宁党发〔2018〕17号']);
    expect(fields.citedDocuments[0]?.docNumber.repaired).toBe(true);
  });

  it('finds numbers in table cells too', () => {
    const fields = fieldsOf('关于清理文件的通知\n序号\t文件\t文号\n1\t暂行办法\t苏政发〔2010〕12号');
    expect(fields.citedDocuments.map((cited) => cited.docNumber.normalized)).toEqual(['苏政发〔2010〕12号']);
  });
});
