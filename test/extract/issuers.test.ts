import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { organsIn } from '../../src/extract/fields/issuers.js';
import { documentFromBlocks, documentFromText, fieldsOf, spanned } from '../helpers.js';

const BODY = '关于印发方案的通知\n各镇人民政府：\n现将方案印发给你们，请认真组织实施。\n';

describe('issuers extractor', () => {
  it.each([
    ['one organ signed above the date', `${BODY}乳山市质量强市工作领导小组\n2018年4月15日`, ['乳山市质量强市工作领导小组'], 'signature'],
    ['two organs on two lines', `${BODY}中共东莞市委宣传部\n东莞市质量强市领导小组办公室\n2013年11月6日`, ['中共东莞市委宣传部', '东莞市质量强市领导小组办公室'], 'signature'],
    ['two organs side by side', `${BODY}中共银川市委员会  银川市人民政府\n2019222`, ['中共银川市委员会', '银川市人民政府'], 'signature'],
    ['a name wrapped onto two lines', `${BODY}唐山市“一港双城”（城镇化）\n工作委员会办公室\n唐山市行政审批局\n2019年3月26日`, ['唐山市“一港双城”（城镇化）工作委员会办公室', '唐山市行政审批局'], 'signature'],
    ['a Chinese-numeral date', `${BODY}浙江省物价局\n浙江省财政厅\n二○○七年五月八日`, ['浙江省物价局', '浙江省财政厅'], 'signature'],
    ['organs before 关于 when unsigned', '新乡高新区管委会关于印发方案的通知\n各有关部门:\n请认真遵照执行。\n2019年4月9日', ['新乡高新区管委会'], 'title'],
    ['run-together organs in the title', '中共银川市委银川市人民政府关于印发方案的通知\n各县区：\n请认真组织实施。', ['中共银川市委', '银川市人民政府'], 'title'],
    ['organ lines above the title', '海南省农业农村厅 海南省财政厅\n关于印发补贴实施方案的通知\n各市县农业农村局：\n请遵照执行。', ['海南省农业农村厅', '海南省财政厅'], 'title'],
    ['the 版头 without 文件', '东莞市质量强市领导小组办公室文件\n东质强办〔2013〕41号\n印发宣传工作方案的通知\n各镇（街道）：\n请落实。', ['东莞市质量强市领导小组办公室'], 'header'],
  ])('%s', (_, text, issuers, source) => {
    const document = documentFromText(text);
    const found = extract(document).value.issuers;
    expect(found.map((issuer) => issuer.value)).toEqual(issuers);
    expect(found.every((issuer) => issuer.source === source)).toBe(true);
    for (const issuer of found) expect(spanned(document, issuer.span)).toBe(issuer.raw);
  });

  it('prefers the signature to the title', () => {
    const fields = fieldsOf('中共银川市委银川市人民政府关于印发方案的通知\n各县区：\n请认真组织实施。\n中共银川市委员会  银川市人民政府\n2019年2月22日');
    expect(fields.issuers.map((issuer) => issuer.value)).toEqual(['中共银川市委员会', '银川市人民政府']);
  });

  it('falls back to the portal 发布机构 (or 来源) field', () => {
    const document = documentFromBlocks(
      [
        { kind: 'metadata', entries: [{ label: '来源', value: '南沙区发改局' }, { label: '发布日期', value: '2017-10-13' }] },
        { kind: 'paragraph', text: '促进科技创新产业发展扶持办法' },
        { kind: 'paragraph', text: '第一条 为落实有关精神，制定本办法。' },
      ],
      'html',
    );
    expect(extract(document).value.issuers).toEqual([expect.objectContaining({ value: '南沙区发改局', source: 'metadata' })]);
  });

  it('finds no issuer in an unsigned, untitled plan', () => {
    expect(fieldsOf('争创质量强市示范区的宣传方案\n为全面推进质量强区建设，制订本方案。').issuers).toEqual([]);
  });

  it.each([
    ['重庆市经济和信息化委员会重庆市人力资源和社会保障局', ['重庆市经济和信息化委员会', '重庆市人力资源和社会保障局']],
    ['浙江省物价局、省财政厅', ['浙江省物价局', '省财政厅']],
    ['银川市人民政府质量和商标战略工作领导小组', ['银川市人民政府质量和商标战略工作领导小组']],
    ['市委宣传部', ['市委宣传部']],
  ])('organsIn splits %s', (text, organs) => {
    expect(organsIn(text).map((piece) => text.slice(piece.start, piece.end))).toEqual(organs);
  });
});
