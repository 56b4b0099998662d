import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { namesIn } from '../../src/extract/units/names.js';
import type { SourceBlock } from '../../src/model/document.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

const HEAD = '关于开展质量宣传的通知\n各镇人民政府：\n';

function unitsOf(body: string): Array<[string, string[]]> {
  const document = documentFromText(`${HEAD}${body}`);
  const units = extract(document).value.units;
  for (const unit of units) for (const mention of unit.mentions) expect(spanned(document, mention.span)).toBe(mention.raw);
  return units.map((unit) => [unit.name, unit.roles]);
}

function table(rows: string[][]): SourceBlock[] {
  return [
    { kind: 'paragraph', text: '关于开展质量宣传的通知' },
    { kind: 'paragraph', text: '各镇人民政府：' },
    { kind: 'paragraph', text: '现将工作安排表印发给你们，请认真落实。' },
    { kind: 'table', rows: rows.map((row) => row.map((text) => ({ text }))) },
  ];
}

describe('unit names', () => {
  it.each([
    ['各县(市)区人民政府市工信局、市发改委', ['各县(市)区人民政府', '市工信局', '市发改委']],
    ['市粮食和物资储备局市葡萄酒产业发展服务中心', ['市粮食和物资储备局', '市葡萄酒产业发展服务中心']],
    ['宣传部及各镇街、部门和相关单位', ['宣传部', '各镇街', '部门', '相关单位']],
    ['市质量强市领导小组办公室', ['市质量强市领导小组办公室']],
    ['质量强市工作领导小组各成员单位', ['质量强市工作领导小组各成员单位']],
    ['人民银行银川中心支行', ['人民银行银川中心支行']],
    ['中国移动 中国联通 中国电信', ['中国移动', '中国联通', '中国电信']],
    ['市质量强市领导小组办公室（以下简称“强市办”）', ['市质量强市领导小组办公室']],
    ['市财政局、市发展改革委（物价局）', ['市财政局', '市发展改革委（物价局）']],
  ])('splits %s', (text, expected) => {
    expect(namesIn(text).map((piece) => piece.name)).toEqual(expected);
  });
});

