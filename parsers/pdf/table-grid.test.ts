import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Segment } from './rules.js';
import { findRuledTables, mergeSegments } from './table-grid.js';
import type { Glyph } from './text-items.js';

const h = (y: number, x0: number, x1: number): Segment => ({ horizontal: true, pos: y, from: x0, to: x1 });
const v = (x: number, y0: number, y1: number): Segment => ({ horizontal: false, pos: x, from: y0, to: y1 });
const glyph = (text: string, x: number, y: number): Glyph => ({ text, box: [x, y, x + 10, y + 10], size: 10, vertical: false });

describe('mergeSegments', () => {
  it('joins collinear pieces drawn cell by cell, and borders drawn twice 0.3 pt apart', () => {
    const merged = mergeSegments([h(100, 0, 50), h(100.3, 50, 100), h(100, 100.5, 150), v(0, 100, 200)]);
    expect(merged.filter((s) => s.horizontal)).toHaveLength(1);
    expect(merged.find((s) => s.horizontal)).toMatchObject({ from: 0, to: 150 });
  });
});

describe('findRuledTables', () => {
  // A 3 × 3 grid from x 100–400, y 100–250; the middle vertical rule stops after the first row, so the
  // two lower slots of columns 1–2 merge (colspan 2); a label spans rows 1–2 in column 0.
  const rules = [
    h(100, 100, 400), h(150, 100, 400), h(200, 200, 400), h(250, 100, 400),
    v(100, 100, 250), v(200, 100, 250), v(300, 100, 150), v(400, 100, 250),
  ];

  it('finds spans where no rule separates the slots and puts text in the cell holding its centre', () => {
    const glyphs = [glyph('甲', 140, 120), glyph('乙', 240, 120), glyph('丙', 340, 120), glyph('标', 140, 190), glyph('签', 140, 205), glyph('5', 290, 170), glyph('正', 100, 300)];
    const { tables, outside } = findRuledTables(rules, glyphs, 1);
    expect(tables).toHaveLength(1);
    const t = tables[0]!;
    expect(t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 1, '甲'], [0, 1, 1, 1, '乙'], [0, 2, 1, 1, '丙'],
      [1, 0, 2, 1, '标签'], [1, 1, 1, 2, '5'],
      [2, 1, 1, 2, ''],
    ]);
    expect(outside.map((g) => g.text)).toEqual(['正']);
  });

  it('takes a lone box for a frame, not a table', () => {
    expect(findRuledTables([h(100, 100, 400), h(200, 100, 400), v(100, 100, 200), v(400, 100, 200)], [], 1).tables).toEqual([]);
  });

  it('covers every grid slot by exactly one cell, whichever inner rules are missing', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (keep) => {
        // Outer frame of a 4 × 4 grid, plus a random subset of the inner rule pieces (one per slot edge).
        const segs: Segment[] = [h(0, 0, 400), h(400, 0, 400), v(0, 0, 400), v(400, 0, 400)];
        let k = 0;
        for (let i = 1; i < 4; i++) for (let j = 0; j < 4; j++) {
          if (keep[k++]) segs.push(h(i * 100, j * 100, (j + 1) * 100));
          if (keep[k++]) segs.push(v(i * 100, j * 100, (j + 1) * 100));
        }
        const [t] = findRuledTables(segs, [], 1).tables;
        if (!t) return; // every inner rule missing: a lone box
        const rows = t.ys.length - 1, cols = t.xs.length - 1;
        const counts = new Array<number>(rows * cols).fill(0);
        for (const c of t.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let q = c.col; q < c.col + c.colSpan; q++) counts[r * cols + q]!++;
        expect(counts.every((n) => n === 1)).toBe(true);
      }),
    );
  });
});
