// Rows of cells with rowspan/colspan → cells placed on a rectangular grid, following the HTML table
// model (WHATWG "forming a table"): a cell starts at the first free slot of its row; slots covered by a
// rowspan from above are skipped. Malformed spans are cut so that every slot is covered exactly once.
import type { Cell, Provenance } from '../../src/model/document.js';
import { cell } from '../../src/model/document.js';

export interface SourceCell {
  text: string;
  /** As written; 0 or missing means 1 for colSpan, "to the last row" for rowSpan (HTML). */
  rowSpan: number;
  colSpan: number;
  prov?: Provenance;
}

/**
 * Grid slots one table may cover. The template's tables have ~300 and a long appended list a few tens
 * of thousands; `<td colspan=1000 rowspan=65534>` repeated is a memory bomb. Past this the table is
 * not built (placeCells returns undefined) and the reader warns instead.
 */
export const MAX_TABLE_SLOTS = 250_000;

export interface PlacedGrid {
  rows: number;
  cols: number;
  /** Every slot covered by exactly one cell; slots no source cell reached hold empty cells. */
  cells: Cell[];
  /** Source cells whose span was cut (past the table edge or over another cell). */
  clampedSpans: number;
}

/** HTML caps colspan at 1000 and rowspan at 65534; anything larger is an authoring error. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

interface Placement {
  src: SourceCell;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

function clampInt(value: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), 0), max) : 0;
}

/**
 * Place source rows on a grid (undefined when it would pass MAX_TABLE_SLOTS). The table is as wide as the right-most column in which some cell
 * starts (as browsers give no width to columns only a colspan reaches), so a colspan past the
 * edge is cut; a rowspan past the last row is cut to it. `rowProv(r)` gives provenance to the
 * empty cells that fill slots a short row left uncovered.
 */
export function placeCells(sourceRows: readonly (readonly SourceCell[])[], rowProv?: (row: number) => Provenance): PlacedGrid | undefined {
  const nRows = sourceRows.length;
  let marked = 0;
  const occupied: boolean[][] = Array.from({ length: nRows }, () => []);
  const placements: Placement[] = [];
  let clampedSpans = 0;

  for (let r = 0; r < nRows; r++) {
    const line = occupied[r]!;
    let c = 0;
    for (const src of sourceRows[r]!) {
      while (line[c]) c++;
      const wantCols = clampInt(src.colSpan, MAX_COLSPAN) || 1;
      const rawRows = clampInt(src.rowSpan, MAX_ROWSPAN);
      const wantRows = rawRows === 0 ? nRows - r : rawRows;
      // Cut the colspan at the first slot of this row a rowspan from above already holds.
      let colSpan = 1;
      while (colSpan < wantCols && !line[c + colSpan]) colSpan++;
      let rowSpan = Math.min(wantRows, nRows - r);
      // Defensive: stop the rowspan above any slot already taken (cannot happen with the scan above).
      for (let rr = r + 1; rr < r + rowSpan; rr++) {
        const below = occupied[rr]!;
        let free = true;
        for (let k = c; k < c + colSpan; k++) if (below[k]) free = false;
        if (!free) {
          rowSpan = rr - r;
          break;
        }
      }
      if (colSpan < wantCols || (rawRows !== 0 && rowSpan < wantRows)) clampedSpans++;
      marked += rowSpan * colSpan;
      if (marked > MAX_TABLE_SLOTS) return undefined;
      for (let rr = r; rr < r + rowSpan; rr++) {
        const target = occupied[rr]!;
        for (let k = c; k < c + colSpan; k++) target[k] = true;
      }
      placements.push({ src, row: r, col: c, rowSpan, colSpan });
      c += colSpan;
    }
  }

  let cols = 0;
  for (const p of placements) cols = Math.max(cols, p.col + 1);
  if (nRows * cols > MAX_TABLE_SLOTS) return undefined;

  const cells: Cell[] = [];
  const covered: boolean[][] = Array.from({ length: nRows }, () => Array<boolean>(cols).fill(false));
  for (const p of placements) {
    const colSpan = Math.min(p.colSpan, cols - p.col);
    if (colSpan < p.colSpan) clampedSpans++;
    for (let rr = p.row; rr < p.row + p.rowSpan; rr++) covered[rr]!.fill(true, p.col, p.col + colSpan);
    cells.push(cell(p.row, p.col, p.src.text, { rowSpan: p.rowSpan, colSpan }, p.src.prov));
  }
  for (let r = 0; r < nRows; r++) {
    const line = covered[r]!;
    for (let c = 0; c < cols; c++) {
      if (!line[c]) cells.push(cell(r, c, '', {}, rowProv?.(r)));
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: nRows, cols, cells, clampedSpans };
}
