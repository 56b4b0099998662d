import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { QuotaFinding } from '../../src/extract/findings.js';
import { quotasExtractor, quotasExtractorWith, QUOTA_REFINERS } from '../../src/extract/quotas/index.js';
import type { SourceBlock } from '../../src/model/document.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

const TITLE = '关于开展质量宣传工作的通知';

/** The quotas of a notice whose body is `body`, after checking that every span holds its raw text. */
function quotasOf(body: string): QuotaFinding[] {
  const document = documentFromText(`${TITLE}\n${body}`);
  const { quotas } = extract(document).value;
  for (const quota of quotas) expect(spanned(document, quota.span)).toBe(quota.raw);
  return quotas;
}

function keysOf(body: string): string[] {
  return quotasOf(body).map((quota) => quota.key);
}

function onlyQuota(body: string): QuotaFinding {
  const quotas = quotasOf(body);
  expect(quotas).toHaveLength(1);
  return quotas[0]!;
}

function tableNotice(rows: string[][]): SourceBlock[] {
  return [
    { kind: 'paragraph', text: TITLE },
    { kind: 'paragraph', text: '各镇人民政府：' },
    { kind: 'paragraph', text: '现将工作安排表印发给你们，请认真落实。' },
    { kind: 'table', rows: rows.map((row) => row.map((text) => ({ text }))) },
  ];
}

describe('quotas: comparators', () => {
  it.each([
    ['全年不少于48次。', '>=48次'],
    ['每个过街天桥至少设置公益宣传广告牌 2 个；', '>=2个'],
    ['工业产品质量监督抽查合格率达到95%以上。', '>=95%'],
    ['服务投诉处理和办结率达到100%。', '>=100%'],
    ['规模以上企业研发投入达 3% 。', '>=3%'],
    ['食品检验量不低于4/千人。', '>=4/千人'],
    ['补贴额测算比例不超过上年同档次产品市场销售均价的30%。', '<=30%'],
    ['补贴额测算比例不得超过35%。', '<=35%'],
    ['年资助总额最高不超过300万元。', '<=300万元'],
    ['对同一项目投资给予的奖励最高100万元。', '<=100万元'],
    ['贴息时间最长不超过1年。', '<=1年'],
    ['幅度控制在最高补贴额的20%以内。', '<=20%'],
    ['整个评估周期控制在27个工作日以内。', '<=27个工作日'],
    ['薪酬不高于其薪酬总额的35%。', '<=35%'],
    ['延期支付比例高于50%。', '>50%'],
    ['实际补贴比例超过测算比例15个百分点以上的，及时组织调查。', '>=15个百分点'],
    ['实际补贴比例超过测算比例15个百分点的，及时组织调查。', '>15个百分点'],
    ['不足1平方米的按1平方米计收。', '<1平方米'],
    ['资产负债率低于60%。', '<60%'],
    ['时长约 30 秒。', '~30秒'],
    ['每次培训3小时左右。', '~3小时'],
    ['银川市市长质量管理奖力争达到5家以上。', '>=5家'],
    ['成功推向市场的转为常规补贴，补贴额测算比例调至30%以下。', '<=30%'],
    ['达到200万元(含)以上的知识产权服务机构。', '>=200万元'],
  ])('%s → %s', (body, key) => {
    expect(keysOf(body)[0]).toBe(key);
  });

  it('keys a comparator written after the unit over one written before it', () => {
    expect(onlyQuota('达到95%以上。')).toMatchObject({ comparator: '>=', raw: '达到95%以上' });
  });

  it('lets each number in a list keep its own comparator', () => {
    expect(keysOf('最高给予3000万元、占股比例不超过20%、年限不超过8年的股权投资支持。')).toEqual(['<=3000万元', '<=20%', '<=8年']);
    expect(keysOf('选择不超过10个品目且不超过20个档次的产品。')).toEqual(['<=10个', '<=20个']);
  });

  it('does not carry a comparator across a clause', () => {
    expect(keysOf('所购机具达到规定的年度作业量后，再兑付30%的补贴资金。')).toEqual(['=30%']);
  });
});

