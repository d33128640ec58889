import { describe, expect, it } from 'vitest';
import type { GridCell, GridTable } from './table-grid.js';
import { continuesTable, joinTables, pagedTable } from './table-merge.js';

const PAGE_HEIGHT = 842;

/** A table of one-slot cells from a text grid; `spans` enlarges the cells anchored at the given slots. */
function gridTable(page: number, xs: number[], ys: number[], rows: string[][], spans: { row: number; col: number; rowSpan?: number; colSpan?: number }[] = []): GridTable {
  const covered = new Set<string>();
  const cells: GridCell[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < xs.length - 1; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const s = spans.find((k) => k.row === r && k.col === c);
      const rowSpan = s?.rowSpan ?? 1, colSpan = s?.colSpan ?? 1;
      for (let i = r; i < r + rowSpan; i++) for (let k = c; k < c + colSpan; k++) covered.add(`${i},${k}`);
      cells.push({ row: r, col: c, rowSpan, colSpan, text: rows[r]![c] ?? '', box: [xs[c]!, ys[r]!, xs[c + colSpan]!, ys[r + rowSpan]!] });
    }
  }
  return { page, box: [xs[0]!, ys[0]!, xs.at(-1)!, ys.at(-1)!], xs, ys, cells };
}

const XS = [70, 200, 300, 400, 520];
const rowsFrom = (top: number, n: number, h = 20) => Array.from({ length: n + 1 }, (_, i) => top + i * h);

describe('continuesTable', () => {
  const bottomOfPage1 = pagedTable(gridTable(1, XS, rowsFrom(600, 10), Array.from({ length: 10 }, () => ['a', '1', '2', '3'])), PAGE_HEIGHT);

  it('accepts a table at the top of the next page with the same column boundaries', () => {
    const top = pagedTable(gridTable(2, XS.map((x) => x + 1), rowsFrom(80, 3), [['b', '4', '5', '6'], ['c', '7', '8', '9'], ['d', '1', '1', '1']]), PAGE_HEIGHT);
    expect(continuesTable(bottomOfPage1, top, PAGE_HEIGHT)).toBe(true);
  });

  it('accepts the same table shifted by mirrored page margins', () => {
    const shifted = pagedTable(gridTable(2, XS.map((x) => x + 18), rowsFrom(80, 2), [['b', '4', '5', '6'], ['c', '7', '8', '9']]), PAGE_HEIGHT);
    expect(continuesTable(bottomOfPage1, shifted, PAGE_HEIGHT)).toBe(true);
    const t = joinTables(bottomOfPage1, shifted);
    expect(t.xs).toHaveLength(5);
    expect(t.cells.find((c) => c.text === '9')).toMatchObject({ row: 11, col: 3, box: [418, 100, 538, 120] });
  });

  it('refuses a table with a different column structure (never joins two different tables)', () => {
    const other = pagedTable(gridTable(2, [70, 150, 250, 350, 450, 520], rowsFrom(80, 2), [['x', 'y', 'z', 'w', 'v'], ['1', '2', '3', '4', '5']]), PAGE_HEIGHT);
    expect(continuesTable(bottomOfPage1, other, PAGE_HEIGHT)).toBe(false);
  });

  it('refuses a table that starts low on the next page (text above it) or a page further on', () => {
    const low = pagedTable(gridTable(2, XS, rowsFrom(500, 2), [['b', '4', '5', '6'], ['c', '7', '8', '9']]), PAGE_HEIGHT);
    expect(continuesTable(bottomOfPage1, low, PAGE_HEIGHT)).toBe(false);
    const later = pagedTable(gridTable(3, XS, rowsFrom(80, 2), [['b', '4', '5', '6'], ['c', '7', '8', '9']]), PAGE_HEIGHT);
    expect(continuesTable(bottomOfPage1, later, PAGE_HEIGHT)).toBe(false);
  });

  it('refuses when the first table ends in the middle of its page', () => {
    const midPage = pagedTable(gridTable(1, XS, rowsFrom(200, 3), [['a', '1', '2', '3'], ['a', '1', '2', '3'], ['a', '1', '2', '3']]), PAGE_HEIGHT);
    const top = pagedTable(gridTable(2, XS, rowsFrom(80, 1), [['b', '4', '5', '6']]), PAGE_HEIGHT);
    expect(continuesTable(midPage, top, PAGE_HEIGHT)).toBe(false);
  });
});

