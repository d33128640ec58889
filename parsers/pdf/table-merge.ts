// Tables across pages: a table ending near the bottom of page N (only footer below) and one starting
// near the top of page N+1 (nothing above) with compatible column boundaries are one table. Repeated
// header rows of the continuation are dropped; a row or rowspan cut by the page break is re-joined.
// seed-2023.pdf cuts the row "3.要求提供公开出版物" (an empty fragment row on page 4);
// huaian-hongze-2023.pdf continues the rowspans "三、本年度办理结果" and "（四）无法提供" on page 4.
import { type Box, clusterValues, nearestIndex } from './geometry.js';
import { joinText } from './lines.js';
import { startsWithEnumerator } from './paragraphs.js';
import type { GridCell, GridTable } from './table-grid.js';

export interface PlacedCell extends GridCell {
  page: number;
}

/** A table that may run over several pages; each cell keeps its own page and box. */
export interface PagedTable {
  page: number;
  box: Box;
  /** Column boundaries (cols + 1), page space of the pages the table runs over. */
  xs: number[];
  rows: number;
  cells: PlacedCell[];
  /** Where the table's last part sits: page, bottom (points) and that page's height. */
  end: { page: number; bottom: number; pageHeight: number };
}

/** Boundaries this close (points) across pages are the same column boundary. */
const COLUMN_TOLERANCE = 3;
/** "Near the bottom" / "near the top" of a page, as shares of its height. */
const BOTTOM_SHARE = 0.6;
const TOP_SHARE = 0.4;

export function pagedTable(t: GridTable, pageHeight: number): PagedTable {
  return {
    page: t.page, box: t.box, xs: t.xs, rows: t.ys.length - 1,
    cells: t.cells.map((c) => ({ ...c, page: t.page })),
    end: { page: t.page, bottom: t.box[3], pageHeight },
  };
}

/**
 * Whether `next` (first block of its page) continues `prev` (last block of the page before): positions
 * near the page break, same outer edges, and every column boundary of next's first row is one of prev's.
 */
export function continuesTable(prev: PagedTable, next: PagedTable, nextPageHeight: number): boolean {
  if (next.page !== prev.end.page + 1) return false;
  if (prev.end.bottom < prev.end.pageHeight * BOTTOM_SHARE || next.box[1] > nextPageHeight * TOP_SHARE) return false;
  const width = (t: PagedTable) => t.xs.at(-1)! - t.xs[0]!;
  if (Math.abs(width(prev) - width(next)) > COLUMN_TOLERANCE) return false;
  const shift = pageShift(prev, next);
  const firstRowEdges = next.cells.filter((c) => c.row === 0).flatMap((c) => [c.box[0] - shift, c.box[2] - shift]);
  return firstRowEdges.every((x) => nearestIndex(prev.xs, x, COLUMN_TOLERANCE) >= 0);
}

/**
 * How far the continuation sits to the right of the first part: 0 on the same margins, the margin
 * difference when odd and even pages have mirrored margins (Word's 对称页边距).
 */
function pageShift(prev: PagedTable, next: PagedTable): number {
  const d = next.xs[0]! - prev.xs[0]!;
  return Math.abs(d) <= COLUMN_TOLERANCE ? 0 : d;
}

/** Cells wholly inside rows [0, k), as comparable keys; null when a cell crosses row k. */
function headerKeys(t: PagedTable, k: number): string[] | null {
  const keys: string[] = [];
  for (const c of t.cells) {
    if (c.row >= k) continue;
    if (c.row + c.rowSpan > k) return null;
    keys.push(`${c.row}/${c.col}/${c.rowSpan}/${c.colSpan}/${c.text}`);
  }
  return keys.sort();
}

/** Rows at the top of `next` that repeat the header rows of `prev` (0 when none). */
function repeatedHeaderRows(prev: PagedTable, next: PagedTable): number {
  for (let k = Math.min(prev.rows, next.rows) - 1; k >= 1; k--) {
    const a = headerKeys(prev, k), b = headerKeys(next, k);
    if (a && b && a.length && a.join('\n') === b.join('\n') && next.cells.some((c) => c.row < k && c.text)) return k;
  }
  return 0;
}

