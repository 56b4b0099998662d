import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_FIELD_EXTRACTORS, extract } from '../../src/extract/index.js';
import { documentFromText } from '../helpers.js';

/** Text made of the pieces notices are made of, so that random strings reach the rules' corners. */
const PIECES = [
  '一、', '（一）', '1.', '（1）', '①', '一是', '二是', '责任单位：', '牵头单位:', '协助单位：', '负责', '牵头', '协助', '配合', '会同', '主办', '协办', '承办',
  '市委宣传部', '各县(市)区人民政府', '市工信局', '强市办', '（以下简称“强市办”）', '、', '，', '；', '。', '（', '）', '(', ')', '和', '及', '等',
  '不少于', '至少', '不超过', '达到', '以上', '以内', '约', '左右', '提高', '每周', '每年', '全年', '每个', '每500米', '合格率',
  '48次', '1个', '6—8分钟', '95%', '4/千人', '1.5万元', '两三个', '一次', '十五', '〇',
  '2018年', '3月', '11月20日', '11.20', '11.10 至 1.10', '月底', '年底', '上旬', '中旬', '下旬', '初', '前', '之前', '起', '至', '到', '为止', '（星期一）',
  '〔2018〕2号', '乳质强字', '《', '》', '电话：', '6664315', '\n', ' ', '\t',
];

const noticeText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 }).map((pieces) => pieces.join(''));

describe('the extractors on arbitrary text', () => {
  it('never throw, and every span lies in the text and holds its raw text', () => {
    fc.assert(
      fc.property(noticeText, (body) => {
        const document = documentFromText(`关于开展宣传的通知\n各镇人民政府：\n${body}`);
        const fields = extract(document, DOCUMENT_FIELD_EXTRACTORS).value;
        const spanned = [
          ...fields.units.flatMap((unit) => unit.mentions),
          ...fields.quotas,
          ...fields.deadlines,
          ...fields.tasks,
          ...fields.tasks.flatMap((task) => task.units),
        ];
        for (const item of spanned) {
          expect(0 <= item.span[0] && item.span[0] <= item.span[1] && item.span[1] <= document.text.length).toBe(true);
          expect(document.text.slice(item.span[0], item.span[1])).toBe(item.raw);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Speed is measured by `npm run bench`; these only prove that long lines end (a pattern that
  // backtracks on them would not, within the test's time-out).
  it.each([
    ['digits', '1'.repeat(200_000)],
    ['item numbers', '1.'.repeat(100_000)],
    ['unit labels', '责任单位：市财政局'.repeat(20_000)],
    ['notice pieces', Array.from({ length: 20_000 }, (_, i) => PIECES[(i * 7) % PIECES.length]).join('').replace(/\n/g, '')],
  ])('reads a long line of %s through every extractor', (_, line) => {
    const document = documentFromText(`关于开展宣传的通知\n各镇人民政府：\n${line}`);
    const fields = extract(document).value;
    for (const quota of fields.quotas) expect(document.text.slice(quota.span[0], quota.span[1])).toBe(quota.raw);
  });
});