describe('joinTables', () => {
  const header = ['项目', '甲', '乙', '丙'];

  it('appends the rows and keeps each cell on its own page', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 2), [header, ['一', '1', '2', '3']]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 2), [['二', '4', '5', '6'], ['三', '7', '8', '9']]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.rows).toBe(4);
    expect(t.cells.filter((c) => c.row === 3).map((c) => [c.text, c.page])).toEqual([['三', 2], ['7', 2], ['8', 2], ['9', 2]]);
    expect(t.cells.find((c) => c.row === 1 && c.col === 0)?.page).toBe(1);
  });

  it('drops header rows the continuation repeats', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 2), [header, ['一', '1', '2', '3']]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 2), [header, ['二', '4', '5', '6']]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.rows).toBe(3);
    expect(t.cells.filter((c) => c.row === 2).map((c) => c.text)).toEqual(['二', '4', '5', '6']);
  });

  it('merges a wholly empty first row into the row the page break cut, extending a rowspan that goes on', () => {
    // Page 1: a label spanning rows 1–2; page 2 starts with the empty rest of row 2, the label column going on.
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 3), [header, ['标签', 'x1', '1', '2'], ['', 'x2', '3', '4']], [{ row: 1, col: 0, rowSpan: 2 }]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 3), [['', '', '', ''], ['', 'x3', '5', '6'], ['合计', '', '9', '9']], [{ row: 0, col: 0, rowSpan: 2 }]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.rows).toBe(5);
    expect(t.cells.find((c) => c.text === '标签')).toMatchObject({ row: 1, rowSpan: 3 });
    expect(t.cells.find((c) => c.text === 'x3')).toMatchObject({ row: 3, col: 1 });
    expect(t.cells.find((c) => c.text === '合计')).toMatchObject({ row: 4, col: 0 });
  });

  it('continues the rowspans of the leading empty cells when the first row has text', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 3), [header, ['（四）无法提供', '1.甲', '1', '2'], ['', '2.乙', '3', '4']], [{ row: 1, col: 0, rowSpan: 2 }]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 2), [['', '3.丙', '', '6'], ['（五）', '1.丁', '7', '8']]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.rows).toBe(5);
    expect(t.cells.find((c) => c.text === '（四）无法提供')).toMatchObject({ rowSpan: 3 });
    // A blank value after the row label stays a blank cell of its own.
    expect(t.cells.find((c) => c.row === 3 && c.col === 2)).toMatchObject({ text: '', rowSpan: 1 });
  });

  it('re-joins a label wrapped over the page break (text only, under the cells it continues)', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 2), [header, ['5.要求行政机关确认或重', '0', '0', '0']]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 2), [['新出具已获取信息', '', '', ''], ['（六）其他处理', '0', '0', '0']]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.rows).toBe(3);
    expect(t.cells.find((c) => c.row === 1 && c.col === 0)?.text).toBe('5.要求行政机关确认或重新出具已获取信息');
    expect(t.cells.find((c) => c.row === 2 && c.col === 0)?.text).toBe('（六）其他处理');
  });

  it('keeps a first row that starts with an enumerator or holds numbers as a row of its own', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 2), [header, ['5.要求行政机关确认', '0', '0', '0']]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, XS, rowsFrom(80, 1), [['（六）其他处理', '', '', '']]), PAGE_HEIGHT);
    expect(joinTables(a, b).rows).toBe(3);
    const c = pagedTable(gridTable(2, XS, rowsFrom(80, 1), [['其他', '4', '', '']]), PAGE_HEIGHT);
    expect(joinTables(a, c).rows).toBe(3);
  });

  it('maps a continuation with fewer column boundaries onto the union of both', () => {
    const a = pagedTable(gridTable(1, XS, rowsFrom(700, 2), [header, ['一', '1', '2', '3']]), PAGE_HEIGHT);
    const b = pagedTable(gridTable(2, [70, 200, 520], rowsFrom(80, 1), [['行政许可', '550']]), PAGE_HEIGHT);
    const t = joinTables(a, b);
    expect(t.xs).toHaveLength(5);
    expect(t.cells.find((c) => c.text === '550')).toMatchObject({ row: 2, col: 1, colSpan: 3 });
  });
});
