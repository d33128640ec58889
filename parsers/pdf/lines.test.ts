import { describe, expect, it } from 'vitest';
import { buildLines, joinText, normalizeSpaces } from './lines.js';
import type { Glyph } from './text-items.js';

/** Glyphs of a string laid out left to right from (x, y) at `size` points, `advance` apart. */
function glyphs(text: string, x: number, y: number, size = 12, advance = size): Glyph[] {
  return [...text].map((ch, i) => ({ text: ch === ' ' ? ' ' : ch, box: [x + i * advance, y, x + i * advance + advance, y + size], size, vertical: false }));
}

describe('normalizeSpaces and joinText', () => {
  it('drops spaces next to CJK characters and keeps one between Latin words', () => {
    expect(normalizeSpaces('2023 年 ， 收到  21 件')).toBe('2023年，收到21件');
    expect(normalizeSpaces('Times   New Roman')).toBe('Times New Roman');
  });

  it('joins lines without separator around CJK and with a space between Latin words', () => {
    expect(joinText(['（二）部分公开（区分处理的，只计这一情形，不', '计其他情形）'])).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(joinText(['open government', 'information'])).toBe('open government information');
  });
});

describe('buildLines', () => {
  it('groups glyphs by baseline, orders lines top to bottom and glyphs left to right', () => {
    const lines = buildLines([...glyphs('第二行', 100, 130), ...glyphs('第一行', 100, 100)].reverse());
    expect(lines.map((l) => l.text)).toEqual(['第一行', '第二行']);
  });

  it('splits a line into runs at wide gaps and reads a small gap between digits as a space', () => {
    const [line] = buildLines([...glyphs('行政处罚', 80, 100), ...glyphs('4119', 360, 100, 12, 6)]);
    expect(line!.runs.map((r) => r.text)).toEqual(['行政处罚', '4119']);
    const [numbers] = buildLines([...glyphs('12', 100, 100, 12, 6), ...glyphs('34', 115, 100, 12, 6)]);
    expect(numbers!.text).toBe('12 34');
  });

  it('reads a column of vertical glyphs top to bottom as one line', () => {
    const column: Glyph[] = [...'三、本年度'].map((ch, i) => ({ text: ch, box: [86, 600 + i * 10, 96, 610 + i * 10], size: 10, vertical: true }));
    expect(buildLines(column.reverse()).map((l) => [l.text, l.vertical])).toEqual([['三、本年度', true]]);
  });

  it('reads text turned counter-clockwise from the bottom up', () => {
    const column: Glyph[] = [...'合计'].map((ch, i) => ({ text: ch, box: [86, 600 - i * 10, 96, 610 - i * 10], size: 10, vertical: true, upward: true }));
    expect(buildLines(column).map((l) => l.text)).toEqual(['合计']);
  });

  it('skips a character painted twice for fake bold', () => {
    const bold = [...glyphs('总计', 100, 100), ...glyphs('总计', 100.3, 100)];
    expect(buildLines(bold)[0]!.text).toBe('总计');
  });

  it('keeps a narrow letter written twice ("ll", "//"): its offset is its own width', () => {
    // Helvetica at 12 pt: l is 0.222 em = 2.67 pt wide, / 0.278 em = 3.33 pt; both under 0.3 em.
    const hello = [...'Hello'].reduce<{ x: number; out: Glyph[] }>((acc, ch) => {
      const w = ch === 'l' ? 2.67 : 6.67;
      acc.out.push({ text: ch, box: [acc.x, 100, acc.x + w, 112], size: 12, vertical: false });
      acc.x += w;
      return acc;
    }, { x: 100, out: [] }).out;
    expect(buildLines(hello)[0]!.text).toBe('Hello');
    expect(buildLines(glyphs('a//b', 100, 100, 12, 3.33))[0]!.text).toBe('a//b');
  });
});