describe('units extractor', () => {
  it('reads 责任单位 notes with role words, quantities and 等 removed', () => {
    expect(unitsOf('（一）报纸宣传。每周至少宣传一次。(责任单位：市委宣传部牵头，质量强市工作领导小组各成员单位每月至少一次提供素材)')).toEqual([
      ['市委宣传部', ['lead']],
      ['质量强市工作领导小组各成员单位', ['responsible']],
    ]);
    expect(unitsOf('（一）在企业宣传不少于20家（责任单位：农业局、海渔局各不少于10家）；（责任单位：行政执法局、城区街道办等）')).toEqual([
      ['农业局', ['responsible']],
      ['海渔局', ['responsible']],
      ['行政执法局', ['responsible']],
      ['城区街道办', ['responsible']],
    ]);
  });

  it('reads several labels in one bracketed note, and a list closed by 等部门 before its role word', () => {
    expect(unitsOf('（一）开展专项检查（牵头单位：市政府办；配合单位：市财政局）。')).toEqual([
      ['市政府办', ['lead']],
      ['市财政局', ['assist']],
    ]);
    expect(unitsOf('（二）市委宣传部、市文广新局等部门负责组织实施。')).toEqual([
      ['市委宣传部', ['lead']],
      ['市文广新局', ['lead']],
    ]);
  });

  it('reads a long line of labels', () => {
    expect(unitsOf(`（一）${'责任单位：市财政局'.repeat(5000)}`)).toEqual([['市财政局', ['responsible']]]);
  });

  it('reads X牵头协调Y as lead and assist', () => {
    expect(unitsOf('（一）手机短信宣传每年不少于2次。（责任单位：经信局牵头协调联通、移动、电信等部门）')).toEqual([
      ['经信局', ['lead']],
      ['联通', ['assist']],
      ['移动', ['assist']],
      ['电信', ['assist']],
    ]);
  });

  it('reads a 责任单位 line after its task and stops where it runs into prose', () => {
    expect(unitsOf('（一）扎实开展质量提升行动。\n责任单位:各县(市)区人民政府市市场监管局、市卫健委强化信用信息收集，加强质量信用体系建设。')).toEqual([
      ['各县(市)区人民政府', ['responsible']],
      ['市市场监管局', ['responsible']],
      ['市卫健委', ['responsible']],
    ]);
  });

  it('reads （X负责，Y协助） notes: the responsible unit leads', () => {
    expect(unitsOf('（一）制作宣传短片（东莞广播电视台负责，宣传部、强市办协助）。\n（二）印制海报（强市办负责）。')).toEqual([
      ['东莞广播电视台', ['lead']],
      ['宣传部', ['assist']],
      ['强市办', ['lead', 'assist']],
    ]);
  });

  it('reads a 责任单位 column as lead beside a 协助单位 column, and as responsible alone', () => {
    const withAssist = extract(documentFromBlocks(table([
      ['序号', '事项', '完成时限', '责任单位', '协助单位'],
      ['1', '制作宣传片。', '11.20', '东莞广播电视台', '宣传部、强市办'],
      ['2', '发送短信。', '11.20', '中国移动 中国联通', '强市办'],
    ]))).value.units;
    expect(withAssist.map((unit) => [unit.name, unit.roles])).toEqual([
      ['东莞广播电视台', ['lead']],
      ['宣传部', ['assist']],
      ['强市办', ['assist']],
      ['中国移动', ['lead']],
      ['中国联通', ['lead']],
    ]);
    const alone = extract(documentFromBlocks(table([['工作任务', '责任单位'], ['开展宣传。', '市城管局']]))).value.units;
    expect(alone.map((unit) => [unit.name, unit.roles])).toEqual([['市城管局', ['responsible']]]);
  });

  it('reads 主办, 协办 and 会同 in sentences', () => {
    expect(unitsOf('二、组织领导\n由强市办主办，各镇街、成员单位协办。\n三、资金分配\n省财政厅会同省农业农村厅做好资金测算。')).toEqual([
      ['强市办', ['lead']],
      ['各镇街', ['assist']],
      ['成员单位', ['assist']],
      ['省财政厅', ['lead']],
      ['省农业农村厅', ['assist']],
    ]);
  });

  it('links abbreviations the document defines, and near-identical names as inferred', () => {
    const document = documentFromText(
      `${HEAD}三、组织领导\n由市委宣传部和市质量强市领导小组办公室（以下简称“强市办”）负责牵头组织。\n四、任务\n（一）制作短片（强市办负责）。\n（二）喷涂广告（市交通局负责，市轨道交通公司协助）。\n（三）喷涂广告（市交通局负责，市轨道公司协助）。`,
    );
    const units = extract(document).value.units;
    expect(units.find((unit) => unit.name === '强市办')).toMatchObject({ aliasOf: '市质量强市领导小组办公室', aliasSource: 'defined' });
    expect(units.find((unit) => unit.name === '市轨道公司')).toMatchObject({ aliasOf: '市轨道交通公司', aliasSource: 'inferred' });
    expect(units.find((unit) => unit.name === '市交通局')?.aliasOf).toBeUndefined();
  });

  it('names nobody without a role word, a label or a unit column', () => {
    expect(unitsOf('（一）各部门要高度重视，指定领导专职负责，确保各项工作任务顺利推行。\n（二）辖区内及所负责的领域内相关行业协会积极参与。')).toEqual([]);
    expect(unitsOf('本通知由市委宣传部负责解释。')).toEqual([['市委宣传部', ['lead']]]);
    expect(unitsOf('第九条 保险机构有下列情形之一的，上海保监局可约谈公司负责人。')).toEqual([]);
  });

  it('names nobody in a role word that describes a thing (X牵头设立的机构)', () => {
    expect(unitsOf('2.申报单位须是符合以下条件之一的研发机构：\n（1）中国科学院直属科研院所或其他国立科研院所在南沙区牵头设立的研发机构。')).toEqual([]);
    expect(unitsOf('（一）市科技局牵头设立专项资金。')).toEqual([['市科技局', ['lead']]]);
    expect(unitsOf('（一）由市教育局负责组织的考试，各校要配合。')).toEqual([['市教育局', ['lead']]]);
  });

  it('does not count the issuers stating what they themselves do', () => {
    const document = documentFromText(
      '重庆市经济和信息化委员会\n关于举办工艺美术大师评选的通知\n各区县经济信息委：\n重庆市经济和信息化委员会会同重庆市人力资源和社会保障局，决定举办评选。\n重庆市经济和信息化委员会\n2024年5月6日',
    );
    expect(extract(document).value.units.map((unit) => unit.name)).not.toContain('重庆市经济和信息化委员会');
  });
});