describe('quotas: numbers and units', () => {
  it.each([
    ['设计 2 份宣传海报，确定 10 条宣传标语、5 条宣传短信。', ['=2份', '=10条', '=5条']],
    ['共组织10期专题宣传报道。', ['=10期']],
    ['镇街张贴海报不少于100张。', ['>=100张']],
    ['各部门要指定1名宣传联络员。', ['=1名']],
    ['时长 6—8 分钟。', ['=6-8分钟']],
    ['时长6-8分钟，或6～8分钟。', ['=6-8分钟', '=6-8分钟']],
    ['每处补贴0.80-1.50元。', ['=0.80-1.50元']],
    ['吸纳就业1.5万人。', ['=1.5万人']],
    ['按20万元/家的标准给予奖励。', ['=20万元/家']],
    ['申请费资助1000元/件。', ['=1000元/件']],
    ['最高1亿元的建设运行费。', ['<=1亿元']],
    ['补贴面积不超过500平方米。', ['<=500平方米']],
    ['100马力以上拖拉机单机补贴限额不超过10万元。', ['<=10万元']],
    ['设立首期规模5亿元的引导基金。', ['=5亿元']],
    ['申报书摘要300字以内。', ['<=300字']],
    ['全年累计不少于１２０天。', ['>=120天']],
    ['资助金额1,000万元。', ['=1000万元']],
    ['每个单位推荐项目1-3项。', ['=1-3项']],
    ['提供证明材料3项。', ['=3项']],
    ['每个县区确定重点民生事项3-5项。', ['=3-5项']],
    ['各地上报典型经验材料1-2条。', ['=1-2条']],
  ])('%s', (body, keys) => {
    expect(keysOf(body)).toEqual(keys);
  });

  it.each([
    ['每周至少进行一次宣传。', '>=1次'],
    ['各有关部门明确一名信息员。', '=1名'],
    ['各有关部门需指定一名业务骨干作为信息员。', '=1名'],
    ['申报材料一式两份。', '=2份'],
    ['每个研发机构每年可申请一项。', '=1项'],
    ['贷款期限不超过两年。', '<=2年'],
    ['落户三年内纳入统计的。', '<=3年'],
    ['应当在十日内报告。', '<=10日'],
    ['至少每年一次。', '>=1次'],
    ['补贴资金不超过五万元。', '<=5万元'],
    ['培训不少于二十一学时，考核不少于十五次。', '>=15次'],
  ])('reads Chinese numerals: %s → %s', (body, key) => {
    expect(keysOf(body)).toEqual([key]);
  });

  it('reads a Chinese count as a frequency when its clause names a period', () => {
    expect(quotasOf('每季度报告一次，每月开展一次检查。')).toMatchObject([
      { key: '=1次', period: 'quarter', raw: '每季度报告一次' },
      { key: '=1次', period: 'month', raw: '每月开展一次' },
    ]);
  });

  it('takes no cue from a period in another clause', () => {
    expect(keysOf('每月召开例会，作为一项重要任务来抓。')).toEqual([]);
  });

  it.each([
    ['覆盖率不低于百分之九十。', { key: '>=90%', metric: '覆盖率', raw: '不低于百分之九十' }],
    ['百分之五十。', { key: '=50%', value: '50', unit: '%', raw: '百分之五十' }],
    ['知晓率达到百分之九十以上。', { key: '>=90%', raw: '达到百分之九十以上' }],
    ['办结率达到百分之百。', { key: '>=100%', raw: '达到百分之百' }],
    ['不超过百分之十五点五。', { key: '<=15.5%', low: 15.5, high: 15.5 }],
    ['不超过百分之12.5。', { key: '<=12.5%', raw: '不超过百分之12.5' }],
    ['满意度不低于百分之九十一。', { key: '>=91%' }],
  ])('reads a share written in words: %s', (body, expected) => {
    expect(onlyQuota(body)).toMatchObject(expected);
  });

  it('reads a numeral that holds a set word as one number', () => {
    expect(keysOf('不少于五十一个，不超过十万一千元。')).toEqual(['>=51个', '<=101000元']);
  });

  it('reads a rank as the lowest place allowed', () => {
    expect(onlyQuota('泰晤士报世界大学全球排名前200名的高校。')).toMatchObject({ key: '<=200名', raw: '前200名' });
  });

  it('keeps a bound on a count of things, and a bounded measure followed by 的', () => {
    expect(keysOf('或书面委托2家以上有资质的第三方开展评估。')).toEqual(['>=2家']);
    expect(keysOf('年产值在1000万元以上的，给予资助。')).toEqual(['>=1000万元']);
  });

  it('reads 两三个 as an estimate of 2 to 3, never 23', () => {
    expect(onlyQuota('每月组织两三个专题。')).toMatchObject({ key: '~2-3个', comparator: '~', value: '2-3', low: 2, high: 3, approximate: true });
  });

  it('fills value, bounds and unit of a range', () => {
    expect(onlyQuota('时长 6—8 分钟。')).toMatchObject({ raw: '6—8 分钟', comparator: '=', value: '6-8', low: 6, high: 8, unit: '分钟', approximate: false });
  });

  it('reads durations as time limits', () => {
    expect(keysOf('应于2个工作日内做出是否受理的决定，公示时间为5个工作日。')).toEqual(['<=2个工作日', '=5个工作日']);
    expect(keysOf('审批（公示10个工作日，审批3个工作日）。')).toEqual(['=10个工作日', '=3个工作日']);
    expect(keysOf('企业应承诺10年内不迁出我区，给予不超过3年的场租补贴。')).toEqual(['<=10年', '<=3年']);
  });
});

