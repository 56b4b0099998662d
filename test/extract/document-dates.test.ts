import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

const HEAD = '关于印发方案的通知\n各镇人民政府：\n现将方案印发给你们，请认真组织实施。\n乳山市质量强市工作领导小组\n';

describe('signDate, publishDate and printDate extractors', () => {
  it.each([
    ['2018年4月15日', '2018-04-15'],
    ['二〇一八年四月十五日', '2018-04-15'],
    ['（2018年4月15日）', '2018-04-15'],
  ])('reads the date under the signature: %s', (line, iso) => {
    const document = documentFromText(`${HEAD}${line}`);
    const { signDate } = extract(document).value;
    expect(signDate).toMatchObject({ value: iso, source: 'signature' });
    expect(spanned(document, signDate!.span)).toBe(signDate!.raw);
  });

  it('reads the date printed in brackets under the title of a document without signature', () => {
    const fields = extract(documentFromText('中共唐山市委文件\n唐发〔2018〕10号\n中共唐山市委\n唐山市人民政府关于进一步优化全市营商环境的意见\n（2018年4月7日）\n为进一步优化全市营商环境，提出如下意见。\n一、总体要求')).value;
    expect(fields.signDate).toMatchObject({ value: '2018-04-07', raw: '2018年4月7日' });
    expect(fields.issuers.map((issuer) => issuer.value)).toEqual(['中共唐山市委', '唐山市人民政府']);
  });

  it('reads a date printed on the same line as the last organ', () => {
    const fields = extract(documentFromText(`${HEAD.replace('乳山市质量强市工作领导小组\n', '')}工作委员会办公室2019年3月26日`)).value;
    expect(fields.signDate?.value).toBe('2019-03-26');
    expect(fields.issuers.map((issuer) => issuer.value)).toEqual(['工作委员会办公室']);
  });

  it('reads a date that lost its separators with the portal 成文日期, and warns', () => {
    const result = extract(
      documentFromBlocks(
        [
          { kind: 'metadata', entries: [{ label: '成文日期', value: '2019-01-11' }] },
          { kind: 'paragraph', text: '关于印发方案的通知' },
          { kind: 'paragraph', text: '各县区：' },
          { kind: 'paragraph', text: '现印发给你们，请认真组织实施。' },
          { kind: 'paragraph', text: '银川市人民政府' },
          { kind: 'paragraph', text: '2019111' },
        ],
        'html',
      ),
    );
    expect(result.value.signDate?.value).toBe('2019-01-11');
    expect(result.messages).toContainEqual(expect.objectContaining({ ruleId: 'extract:sign-date', found: '2019111' }));
  });

  it('leaves an ambiguous damaged date unread without the portal field', () => {
    const result = extract(documentFromText(`${HEAD}2019111`));
    expect(result.value.signDate).toBeUndefined();
    expect(result.messages).toContainEqual(expect.objectContaining({ ruleId: 'extract:sign-date', severity: 'warning' }));
  });

  it('takes 发布日期 only from the portal and 印发日期 only from the 版记', () => {
    const document = documentFromBlocks(
      [
        { kind: 'metadata', entries: [{ label: '发布日期', value: '2013-11-08' }] },
        ...documentFromTextBlocks(`${HEAD}2013年11月6日\n东莞市质量技术监督局办公室\n2013年11月6日印发`),
      ],
      'html',
    );
    const fields = extract(document).value;
    expect(fields.publishDate).toMatchObject({ value: '2013-11-08', source: 'metadata' });
    expect(fields.printDate).toMatchObject({ value: '2013-11-06', source: 'record' });
  });

  it('does not read dates in the body as the signing date', () => {
    const fields = extract(documentFromText('关于开展检查的通知\n各镇人民政府：\n请于2018年5月1日前完成自查。')).value;
    expect(fields.signDate).toBeUndefined();
    expect(fields.printDate).toBeUndefined();
  });

  it('prefers the date under the signature to a schedule date on a line of its own', () => {
    const text = '关于举办培训班的通知\n各镇人民政府：\n现将有关事项通知如下。\n培训时间\n2024年5月10日\n请各单位按时参加。\n某某市人力资源和社会保障局\n2024年4月20日';
    const fields = extract(documentFromText(text)).value;
    expect(fields.signDate?.value).toBe('2024-04-20');
    expect(fields.issuers.map((issuer) => issuer.value)).toEqual(['某某市人力资源和社会保障局']);
  });
});

function documentFromTextBlocks(text: string) {
  return text.split('\n').map((line) => ({ kind: 'paragraph' as const, text: line }));
}
