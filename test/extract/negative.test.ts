import { describe, expect, it } from 'vitest';
import { emptyFields } from '../../src/extract/findings.js';
import { fieldsOf } from '../helpers.js';

/** Text that must yield no document field at all. */
describe('negative cases', () => {
  it.each([
    ['a news paragraph', '今天上午，市委召开常委会议，研究部署下一阶段重点工作。会议强调，要狠抓落实。'],
    ['a list of unrelated links', '重阳节小班活动方案\n餐厅春节主题活动方案范文\n关于物业管理方案锦集八篇\n公司员工趣味游戏活动方案\n圣诞自助餐的活动主题策划方案\n义务献血活动方案'],
    ['portal chrome only', '无障碍 | 长者版\n当前位置：首页 > 政务公开\n【打印】【关闭】\n扫一扫在手机打开当前页'],
    ['page numbers', '— 3 —\n- 4 -\n第5页 共6页'],
    ['a year and an item number', '〔2018〕\n第2号\n1.\n2018'],
  ])('%s', (_, text) => {
    expect(fieldsOf(text)).toEqual(emptyFields());
  });
});
