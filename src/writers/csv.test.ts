import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../test/cli/helpers.js';
import { csvField, csvRecord } from './csv.js';

describe('csv writer (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvRecord(['a,b', 'say "无"', 'line\nbreak', 'plain', 3, null])).toBe('"a,b","say ""无""","line\nbreak",plain,3,\r\n');
  });

  it('writes null and undefined as empty fields and keeps negative and decimal numbers as printed', () => {
    expect([csvField(null), csvField(undefined), csvField(-2), csvField(1.25)]).toEqual(['', '', '-2', '1.25']);
  });

  it('round-trips any table of strings through an RFC 4180 parser', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
      // A record of one empty field is an empty line, which no CSV reader can tell from nothing.
      fc.pre(rows.every((r) => r.length > 1 || r[0] !== ''));
      expect(parseCsv(rows.map(csvRecord).join(''))).toEqual(rows);
    }));
  });
});
