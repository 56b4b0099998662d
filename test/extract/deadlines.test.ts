import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import type { DeadlineFinding } from '../../src/extract/findings.js';
import type { Message } from '../../src/model/messages.js';
import type { NoticeDocument, SourceBlock } from '../../src/model/document.js';
import { documentFromBlocks, documentFromText, spanned } from '../helpers.js';

const TITLE = '关于做好验收宣传工作的通知';
const ADDRESSEES = '各镇街、各有关单位：';
const SIGNATURE = '东莞市质量强市领导小组办公室';

/** A notice around the body lines, signed on the given date (or unsigned). */
function notice(body: string, signed: string | null = '2013年11月6日'): string {
  return [TITLE, ADDRESSEES, body, SIGNATURE, ...(signed === null ? [] : [signed])].join('\n');
}

interface Read {
  document: NoticeDocument;
  deadlines: DeadlineFinding[];
  messages: readonly Message[];
}

function read(document: NoticeDocument): Read {
  const { value, messages } = extract(document);
  for (const deadline of value.deadlines) expect(spanned(document, deadline.span)).toBe(deadline.raw);
  return { document, deadlines: value.deadlines, messages: messages.filter((message) => message.ruleId === 'extract:deadline') };
}

function readNotice(body: string, signed?: string | null): Read {
  return read(documentFromText(notice(body, signed)));
}

function keys(body: string, signed?: string | null): string[] {
  return readNotice(body, signed).deadlines.map((deadline) => deadline.key);
}

function paragraph(text: string): SourceBlock {
  return { kind: 'paragraph', text };
}

/** A notice whose body is a table with the given header and rows. */
function tableNotice(header: string[], rows: string[][]): Read {
  const table: SourceBlock = { kind: 'table', rows: [header, ...rows].map((row) => row.map((text) => ({ text }))) };
  return read(documentFromBlocks([paragraph(TITLE), paragraph(ADDRESSEES), paragraph('现将工作安排印发给你们，请认真落实。'), table, paragraph(SIGNATURE), paragraph('2013年11月6日')]));
}

describe('deadlines extractor: kinds and precision', () => {
  it.each([
    ['请于2013年11月20日前报送材料。', 'by:2013-11-20'],
    ['请各单位于11月15日之前将名单报强市办。', 'by:2013-11-15'],
    ['相关材料须在12月15日以前完成。', 'by:2013-12-15'],
    ['各单位要在12月底前完成整改。', 'by:2013-12-31'],
    ['到2020年，全市质量总体水平显著提升。', 'by:2020'],
    ['到2015年底，建成一批示范点。', 'by:2015-12-31'],
    ['截至2014年6月，完成全部任务。', 'by:2014-06'],
    ['请于二〇一三年十一月二十日前报送。', 'by:2013-11-20'],
    ['请于十一月十一日前报送。', 'by:2013-11-11'],
    ['请于11月十一日前报送。', 'by:2013-11-11'],
    ['定于2013年11月22日召开动员大会。', 'on:2013-11-22'],
    ['集中于11月20日至25日播放。', 'window:2013-11-20/2013-11-25'],
    ['宣传时段为2014年1月至3月。', 'window:2014-01/2014-03'],
    ['自2018年3月起，到示范城市创建成功为止。', 'window:2018-03/'],
    ['本通知自2020年11月9日起施行。', 'window:2020-11-09/'],
    ['活动自2014年1月1日起至2014年3月31日止。', 'window:2014-01-01/2014-03-31'],
    ['重点宣传安排在12月上旬。', 'window:2013-12-01/2013-12-10'],
    ['重点宣传安排在12月中旬。', 'window:2013-12-11/2013-12-20'],
    ['于每月的18日之前报送工作情况。', 'recurring:month:18'],
    ['每月18日前报送进度。', 'recurring:month:18'],
    ['各单位每个月5日前报送统计报表。', 'recurring:month:5'],
    ['于每年12月20日前报送总结报告。', 'recurring:year:12-20'],
    ['于每年2月底前报送年度报告。', 'recurring:year:02-28'],
    ['每年年初制定工作计划。', 'recurring:year:01'],
    ['每周五下午下班前报送周报。', 'recurring:week:5'],
  ])('reads %s', (body, key) => {
    expect(keys(body)).toEqual([key]);
  });

  it('fills the fields of each kind', () => {
    const [by] = readNotice('请于2013年11月20日前报送材料。').deadlines;
    expect(by).toMatchObject({ kind: 'by', date: '2013-11-20', raw: '2013年11月20日前', implied: false });
    const [window] = readNotice('集中于11月20日至25日播放。').deadlines;
    expect(window).toMatchObject({ kind: 'window', start: '2013-11-20', end: '2013-11-25', raw: '11月20日至25日', implied: true });
    const [open] = readNotice('自2018年3月起，到示范城市创建成功为止。').deadlines;
    expect(open).toMatchObject({ kind: 'window', start: '2018-03', raw: '自2018年3月起，到示范城市创建成功为止' });
    expect(open).not.toHaveProperty('end');
    const [recurring] = readNotice('于每年12月20日前报送总结报告。').deadlines;
    expect(recurring).toMatchObject({ kind: 'recurring', period: 'year', point: '12-20', raw: '每年12月20日前', implied: false });
  });

  it('reads 当年 and 当月 that take up an earlier 每年 or 每月 as recurring', () => {
    expect(keys('董事会应于每年年初确定当年绩效考核指标，并于当年四月底前报监管分局备案。')).toContain('recurring:year:04-30');
    expect(keys('各单位每月初汇总，于当月25日前报送。')).toEqual(['recurring:month:25']);
    expect(keys('董事会应确定绩效考核指标，并于当年四月底前报监管分局备案。')).toEqual(['by:2014-04-30']);
    expect(keys('每年开展一次检查。\n并于当年四月底前报送。')).toEqual(['by:2014-04-30']);
  });

  it('keeps both alternatives of a required either-or', () => {
    expect(keys('请于12月底或2014年1月初前完成正式验收。')).toEqual(['by:2013-12-31', 'by:2014-01']);
  });

  it('reads a bare month-end or month-start before work that closes as a limit', () => {
    expect(keys('12月底或2014年1月初完成验收。')).toEqual(['by:2013-12-31', 'by:2014-01']);
    expect(keys('各单位5月底出台实施办法。')).toEqual(['by:2014-05-31']);
  });

  it('reads a range before the work done in it as a window', () => {
    expect(keys('2019年12月至2020年3月集中检查。')).toEqual(['window:2019-12/2020-03']);
    expect(keys('2014年1月至3月开展专项检查。')).toEqual(['window:2014-01/2014-03']);
  });

  it('reads a scheduled series, one day per line', () => {
    const body = ['第一期：2013 年 11 月 12 日，采访市工商局。', '第二期：2013年11月19日，采访市经信局。'].join('\n');
    expect(keys(body)).toEqual(['on:2013-11-12', 'on:2013-11-19']);
  });

  it('reads a weekday and a time of day as part of a limit', () => {
    const { deadlines, messages } = readNotice('请于11月11日（星期一）下午下班前将此表报强市办。');
    expect(deadlines).toEqual([expect.objectContaining({ key: 'by:2013-11-11', raw: '11月11日（星期一）下午下班前', implied: true })]);
    expect(messages).toEqual([]);
  });

  it('warns when the weekday beside a date disagrees with it', () => {
    const { deadlines, messages } = readNotice('请于11月12日（星期一）前将此表报强市办。');
    expect(deadlines.map((deadline) => deadline.key)).toEqual(['by:2013-11-12']);
    expect(messages).toEqual([expect.objectContaining({ severity: 'warning', found: '（星期一）', expected: '星期二' })]);
  });
});

