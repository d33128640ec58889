import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertUnit, parseNumber } from './numbers.js';

describe('parseNumber', () => {
  it('reads plain, full-width, negative and decimal numbers as printed', () => {
    expect(parseNumber('23')).toEqual({ kind: 'number', value: 23 });
    expect(parseNumber('１２３')).toEqual({ kind: 'number', value: 123 });
    expect(parseNumber('-5')).toEqual({ kind: 'number', value: -5 });
    expect(parseNumber('－５')).toEqual({ kind: 'number', value: -5 });
    expect(parseNumber('24252.311082')).toEqual({ kind: 'number', value: 24252.311082 });
    expect(parseNumber(' 7730.28 ')).toEqual({ kind: 'number', value: 7730.28 });
  });
  it('drops thousands separators and count words', () => {
    expect(parseNumber('1,234,567')).toEqual({ kind: 'number', value: 1234567 });
    expect(parseNumber('１，２３４')).toEqual({ kind: 'number', value: 1234 });
    expect(parseNumber('12件')).toEqual({ kind: 'number', value: 12 });
  });
  it('reports the unit written in the cell', () => {
    expect(parseNumber('75394432.52元')).toEqual({ kind: 'number', value: 75394432.52, unit: 'yuan' });
    expect(parseNumber('1.5万元')).toEqual({ kind: 'number', value: 1.5, unit: 'wan' });
  });
  it('gives blank and dash kinds instead of 0', () => {
    expect(parseNumber('')).toEqual({ kind: 'blank' });
    expect(parseNumber('\u00a0 ')).toEqual({ kind: 'blank' });
    for (const d of ['—', '/', '无', '-', '——', '／']) expect(parseNumber(d).kind).toBe('dash');
  });
  it('calls text that is not a number unreadable', () => {
    expect(parseNumber('见附件').kind).toBe('unreadable');
    expect(parseNumber('1,23').kind).toBe('unreadable');
  });
  it('reads every integer written with full-width digits and thousands separators', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        const grouped = n.toLocaleString('en-US');
        const wide = grouped.replace(/[0-9,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
        expect(parseNumber(wide)).toEqual({ kind: 'number', value: n });
      }),
    );
  });
});

describe('convertUnit', () => {
  it('converts 万元 to 元 and back without rounding', () => {
    expect(convertUnit(1.5, 'wan', 'yuan')).toBe(15000);
    expect(convertUnit(7730.28, 'wan', 'yuan')).toBe(77302800);
    expect(convertUnit(75394432.52, 'yuan', 'wan')).toBe(7539.443252);
    expect(convertUnit(3, 'yuan', 'wan')).toBe(0.0003);
    expect(convertUnit(-2.5, 'wan', 'yuan')).toBe(-25000);
  });
  it('round-trips any two-decimal amount in 元 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 11 }), (cents) => {
        const yuan = Number((cents / 100).toFixed(2));
        expect(convertUnit(convertUnit(yuan, 'yuan', 'wan'), 'wan', 'yuan')).toBe(yuan);
      }),
    );
  });
});