describe('quotas: change, period, scope and metric', () => {
  it('keys a rise like a level and records it as a change', () => {
    expect(onlyQuota('粮油优质品率提高30%。')).toMatchObject({ key: '=30%', change: 'increase', metric: '优质品率' });
    expect(onlyQuota('商标注册量每年递增10%以上。')).toMatchObject({ key: '>=10%', change: 'increase', period: 'year', metric: '注册量' });
    expect(onlyQuota('中国驰名商标力争增加2件以上。')).toMatchObject({ key: '>=2件', change: 'increase' });
    expect(onlyQuota('办理时间减少3个工作日。')).toMatchObject({ key: '=3个工作日', change: 'decrease' });
  });

  it('keys a rise to a level as that level, without a change', () => {
    const quota = onlyQuota('补贴额测算比例可提高至35%。');
    expect(quota).toMatchObject({ key: '=35%', metric: '测算比例' });
    expect(quota.change).toBeUndefined();
  });

  it('keeps the new figure of 由…减少至…, not the baseline', () => {
    const quota = onlyQuota('行政审批事项由146项减少至43项。');
    expect(quota).toMatchObject({ key: '=43项', raw: '减少至43项' });
    expect(quota.change).toBeUndefined();
  });

  it.each([
    ['每周至少进行一次宣传。', 'week', '每周至少进行一次'],
    ['每月至少一次提供工作情况素材。', 'month', '每月至少一次'],
    ['每季度不少于2次。', 'quarter', '每季度不少于2次'],
    ['全年不少于48次。', 'year', '全年不少于48次'],
    ['每年不少于 120 天。', 'year', '每年不少于 120 天'],
    ['每天巡查不少于2次。', 'day', '每天巡查不少于2次'],
  ])('reads the period of %s', (body, period, raw) => {
    expect(onlyQuota(body)).toMatchObject({ period, raw });
  });

  it.each([
    ['每个广场、公园至少设置公益宣传展板 1 个。', '每个广场'],
    ['每 500 米设置公益宣传广告牌 1 个。', '每 500 米'],
    ['按博士学位人员每人8万元的标准给予补贴。', '每人'],
    ['每个门户网站不少于1个板块。', '每个门户网站'],
  ])('reads the scope of %s', (body, scope) => {
    expect(onlyQuota(body).scope).toBe(scope);
  });

  it.each([
    ['工业产品质量监督抽查合格率达到95%以上。', '合格率'],
    ['服务业总体满意度达到90%以上。', '满意度'],
    ['原煤洗选率达到80%以上。', '洗选率'],
    ['占股比例不超过20%。', '占股比例'],
  ])('reads the metric of %s', (body, metric) => {
    expect(onlyQuota(body).metric).toBe(metric);
  });

  it('names no metric, period or scope that the sentence does not write', () => {
    const quota = onlyQuota('共组织10期专题宣传报道。');
    expect(quota.metric).toBeUndefined();
    expect(quota.period).toBeUndefined();
    expect(quota.scope).toBeUndefined();
    expect(quota.change).toBeUndefined();
  });
});

describe('quotas: table cells', () => {
  it('reads a 备注 cell and ignores the 序号 and 完成时限 columns', () => {
    const document = documentFromBlocks(
      tableNotice([
        ['序号', '事项', '完成时限', '责任单位', '备注'],
        ['1', '制作宣传汇报短片。', '11.20', '东莞广播电视台', '时长 6—8 分钟；在预验收（11 月 20 日）前完成第 1 稿，12 月 15 日前完成第 2 稿。'],
        ['2', '集中采访。', '11.10 至 1.10', '强市办', '共组织10期专题宣传报道'],
        ['3', '办理审批。', '3个工作日', '审批局', ''],
      ]),
    );
    const { quotas } = extract(document).value;
    expect(quotas.map((quota) => quota.key)).toEqual(['=6-8分钟', '=10期', '=3个工作日']);
    for (const quota of quotas) expect(spanned(document, quota.span)).toBe(quota.raw);
  });

  it('reads nothing from a 序号 column even when it holds a unit', () => {
    const document = documentFromBlocks(tableNotice([['序号', '事项'], ['1项', '开展宣传。'], ['2项', '组织培训。']]));
    expect(extract(document).value.quotas).toEqual([]);
  });
});

