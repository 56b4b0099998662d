import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, fieldsOf, spanned } from '../helpers.js';

describe('recipients extractor', () => {
  it.each([
    ['各镇人民政府，市政府有关部门、单位，滨海新区、经济开发区：', '各镇人民政府，市政府有关部门、单位，滨海新区、经济开发区', ['各镇人民政府', '市政府有关部门', '单位', '滨海新区', '经济开发区']],
    ['各县（市、区）人民政府，开发区（管理区）管委会，市直有关单位：', '各县（市、区）人民政府，开发区（管理区）管委会，市直有关单位', ['各县（市、区）人民政府', '开发区（管理区）管委会', '市直有关单位']],
    ['县(市)区党委和人民政府,银川经济技术开发区:', '县(市)区党委和人民政府,银川经济技术开发区', ['县(市)区党委和人民政府', '银川经济技术开发区']],
    ['区中医院：', '区中医院', ['区中医院']],
  ])('reads %s', (line, raw, list) => {
    const document = documentFromText(`关于印发方案的通知\n${line}\n现将方案印发给你们，请认真组织实施。`);
    const { recipients } = extract(document).value;
    expect(recipients?.raw).toBe(raw);
    expect(recipients?.list).toEqual(list);
    expect(spanned(document, recipients!.span)).toBe(raw);
  });

  it.each([
    ['a contact line', '关于开展检查的通知\n联系人：张三\n请按时报送。'],
    ['a sentence that ends with a colon', '关于开展检查的通知\n现就有关事项通知如下：\n一、检查范围'],
    ['the attachment note', '关于开展检查的通知\n附件：\n1. 检查表'],
    ['a lead-in that ends with a colon', '关于调整收费标准的公告\n经市人民政府同意，现将有关事项公告如下：\n一、收费标准'],
  ])('ignores %s', (_, text) => {
    expect(fieldsOf(text).recipients).toBeUndefined();
  });
});
