import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { documentFromText, spanned } from '../helpers.js';

/** Pieces that date grammar and cue words are made of, so that random text exercises the rules. */
const PIECES = [
  '2013', '年', '11', '月', '20', '日', '号', '.', '至', '到', '—', '-', '、', '和', '或', '前', '之前', '为止', '起', '自', '于',
  '每年', '每月的', '每周', '五', '底', '初', '上旬', '下旬', '（', '）', '星期一', '下午', '下班', '拟', '已', '以来', '，', '。',
  '十一', '二〇一八', '一', '第一期：', '\n', ' ', '请', '完成', '验收', '集中', '时段', '目标', '〔2018〕2号', '《', '》', '了',
];

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(random: () => number, pieces: number): string {
  let text = '';
  for (let index = 0; index < pieces; index += 1) text += PIECES[Math.floor(random() * PIECES.length)]!;
  return text;
}

describe('deadlines extractor on random text', () => {
  it('never throws and keeps every span inside the text and equal to its raw', () => {
    const random = generator(20131106);
    for (let round = 0; round < 300; round += 1) {
      const document = documentFromText(`关于开展工作的通知\n各单位：\n${randomText(random, 80)}\n某某局\n2013年11月6日`);
      const { deadlines } = extract(document).value;
      for (const deadline of deadlines) {
        expect(deadline.span[0]).toBeGreaterThanOrEqual(0);
        expect(deadline.span[1]).toBeLessThanOrEqual(document.text.length);
        expect(spanned(document, deadline.span)).toBe(deadline.raw);
        expect(deadline.key).toMatch(/^(?:by|on):\d{4}(?:-\d{2}){0,2}$|^window:(?:\d{4}(?:-\d{2}){0,2})?\/(?:\d{4}(?:-\d{2}){0,2})?$|^recurring:(?:week|month|year):[\d-]+$/);
      }
    }
  });

  // Speed is measured by `npm run bench`; this only proves that a long line ends (a backtracking
  // pattern would not, within the test's time-out).
  it('reads a long line of dates without punctuation', () => {
    const line = '于11月20日至25日、1月5日至15日和12月底或2014年1月初'.repeat(4000);
    const { deadlines } = extract(documentFromText(`关于开展工作的通知\n各单位：\n${line}\n某某局\n2013年11月6日`)).value;
    expect(deadlines.length).toBeGreaterThan(0);
  });
});
