// Grid views of a Table: every covered slot points at the same Cell (docling's TableData.grid).
import type { Cell, Table } from './document.js';

/** rows × cols array; slots covered by a merged cell hold that cell; slots no cell covers hold null. */
export function grid(t: Table): (Cell | null)[][] {
  const g: (Cell | null)[][] = Array.from({ length: t.rows }, () => Array<Cell | null>(t.cols).fill(null));
  for (const c of t.cells) {
    for (let r = c.row; r < Math.min(c.row + c.rowSpan, t.rows); r++) {
      const line = g[r]!;
      for (let k = c.col; k < Math.min(c.col + c.colSpan, t.cols); k++) line[k] = c;
    }
  }
  return g;
}

/** Text grid as SCHEMA.md's Table.rows: a merged cell's text sits in its top-left slot, others "". */
export function textRows(t: Table): string[][] {
  const rows: string[][] = Array.from({ length: t.rows }, () => Array<string>(t.cols).fill(''));
  for (const c of t.cells) {
    const line = rows[c.row];
    if (line && c.col < t.cols) line[c.col] = c.text;
  }
  return rows;
}

/** Merged cells only, as SCHEMA.md's Table.spans. */
export function spans(t: Table): { row: number; col: number; rowSpan: number; colSpan: number }[] {
  return t.cells
    .filter((c) => c.rowSpan > 1 || c.colSpan > 1)
    .map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan }));
}
