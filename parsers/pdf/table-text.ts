// Tables without rules: consecutive lines that split into runs at wide gaps, with the runs falling into
// the same columns, read as a table (one row per line). Covers the simple case of a statistics table
// typed with spaces or tabs, or exported without borders (pdftotext -layout turns such a table into the
// tab-separated text of pingdingshan-shangwu-2023.txt); multi-line cells are not re-joined.
import { type Box, union } from './geometry.js';
import { joinText, type Line } from './lines.js';
import type { GridCell, GridTable } from './table-grid.js';

/** Fewest consecutive lines read as a table: two could be a heading beside a date. */
export const MIN_ALIGNED_ROWS = 3;

const isRowCandidate = (l: Line) => !l.vertical && l.runs.length >= 2;

/** Disjoint x-intervals covered by the runs of the lines: the columns. */
function columnsOf(lines: Line[]): [number, number][] {
  const spans = lines.flatMap((l) => l.runs.map((r) => [r.box[0], r.box[2]] as [number, number])).sort((a, b) => a[0] - b[0]);
  const cols: [number, number][] = [];
  for (const s of spans) {
    const last = cols.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else cols.push([s[0], s[1]]);
  }
  return cols;
}

function tableOf(lines: Line[], cols: [number, number][], page: number): GridTable {
  const xs = [cols[0]![0], ...cols.slice(1).map((c, i) => (cols[i]![1] + c[0]) / 2), cols.at(-1)![1]];
  const ys = [lines[0]!.box[1], ...lines.slice(1).map((l, i) => (lines[i]!.box[3] + l.box[1]) / 2), lines.at(-1)!.box[3]];
  const cells: GridCell[] = [];
  lines.forEach((line, row) => {
    cols.forEach(([x0, x1], col) => {
      const runs = line.runs.filter((r) => r.box[0] >= x0 - 0.5 && r.box[2] <= x1 + 0.5);
      cells.push({ row, col, rowSpan: 1, colSpan: 1, text: joinText(runs.map((r) => r.text)), box: [xs[col]!, ys[row]!, xs[col + 1]!, ys[row + 1]!] });
    });
  });
  const box = lines.reduce<Box>((b, l) => union(b, l.box), [...lines[0]!.box]);
  return { page, box: [xs[0]!, box[1], xs.at(-1)!, box[3]], xs, ys, cells };
}

/** Split a page's body lines (reading order) into aligned tables and the lines left for paragraphs. */
export function findAlignedTables(lines: Line[], page: number): { tables: GridTable[]; rest: Line[] } {
  const tables: GridTable[] = [];
  const rest: Line[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && isRowCandidate(lines[j]!)) j++;
    const block = lines.slice(i, j);
    const cols = block.length >= MIN_ALIGNED_ROWS ? columnsOf(block) : [];
    // Every row must use at least two of the columns, or the "columns" are an accident of one long line.
    if (cols.length >= 2 && block.every((l) => new Set(l.runs.map((r) => cols.findIndex(([a, b]) => r.box[0] >= a - 0.5 && r.box[2] <= b + 0.5))).size >= 2)) {
      tables.push(tableOf(block, cols, page));
    } else {
      rest.push(...block);
    }
    if (j < lines.length && j === i) {
      rest.push(lines[j]!);
      j++;
    }
    i = j;
  }
  return { tables, rest };
}
