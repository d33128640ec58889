import { describe, expect, it } from 'vitest';
import type { Line } from './lines.js';
import { findAlignedTables } from './table-text.js';

/** A line of runs: [text, x0, x1] at top y. */
function line(y: number, runs: [string, number, number][]): Line {
  return {
    text: runs.map((r) => r[0]).join(''),
    box: [runs[0]![1], y, runs.at(-1)![2], y + 12],
    size: 12,
    runs: runs.map(([text, x0, x1]) => ({ text, box: [x0, y, x1, y + 12] })),
    vertical: false,
  };
}

describe('findAlignedTables', () => {
  it('needs three consecutive lines whose runs share columns', () => {
    const two = [line(100, [['项目', 72, 96], ['总计', 220, 244]]), line(120, [['新收', 72, 96], ['21', 220, 232]])];
    expect(findAlignedTables(two, 1).tables).toEqual([]);
    const three = [...two, line(140, [['结转', 72, 96], ['4', 220, 226]])];
    const { tables, rest } = findAlignedTables(three, 1);
    expect(tables).toHaveLength(1);
    expect(tables[0]!.cells.map((c) => c.text)).toEqual(['项目', '总计', '新收', '21', '结转', '4']);
    expect(rest).toEqual([]);
  });

  it('leaves ordinary lines (one run each) to the paragraphs, in order', () => {
    const lines = [line(100, [['正文第一行', 72, 500]]), line(120, [['正文第二行', 72, 300]])];
    expect(findAlignedTables(lines, 1)).toEqual({ tables: [], rest: lines });
  });

  it('does not take runs that overlap across lines for columns of a table', () => {
    // Each line splits once, but at different places: no shared column structure.
    const lines = [
      line(100, [['甲', 72, 90], ['乙乙乙乙乙乙', 200, 400]]),
      line(120, [['丙丙丙丙丙丙丙丙', 72, 300], ['丁', 420, 440]]),
      line(140, [['戊', 72, 90], ['己己己己己己己己', 150, 450]]),
    ];
    expect(findAlignedTables(lines, 1).tables).toEqual([]);
  });
});
