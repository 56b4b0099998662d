import { describe, expect, it } from 'vitest';
import { foldLookalikes, isUndecodable, undecodableShare } from '../../src/ingest/characters.js';

describe('foldLookalikes', () => {
  it.each([
    ['⽂明', '文明'],
    ['⻄安', '西安'],
    ['⻘年', '青年'],
    ['⻓江', '长江'],
    ['⻔户⽹站', '门户网站'],
    ['\uf900', '\u8c48'],
    ['质\u200b量\ufeff强市', '质量强市'],
  ])('%s → %s', (input, output) => {
    expect(foldLookalikes(input)).toBe(output);
  });

  it('is needed: NFKC alone leaves the CJK Radicals Supplement unfolded', () => {
    expect('⻄安'.normalize('NFKC')).not.toBe('西安');
  });

  it('keeps the document typography: full-width punctuation and digits stay as written', () => {
    expect(foldLookalikes('（一）２０１８年：“城市”')).toBe('（一）２０１８年：“城市”');
  });
});

describe('undecodable text', () => {
  it('counts replacement, private-use and control characters', () => {
    expect(isUndecodable('\ufffd')).toBe(true);
    expect(isUndecodable('\ue000')).toBe(true);
    expect(isUndecodable('\u0003')).toBe(true);
    expect(isUndecodable('文')).toBe(false);
    expect(undecodableShare('\ue001\ue002\ue003文')).toBeCloseTo(0.75);
    expect(undecodableShare('')).toBe(0);
  });
});