function dropRows(t: PagedTable, from: number, count: number): void {
  t.cells = t.cells.filter((c) => c.row < from || c.row >= from + count);
  for (const c of t.cells) if (c.row >= from + count) c.row -= count;
  t.rows -= count;
}

/** Join `next` onto `prev` (see continuesTable); returns the joined table. */
export function joinTables(prev: PagedTable, next: PagedTable): PagedTable {
  // Column positions are compared in the first part's frame; each cell keeps its own page box.
  const shift = pageShift(prev, next);
  const xs = clusterValues([...prev.xs, ...next.xs.map((x) => x - shift)], COLUMN_TOLERANCE);
  const remap = (c: PlacedCell, rowOffset: number, dx: number): PlacedCell => {
    const c0 = nearestIndex(xs, c.box[0] - dx, COLUMN_TOLERANCE);
    const c1 = nearestIndex(xs, c.box[2] - dx, COLUMN_TOLERANCE);
    return { ...c, row: c.row + rowOffset, col: c0, colSpan: Math.max(1, c1 - c0) };
  };
  const tail: PagedTable = { ...next, cells: next.cells.map((c) => ({ ...c })) };
  dropRows(tail, 0, repeatedHeaderRows(prev, tail));
  const cells = [...prev.cells.map((c) => remap(c, 0, 0)), ...tail.cells.map((c) => remap(c, prev.rows, shift))];
  const joined: PagedTable = { page: prev.page, box: prev.box, xs, rows: prev.rows + tail.rows, cells, end: next.end };
  rejoinCutRow(joined, prev.rows);
  return joined;
}

/** The cell of the previous part right above `c` with the same columns, if any. */
function cellAbove(t: PagedTable, c: PlacedCell, boundary: number): PlacedCell | undefined {
  return t.cells.find((a) => a.row < boundary && a.row + a.rowSpan === boundary && a.col === c.col && a.colSpan === c.colSpan);
}

/**
 * The rest of a row whose label wrapped over the page break (Word and WPS let rows break across pages):
 * text only, no numbers, no enumerator, each piece under a non-empty cell it continues.
 */
function isWrappedTextFragment(t: PagedTable, first: PlacedCell[], boundary: number): boolean {
  const filled = first.filter((c) => c.text);
  return filled.every((c) => {
    if (/^[\d\s.,，%-]+$/.test(c.text) || startsWithEnumerator(c.text)) return false;
    return !!cellAbove(t, c, boundary)?.text;
  });
}

/**
 * Row `boundary` is the continuation's first row. When it is wholly empty it is the rest of a row cut
 * by the page break: it merges into the row above. Otherwise its leading empty cells (the row-label
 * columns) continue the rowspans above them.
 */
function rejoinCutRow(t: PagedTable, boundary: number): void {
  const first = t.cells.filter((c) => c.row === boundary).sort((a, b) => a.col - b.col);
  if (!first.length) return;
  if (first.every((c) => !c.text) || isWrappedTextFragment(t, first, boundary)) {
    const above = first.map((c) => cellAbove(t, c, boundary));
    if (above.every((a) => a)) {
      first.forEach((c, i) => {
        const a = above[i]!;
        a.rowSpan += c.rowSpan - 1;
        if (c.text) a.text = joinText([a.text, c.text]);
      });
      t.cells = t.cells.filter((c) => !first.includes(c));
      for (const c of t.cells) if (c.row > boundary) c.row -= 1;
      t.rows -= 1;
      return;
    }
  }
  for (const c of first) {
    if (c.text) break;
    const above = cellAbove(t, c, boundary);
    if (!above) break;
    above.rowSpan += c.rowSpan;
    t.cells = t.cells.filter((k) => k !== c);
  }
}