describe('deadlines extractor: year inference', () => {
  it.each([
    ['a month-day after the signing date takes its year', '请于11月11日前报送。', 'by:2013-11-11'],
    ['a month-day before it rolls into the next year', '请于1月5日前报送。', 'by:2014-01-05'],
    ['up to one month before the signing date keeps the year', '请于10月10日前补报。', 'by:2013-10-10'],
    ['a year written in the sentence is taken', '2014年工作安排如下：请于6月底前完成。', 'by:2014-06-30'],
    ['a range end before its start rolls over', '活动时间为11月10日至1月10日。', 'window:2013-11-10/2014-01-10'],
    ['a named year counts from the signing date', '请于明年3月底前完成。', 'by:2014-03-31'],
  ])('%s', (_, body, key) => {
    const [deadline] = readNotice(body).deadlines;
    expect(deadline?.key).toBe(key);
    expect(deadline?.implied).toBe(true);
  });

  it('rolls over within a list of ranges', () => {
    expect(keys('集中于11月20日至25日、1月5日至15日两个重点时段播放。')).toEqual(['window:2013-11-20/2013-11-25', 'window:2014-01-05/2014-01-15']);
  });

  it('takes the year of the sentence without rolling over outside a list', () => {
    const body = '集中宣传时段为2013年5月至9月，其中6月下旬和8月为两个重点宣传时段。';
    expect(keys(body, null)).toEqual(['window:2013-05/2013-09', 'window:2013-06-21/2013-06-30', 'window:2013-08/2013-08']);
  });

  it('uses the publication date when the notice is unsigned', () => {
    const document = documentFromBlocks([
      { kind: 'metadata', entries: [{ label: '发布日期', value: '2013-11-06' }] },
      paragraph(TITLE),
      paragraph(ADDRESSEES),
      paragraph('请于1月5日前报送。'),
    ]);
    expect(read(document).deadlines.map((deadline) => deadline.key)).toEqual(['by:2014-01-05']);
  });

  it('says so when no year can be found', () => {
    const { deadlines, messages } = readNotice('请于11月20日前报送。', null);
    expect(deadlines).toEqual([]);
    expect(messages).toEqual([expect.objectContaining({ severity: 'info', found: '11月20日前' })]);
  });
});

