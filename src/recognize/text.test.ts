import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseOrdinal, leadingNumber, matchLabel, normalizeLabel, similarity, toHalfWidth } from './text.js';

describe('normalizeLabel', () => {
  it('drops numbering, whitespace, bracketed remarks and punctuation variants', () => {
    expect(normalizeLabel('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('部分公开');
    expect(normalizeLabel('(二) 部分公开')).toBe('部分公开');
    expect(normalizeLabel('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(normalizeLabel('3、危及"三安全一稳定"')).toBe('危及三安全一稳定');
    expect(normalizeLabel('三、本年度办理结果')).toBe('本年度办理结果');
    expect(normalizeLabel('本年收费金额（单位：万元）')).toBe('本年收费金额');
    expect(normalizeLabel('申请人无正当理由逾期不补正、行政机关\n不再处理其政府信息公开申请')).toBe('申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请');
  });
  it('keeps a leading year and a slash inside a label', () => {
    expect(normalizeLabel('本年增/减')).toBe('本年增/减');
    expect(normalizeLabel('2023年度')).toBe('2023年度');
  });
});

describe('leadingNumber and chineseOrdinal', () => {
  it('reads the item number in its written forms', () => {
    expect(leadingNumber('2.其他法律行政法规禁止公开')).toBe(2);
    expect(leadingNumber('2、其他')).toBe(2);
    expect(leadingNumber('２．其他')).toBe(2);
    expect(leadingNumber('（三）不予公开')).toBe(3);
    expect(leadingNumber('(七) 总计')).toBe(7);
    expect(leadingNumber('四、结转下年度继续办理')).toBe(4);
    expect(leadingNumber('2023年')).toBeUndefined();
  });
  it('reads Chinese ordinals up to 99', () => {
    expect([chineseOrdinal('一'), chineseOrdinal('十'), chineseOrdinal('十二'), chineseOrdinal('二十'), chineseOrdinal('三十五')]).toEqual([1, 10, 12, 20, 35]);
    expect(chineseOrdinal('甲')).toBeUndefined();
  });
});

describe('matchLabel', () => {
  it('is exact for the label itself and loose for a typo', () => {
    expect(matchLabel('其他法律行政法规禁止公开', ['其他法律行政法规禁止公开'])).toEqual({ kind: 'exact', score: 2 });
    expect(matchLabel(normalizeLabel('2.其他法律行政止公开'), ['其他法律行政法规禁止公开'])?.kind).toBe('loose');
  });
  it('does not match unrelated labels', () => {
    expect(matchLabel('重复申请', ['属于国家秘密'])).toBeUndefined();
    expect(matchLabel('予以公开', ['不予公开'])).toBeUndefined();
  });
  it('gives a remembered answer only for the same labels, text and threshold', () => {
    const labels = ['申请人无正当理由大量反复申请'];
    const typo = '申请人无正当理由大量反复申诮的';
    const loose = matchLabel(typo, labels, 0.6);
    expect(loose?.kind).toBe('loose');
    expect(matchLabel(typo, labels, 0.6)).toEqual(loose);
    expect(matchLabel(typo, labels, 0.99)).toBeUndefined();
    expect(matchLabel(typo, ['属于国家秘密'], 0.6)).toBeUndefined();
  });
});

describe('similarity and toHalfWidth', () => {
  it('is 1 for equal labels and symmetric', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
      expect(similarity(a, a)).toBe(1);
      expect(similarity(a, b)).toBe(similarity(b, a));
    }));
  });
  it('folds full-width ASCII and the ideographic space', () => {
    expect(toHalfWidth('（１２３）\u3000ＡＢ')).toBe('(123) AB');
  });
});