describe('quotas: not quotas', () => {
  it.each([
    ['a date', '自2018年3月起，到全国质量强市示范城市创建成功为止。'],
    ['a day of month', '于每月的18日之前将创建工作情况报送市质量强市工作领导小组办公室。'],
    ['dates in a range', '集中于 11 月 20 日至 25 日、1 月 5 日至 15 日播放。'],
    ['a year', '到2013年，全面完成创建任务。'],
    ['a range of years', '现将2024—2026年补贴实施方案印发给你们。'],
    ['a year in Chinese numerals', '二〇一八年工作要点。'],
    ['an ordinal', '在预验收前完成第 1 稿，12 月 15 日前完成第2稿，第一期采访市工商局。'],
    ['an item number', '（2）1. 固定宣传。2、流动宣传。'],
    ['an attachment number', '具体安排见附件2，报名表见附件 3。'],
    ['items of a numbered list', '须按封面、目录、材料1-7项的顺序装订成册。'],
    ['a document number', '根据《乳山市实施方案》（乳政办发〔2017〕36号）要求。'],
    ['a phone number', '联系电话：0631-6664315。'],
    ['a programme name', '开展百城千业万企对标达标提升专项行动，瞄准中国制造2025，落实十三五规划。'],
    ['a baseline', '食品安全快速检测室在现有64家的基础上逐年递增。'],
    ['a total of a list', '认定刁显超等37人为第六届重庆市工艺美术大师。'],
    ['the size of a scope', '每 500 米设置宣传栏。'],
    ['words that contain a numeral', '统一部署，一律从严，组织拍摄一批佳作，一次性告知，一是宣传法规，安排一把手接受专访，做到两个维护。'],
    ['more words that contain a numeral', '一些单位一起推进，保持一致，一般项目，进一步加强，第一责任人，产品、工程、服务、环境四大领域。'],
    ['Chinese counts that require nothing', '作为一项重要任务来抓，走出一条质量更优的路子，其中6月下旬和8月为两个重点宣传时段。'],
    ['a ratio without unit', '补贴按照7:3的比例分期兑付。'],
    ['a hotline', '重点宣传“12365”、“12315”等质量投诉热线。'],
    ['a number without unit', '广东高考排名242300左右排位。'],
    ['a unit that begins a word', '全市3人民调解委员会，2条例修订。'],
    ['a class of things', '单户500万元（含）以下贷款余额占比提升指标。'],
    ['a look back over the record', '近5年内，研发人员承担市级以上项目数量。'],
    ['an ordinal year', '申报单位自成立起第1、3、5年度的目标。'],
    ['a condition that names a count in words', '连续两年仍未完成指标的，参照执行。'],
  ])('%s', (_, body) => {
    expect(keysOf(body)).toEqual([]);
  });

  it('reads nothing from the title or the signature', () => {
    expect(keysOf('各镇人民政府：\n请认真落实。\n乳山市质量强市工作领导小组\n2018年4月15日')).toEqual([]);
  });
});

describe('quotas: configuration and robustness', () => {
  it('runs with another list of refiners', () => {
    const withoutBaseline = quotasExtractorWith(QUOTA_REFINERS.filter((refiner) => refiner.name !== 'baseline'));
    const document = documentFromText(`${TITLE}\n食品安全快速检测室在现有64家的基础上逐年递增。`);
    expect(extract(document, [withoutBaseline]).value.quotas.map((quota) => quota.key)).toEqual(['=64家']);
  });

  // Speed is measured by `npm run bench`; this only proves that long runs end (a backtracking
  // pattern would not, within the test's time-out).
  it('reads long runs of digits, numerals and comparators', () => {
    const body = ['1'.repeat(50_000), '一'.repeat(50_000), '不少于'.repeat(10_000), '6-'.repeat(20_000), '至少1个'.repeat(5_000)].join('。');
    const document = documentFromText(`${TITLE}\n${body}`);
    const { quotas } = extract(document, [quotasExtractor]).value;
    expect(quotas.length).toBeGreaterThan(0);
  });

  it('never throws and keeps spans in range on random text', () => {
    const alphabet = [...'0123456789一两三十百千万亿约至少不超过以上以内左右个次%元/千人百分之点每年周-—～.（）、，。第附件由减少至现有的基础上等 \n'];
    let seed = 20240607;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round += 1) {
      const body = Array.from({ length: 1 + Math.floor(next() * 80) }, () => alphabet[Math.floor(next() * alphabet.length)]!).join('');
      const document = documentFromText(`${TITLE}\n${body}`);
      for (const quota of extract(document).value.quotas) {
        expect(quota.span[0]).toBeGreaterThanOrEqual(0);
        expect(quota.span[1]).toBeLessThanOrEqual(document.text.length);
        expect(spanned(document, quota.span)).toBe(quota.raw);
      }
    }
  });
});
