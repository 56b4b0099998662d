import { describe, expect, it } from 'vitest';
import { findDocNumbers, normalizedDocNumber } from '../../src/extract/doc-number.js';
import { extract } from '../../src/extract/index.js';
import { documentFromBlocks, documentFromText, fieldsOf, spanned } from '../helpers.js';

describe('findDocNumbers', () => {
  it.each([
    ['乳质强字〔2018〕2号', '乳质强字〔2018〕2号', false],
    ['渝经信发[2024]58号', '渝经信发〔2024〕58号', false],
    ['唐港城办发【2019】第9号', '唐港城办发〔2019〕9号', false],
    ['东质强办（2013）41号', '东质强办〔2013〕41号', false],
    ['新开(2019)70号', '新开〔2019〕70号', false],
    ['通银保监办﹝2020﹞47号', '通银保监办〔2020〕47号', false],
    ['唐港城办发〔2019〕9 号', '唐港城办发〔2019〕9号', false],
    ['浙价费〔２００７〕１３６号', '浙价费〔2007〕136号', false],
    ['宁党发〔201817号', '宁党发〔2018〕17号', true],
  ])('reads %s as %s', (text, normalized, repaired) => {
    const [found] = findDocNumbers(text);
    expect(found && normalizedDocNumber(found)).toBe(normalized);
    expect(found?.repaired).toBe(repaired);
  });

  it.each([
    ['根据《威海市创建全国质量强市示范城市实施方案》（威政办字〔2016〕85号）', '威政办字'],
    ['按照唐政办发〔2019〕1号文件要求', '唐政办发'],
    ['依据《意见》(宁党发〔201817号)精神', '宁党发'],
    ['见2号文件和唐政办发〔2019〕1号', '唐政办发'],
    ['详见国发〔2017〕5号', '国发'],
    ['（见国发〔2017〕5号）', '国发'],
    ['现将唐政发〔2019〕1号文件转发给你们', '唐政发'],
    ['经报请市政府同意唐政发〔2019〕1号', '唐政发'],
    ['依兰县政发〔2020〕1号', '依兰县政发'],
    ['和政发〔2019〕3号', '和政发'],
    ['即墨政发〔2019〕3号', '即墨政发'],
  ])('keeps the organ code apart from the words before it: %s', (text, organ) => {
    const [found] = findDocNumbers(text);
    expect(found?.organ).toBe(organ);
    expect(found?.start).toBe(text.indexOf(organ));
  });

  it.each([
    ['2018年4月15日'],
    ['〔2018〕2号'],
    ['第〔2018〕号'],
    ['渝经信发2024058关于公布的通知.doc'],
    ['（2024）湛仲字第2342号'],
    ['电话：0769-12345678'],
  ])('finds nothing in %s', (text) => {
    expect(findDocNumbers(text)).toEqual([]);
  });
});

describe('docNumber extractor', () => {
  it('takes the number printed on its own line above the title, with its span', () => {
    const document = documentFromText('XX市人民政府文件\n\n X政发〔2020〕3号\n关于做好春耕的通知\n各县区人民政府：\n现将有关事项通知如下。');
    const { docNumber } = extract(document).value;
    expect(docNumber?.normalized).toBe('X政发〔2020〕3号');
    expect(docNumber?.source).toBe('header');
    expect(spanned(document, docNumber!.span)).toBe(docNumber!.raw);
  });

  it('accepts the number in brackets under a published title and beside 签发人', () => {
    expect(fieldsOf('浙江省物价局关于收费的通知\n（浙价费〔2007〕136号）\n各市物价局：\n现通知如下。').docNumber?.normalized).toBe('浙价费〔2007〕136号');
    expect(fieldsOf('苏政发〔2021〕8号 签发人：张三\n关于开展检查的通知\n各市人民政府：\n现通知如下。').docNumber?.normalized).toBe('苏政发〔2021〕8号');
  });

  it('does not take a cited number from the body as the notice own', () => {
    expect(fieldsOf('关于开展检查的通知\n各市人民政府：\n根据《意见》（国发〔2019〕3号），现通知如下。').docNumber).toBeUndefined();
  });

  it('falls back to the portal 发文字号 field, and warns when the two disagree', () => {
    const portalOnly = extract(documentFromBlocks([{ kind: 'metadata', entries: [{ label: '发文字号', value: '渝经信发〔2024〕58号' }] }, { kind: 'paragraph', text: '关于公布结果的通知' }], 'html'));
    expect(portalOnly.value.docNumber).toMatchObject({ normalized: '渝经信发〔2024〕58号', source: 'metadata' });

    const both = extract(
      documentFromBlocks(
        [
          { kind: 'metadata', entries: [{ label: '发文字号', value: '渝经信发〔2024〕59号' }] },
          { kind: 'paragraph', text: '渝经信发〔2024〕58号' },
          { kind: 'paragraph', text: '关于公布结果的通知' },
        ],
        'html',
      ),
    );
    expect(both.value.docNumber?.normalized).toBe('渝经信发〔2024〕58号');
    expect(both.messages).toEqual([expect.objectContaining({ ruleId: 'extract:doc-number', found: '渝经信发〔2024〕59号' })]);
  });

  it('repairs a damaged number and says so', () => {
    const result = extract(documentFromText('宁党发〔201817号\n关于加快推进质量强区建设的实施意见\n各市县党委：\n现提出如下意见。'));
    expect(result.value.docNumber?.normalized).toBe('宁党发〔2018〕17号');
    expect(result.messages.map((message) => message.ruleId)).toContain('extract:doc-number');
  });
});
