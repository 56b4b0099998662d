import { describe, expect, it } from 'vitest';
import { damagedDateReadings, dateLine, findDates, isoDate } from '../../src/extract/dates.js';

describe('findDates', () => {
  it.each([
    ['2018年4月15日', '2018-04-15'],
    ['2018 年 4 月 15 日', '2018-04-15'],
    ['二〇一八年四月十五日', '2018-04-15'],
    ['二○○七年五月八日', '2007-05-08'],
    ['二〇二四年十二月三十一日', '2024-12-31'],
    ['2019-02-22', '2019-02-22'],
    ['2019.2.22', '2019-02-22'],
    ['2019/2/22', '2019-02-22'],
    ['２０２０年１１月９日', '2020-11-09'],
  ])('reads %s', (text, iso) => {
    const [date] = findDates(`于${text}印发`);
    expect(date && isoDate(date)).toBe(iso);
    expect(date?.start).toBe(1);
  });

  it.each([['2019年2月30日'], ['2019年13月1日'], ['〔2018〕2号'], ['11.20'], ['12月15日前'], ['2018年']])('finds no full date in %s', (text) => {
    expect(findDates(text)).toEqual([]);
  });
});

describe('dateLine', () => {
  it('accepts a line that is only a date, in brackets too', () => {
    expect(dateLine('2013年11月6日')).toMatchObject({ year: 2013, month: 11, day: 6 });
    expect(dateLine('（2019年4月9日）')).toMatchObject({ start: 1 });
    expect(dateLine('于2013年11月6日印发')).toBeUndefined();
  });
});

describe('damagedDateReadings', () => {
  it.each([
    ['2019222', ['2019-02-22']],
    ['20190222', ['2019-02-22']],
    ['2019111', ['2019-01-11', '2019-11-01']],
    ['2019999', []],
  ])('reads %s', (digits, readings) => {
    expect(damagedDateReadings(digits).map(isoDate)).toEqual(readings);
  });
});
