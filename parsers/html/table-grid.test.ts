import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grid } from '../../src/model/table.js';
import { table } from '../../src/model/document.js';
import type { SourceCell } from './table-grid.js';
import { MAX_TABLE_SLOTS, placeCells } from './table-grid.js';

/** placeCells for tables that must be built. */
function place(rows: readonly (readonly SourceCell[])[]) {
  const placed = placeCells(rows);
  if (!placed) throw new Error('placeCells refused a small table');
  return placed;
}

const c = (text: string, rowSpan = 1, colSpan = 1): SourceCell => ({ text, rowSpan, colSpan });

function textGrid(rows: SourceCell[][]): (string | null)[][] {
  const placed = place(rows);
  return grid(table(placed.rows, placed.cols, placed.cells)).map((line) => line.map((cell) => cell?.text ?? null));
}

describe('placeCells', () => {
  it('expands rowspan=2 into two grid rows that share one cell', () => {
    const placed = place([[c('a', 2), c('b')], [c('c')]]);
    const g = grid(table(placed.rows, placed.cols, placed.cells));
    expect(g[0]![0]).toBe(g[1]![0]);
    expect(g[1]![1]!.text).toBe('c');
    expect(placed.cells).toHaveLength(3);
  });

  it('starts a cell at the first slot a rowspan from above left free', () => {
    expect(textGrid([[c('x'), c('y', 3), c('z')], [c('1'), c('2')], [c('3'), c('4')]])).toEqual([
      ['x', 'y', 'z'],
      ['1', 'y', '2'],
      ['3', 'y', '4'],
    ]);
  });

  it('cuts a colspan that runs past the right edge of the table', () => {
    const placed = place([[c('title', 1, 9)], [c('a'), c('b'), c('c')]]);
    expect(placed.cols).toBe(3);
    expect(placed.cells[0]).toMatchObject({ text: 'title', colSpan: 3 });
    expect(placed.clampedSpans).toBe(1);
  });

  it('cuts a rowspan that runs past the last row', () => {
    const placed = place([[c('a', 5), c('b')], [c('d')]]);
    expect(placed.rows).toBe(2);
    expect(placed.cells[0]).toMatchObject({ text: 'a', rowSpan: 2 });
  });

  it('reads rowspan=0 as "to the last row", as HTML does', () => {
    const placed = place([[c('a', 0), c('b')], [c('d')], [c('e')]]);
    expect(placed.cells[0]).toMatchObject({ rowSpan: 3 });
    expect(placed.clampedSpans).toBe(0);
  });

  it('cuts a colspan that would overlap a cell spanning down from the row above', () => {
    expect(textGrid([[c('a'), c('b', 2)], [c('wide', 1, 2)]])).toEqual([
      ['a', 'b'],
      ['wide', 'b'],
    ]);
  });

  it('fills the slots of a short row with empty cells so the grid is rectangular', () => {
    expect(textGrid([[c('a'), c('b'), c('c')], [c('d')]])).toEqual([
      ['a', 'b', 'c'],
      ['d', '', ''],
    ]);
  });

  it('refuses a span bomb instead of building a grid of billions of slots', () => {
    const bomb = [Array.from({ length: 5000 }, () => c('x', 65534, 1000)), ...Array.from({ length: 2000 }, () => [c('1')])];
    expect(placeCells(bomb)).toBeUndefined();
    expect(placeCells(Array.from({ length: MAX_TABLE_SLOTS + 1 }, () => [c('1')]))).toBeUndefined();
  });

  it('keeps full-width digits as written', () => {
    expect(textGrid([[c('１２３')]])).toEqual([['１２３']]);
  });

  it('covers every grid slot exactly once for any rowspan/colspan table', () => {
    const cellArb = fc.record({ text: fc.string({ maxLength: 3 }), rowSpan: fc.integer({ min: -1, max: 6 }), colSpan: fc.integer({ min: -1, max: 6 }) });
    fc.assert(
      fc.property(fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }), (generated) => {
        let n = 0;
        const rows = generated.map((row) => row.map((s) => ({ ...s, prov: { path: `src${n++}` } })));
        const placed = place(rows);
        const hits: number[][] = Array.from({ length: placed.rows }, () => Array<number>(placed.cols).fill(0));
        for (const cell of placed.cells) {
          expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
          expect(cell.colSpan).toBeGreaterThanOrEqual(1);
          expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(placed.rows);
          expect(cell.col + cell.colSpan).toBeLessThanOrEqual(placed.cols);
          for (let r = cell.row; r < cell.row + cell.rowSpan; r++) for (let k = cell.col; k < cell.col + cell.colSpan; k++) hits[r]![k]!++;
        }
        for (const line of hits) for (const n of line) expect(n).toBe(1);
        // Every source cell is kept once; the others are fillers without provenance.
        const kept = placed.cells.flatMap((x) => (x.prov?.path ? [x.prov.path] : []));
        expect(kept.sort()).toEqual(Array.from({ length: n }, (_, i) => `src${i}`).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every source cell when spans are well formed', () => {
    // Rows of random widths without spans: each source cell must come out at (row, index).
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ maxLength: 2 }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (texts) => {
        const placed = place(texts.map((row) => row.map((t) => c(t))));
        const g = grid(table(placed.rows, placed.cols, placed.cells));
        texts.forEach((row, r) => row.forEach((t, k) => expect(g[r]![k]!.text).toBe(t)));
        expect(placed.cols).toBe(Math.max(...texts.map((row) => row.length)));
      }),
    );
  });
});