describe('deadlines extractor: table cells', () => {
  const header = ['序号', '事项', '完成时限', '责任单位', '备注'];

  it('reads dotted month-days and ranges in a 完成时限 column', () => {
    const { deadlines } = tableNotice(header, [
      ['1', '制作宣传片。', '11.20', '电视台', '在预验收（11 月 20 日）前完成第 1 稿，12 月 15 日前完成第 2 稿。'],
      ['2', '开展集中采访。', '11.10 至 1.10', '强市办', '共组织10期专题报道'],
    ]);
    expect(deadlines.map((deadline) => deadline.key)).toEqual(['by:2013-11-20', 'by:2013-11-20', 'by:2013-12-15', 'window:2013-11-10/2014-01-10']);
    expect(deadlines[1]?.raw).toBe('（11 月 20 日）前');
    expect(deadlines[3]).toMatchObject({ raw: '11.10 至 1.10', implied: true });
  });

  it('reads a schedule column as days and periods', () => {
    const { deadlines } = tableNotice(['序号', '活动内容', '时间'], [
      ['1', '启动仪式', '2013年11月22日'],
      ['2', '集中宣传', '2013年12月'],
    ]);
    expect(deadlines.map((deadline) => deadline.key)).toEqual(['on:2013-11-22', 'window:2013-12/2013-12']);
  });

  it('reads no dates in a column that records them', () => {
    const { deadlines } = tableNotice(['序号', '学校名称', '有效期开始时间', '有效期截止时间'], [['1', '某某大学', '2013年12月', '2019年11月']]);
    expect(deadlines).toEqual([]);
  });

  it('reads no decimal as a date outside a date column', () => {
    const { deadlines } = tableNotice(['序号', '路段等级', '收费标准'], [['1', '一级', '0.80-1.50']]);
    expect(deadlines).toEqual([]);
  });
});

describe('deadlines extractor: what is no deadline', () => {
  it.each([
    ['the signing date', '请认真组织实施。'],
    ['a document number', '根据东质强办〔2013〕41号文件精神，制定本方案。'],
    ['a date in a cited title', '根据《关于2014年1月1日起施行新标准的通知》要求，做好衔接。'],
    ['the issuer’s own plan', '我市拟向省申请于11月20日进行预验收，向国家申请于12月底或2014年1月初正式验收。'],
    ['a date already passed', '该办法已于2013年1月1日起施行。'],
    ['a look back', '2012年以来，全市质量工作取得明显成效。'],
    ['a limit long past at signing', '截至2012年底，全市共建成示范点20个。'],
    ['a year that modifies a name', '2013年质量强市工作要点已经市政府同意。'],
    ['a year range that modifies a name', '2013—2015年质量强市规划由市政府另行印发。'],
    ['a year heading a past clause', '2012年，全市共完成检查300次。'],
    ['a duration in working days', '应于15个工作日内办结。'],
    ['a duration in days', '须在开标30日前公告。'],
    ['National Day', '十一期间加强值班。'],
    ['a frequency with a weekday word', '每周一次调度例会。'],
    ['a date with about', '11月20日前后开展检查。'],
    ['a subject date', '关于2013年度考核工作另行通知。'],
    ['a limit that qualifies a noun', '按照国家统计局在2013年12月30日前公布的区划执行。'],
    ['a month-end that qualifies a noun', '2014年底完成的项目另行验收。'],
    ['a range that qualifies a noun', '2014年1月至3月开展的检查另行总结。'],
    ['the issuer’s own plan without 于', '我市拟向国家申请12月底或2014年1月初正式验收。'],
    ['a day after an impossible month', '请于13月20日前报送。'],
    ['a start that qualifies a noun', '认真贯彻2014年1月1日起全面施行的新标准。'],
    ['an act of the document’s history', '本条例经常委会会议于2013年11月6日修订通过。'],
    ['a list of past dates', '该条例又分别于2002年、2005年和2012年进行了修订。'],
    ['a window opened long before signing', '统计数据从2012年7月起改为新口径。'],
    ['a label whose date begins a sentence', '例题：2012年全国地铁运营线路长度达5000公里。'],
  ])('%s', (_, body) => {
    expect(keys(body)).toEqual([]);
  });

  it('keeps a requirement that follows the issuer’s plan in the same sentence', () => {
    expect(keys('我局拟于11月20日召开培训会，请各单位于11月15日前报送名单。')).toEqual(['by:2013-11-15']);
  });

  it('reads nothing in the 版记 and the signature', () => {
    const text = [TITLE, ADDRESSEES, '请认真组织实施。', SIGNATURE, '2013年11月6日', '抄送：市委办公室', '东莞市质量技术监督局办公室 2013年11月6日印发'].join('\n');
    expect(read(documentFromText(text)).deadlines).toEqual([]);
  });
});
