import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, fieldsOf, spanned } from '../helpers.js';

function phones(text: string): string[] {
  return [...new Set(fieldsOf(text).contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value))];
}

describe('contacts extractor', () => {
  it.each([
    ['宣传部联系人：邓文浩，联系电话：22836512、13713445877；', ['22836512', '13713445877']],
    ['邮 箱：rsszlk@126.com， 电话：6664315', ['6664315']],
    ['联系电话：020-39053010，传真：020-39053069。', ['02039053010', '02039053069']],
    ['咨询电话：（0769）22836512', ['076922836512']],
    ['如有问题请联系13713445877。', ['13713445877']],
    ['投诉举报请拨打12315热线。', []],
    ['共设置广告牌22836512个。', []],
    ['文号为东质强办〔2013〕41号，于2013年11月6日印发。', []],
    ['共安排资金12345678元。', []],
  ])('reads %s', (text, expected) => {
    expect(phones(`关于开展宣传的通知\n${text}`)).toEqual(expected);
  });

  it('reads bare numbers in a contact section and after a name in brackets', () => {
    const text = '关于开展采访的通知\n七、联系人及联系方式\n强市办：李智勇（20109933，13711922710），东莞日报：李文洁（18688682166）。';
    expect(phones(text)).toEqual(['20109933', '13711922710', '18688682166']);
  });

  it('does not read a bare number without a word that says it is a telephone number', () => {
    expect(phones('关于开展采访的通知\n本年度共接待来访群众23109933人次以上的单位予以表彰。')).toEqual([]);
  });

  it('reads e-mail addresses and the people the numbers belong to, with spans', () => {
    const document = documentFromText('关于开展宣传的通知\n宣传部联系人：邓文浩，联系电话：22836512；电子邮箱：164345988@qq.com。');
    const fields = extract(document).value;
    expect(fields.contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value)).toEqual(['164345988@qq.com']);
    expect(fields.people).toEqual([expect.objectContaining({ name: '邓文浩', organisation: '宣传部', phones: ['22836512'], emails: ['164345988@qq.com'] })]);
    for (const contact of fields.contacts) expect(spanned(document, contact.span)).toBe(contact.raw);
  });
});
