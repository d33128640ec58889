// Ruled tables: segments (rules.ts) → connected groups of rules → grid lines → slots merged where no rule
// separates them (rowspans, colspans) → text by glyph centre (NOTES.md "An approach to ruled PDF tables").
import { type Box, clusterValues } from './geometry.js';
import { buildLines, joinText } from './lines.js';
import type { Segment } from './rules.js';
import type { Glyph } from './text-items.js';

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  text: string;
  box: Box;
}

/** A table found on one page: grid lines in page space and its cells (each once, top-left anchored). */
export interface GridTable {
  page: number;
  box: Box;
  /** Column boundaries, left to right (cols + 1 values). */
  xs: number[];
  /** Row boundaries, top to bottom (rows + 1 values). */
  ys: number[];
  cells: GridCell[];
}

/** Rules this close (points) are the same grid line: borders drawn twice, 0.3 pt apart in WPS output. */
const SNAP = 2;
/** More merged rules than this on a page: a drawing, not tables (keeps the O(h × v) grouping bounded). */
export const MAX_RULES_PER_PAGE = 3000;
/** Rules shorter than this (points) are tick marks or stubs, not table borders. */
const MIN_RULE_LENGTH = 6;
/** A grid with text in fewer of its cells than this share is a chart's frame and gridlines, not a table. */
const MIN_FILLED_SHARE = 0.1;
/** A slot edge counts as ruled when rules cover this share of it. */
const RULED_SHARE = 0.5;

/** Join collinear pieces of rules (LibreOffice draws a border cell by cell). */
export function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const horizontal of [true, false]) {
    const group = segments.filter((s) => s.horizontal === horizontal).sort((a, b) => a.pos - b.pos || a.from - b.from);
    const lines: Segment[][] = [];
    for (const s of group) {
      const line = lines.at(-1);
      if (line && s.pos - line[0]!.pos <= SNAP / 2) line.push(s);
      else lines.push([s]);
    }
    for (const line of lines) {
      const pos = line.reduce((sum, s) => sum + s.pos, 0) / line.length;
      const pieces = line.sort((a, b) => a.from - b.from);
      let cur: Segment | null = null;
      for (const s of pieces) {
        if (cur && s.from <= cur.to + SNAP) cur.to = Math.max(cur.to, s.to);
        else {
          if (cur) out.push(cur);
          cur = { horizontal, pos, from: s.from, to: s.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

/** Groups of rules that touch each other (union-find over horizontal × vertical crossings). */
function connectedGroups(segments: Segment[]): Segment[][] {
  const parent = segments.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Indices, not [segment, index] pairs: small tuples change V8's element kinds and cost recompilations.
  const hs: number[] = [], vs: number[] = [];
  segments.forEach((s, i) => (s.horizontal ? hs : vs).push(i));
  for (const hi of hs) {
    const h = segments[hi]!;
    for (const vi of vs) {
      const v = segments[vi]!;
      if (v.pos >= h.from - SNAP && v.pos <= h.to + SNAP && h.pos >= v.from - SNAP && h.pos <= v.to + SNAP) parent[find(hi)] = find(vi);
    }
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()];
}

/** Share of [a, b] covered by the rules at `pos` (within SNAP). */
function coverage(rules: Segment[], pos: number, a: number, b: number): number {
  const pieces = rules.filter((r) => Math.abs(r.pos - pos) <= SNAP && r.to > a && r.from < b).sort((p, q) => p.from - q.from);
  let covered = 0;
  let end = a;
  for (const r of pieces) {
    const to = Math.min(b, r.to);
    if (to <= end) continue;
    covered += to - Math.max(a, r.from, end);
    end = to;
  }
  return b > a ? covered / (b - a) : 1;
}

/** Slot groups → rectangles: slots joined where no rule separates them; a non-rectangular group takes its bounding rectangle. */
function mergeSlots(rows: number, cols: number, openRight: (r: number, c: number) => boolean, openDown: (r: number, c: number) => boolean): [number, number, number, number][] {
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && openRight(r, c)) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && openDown(r, c)) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  // Rectangles [r0, c0, r1, c1] (inclusive); overlapping bounding rectangles merge until none overlap.
  const rects = new Map<number, [number, number, number, number]>();
  for (let i = 0; i < rows * cols; i++) {
    const r = Math.floor(i / cols), c = i % cols, root = find(i);
    const b = rects.get(root);
    if (b) rects.set(root, [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)]);
    else rects.set(root, [r, c, r, c]);
  }
  let list = [...rects.values()];
  for (let changed = true; changed; ) {
    changed = false;
    outer: for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!, b = list[j]!;
        if (a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]) {
          list[i] = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
          list = list.filter((_, k) => k !== j);
          changed = true;
          break outer;
        }
      }
    }
  }
  return list.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** Grid lines across the `cross` rules: their positions, and the outer edges where the `along` rules end. */
function gridLines(cross: Segment[], along: Segment[]): number[] {
  const values = cross.map((s) => s.pos);
  let first = Infinity, last = -Infinity;
  for (const s of along) {
    first = Math.min(first, s.from);
    last = Math.max(last, s.to);
  }
  values.push(first, last);
  return clusterValues(values, SNAP);
}

/** Index i with lines[i] <= v < lines[i + 1], or -1 outside. */
function slotIndex(lines: number[], v: number): number {
  for (let i = 0; i + 1 < lines.length; i++) if (v >= lines[i]! && v < lines[i + 1]!) return i;
  return -1;
}

/** Ruled tables of one page, and the glyphs outside them. */
export function findRuledTables(segments: Segment[], glyphs: Glyph[], page: number): { tables: GridTable[]; outside: Glyph[] } {
  // Tick marks of charts and underline stubs are short; table rules span at least a narrow cell.
  const merged = mergeSegments(segments).filter((r) => r.to - r.from >= MIN_RULE_LENGTH);
  // Pages drawn with thousands of rules (maps, charts) are not report tables; the crossing test is quadratic.
  if (merged.length > MAX_RULES_PER_PAGE) return { tables: [], outside: glyphs };
  const grids: Grid[] = [];
  for (const group of connectedGroups(merged)) {
    const grid = ruledGrid(group, page);
    if (grid) grids.push(grid);
  }
  const { perCell, outside } = placeGlyphs(grids, glyphs);
  // The lines of a cell join without separator: a label wrapped mid-word, or written one character per
  // line in a tall merged cell ("三、本年度办理结果" in seed-2023.pdf), reads as one string.
  for (const [cell, list] of perCell) cell.text = joinText(buildLines(list).map((l) => l.text));
  const kept = grids.map((g) => g.table).filter((t) => {
    if (t.cells.filter((c) => c.text).length >= MIN_FILLED_SHARE * t.cells.length) return true;
    for (const c of t.cells) outside.push(...(perCell.get(c) ?? []));
    return false;
  });
  return { tables: kept.sort((a, b) => a.box[1] - b.box[1]), outside };
}

/** A table and, for each slot of its grid (row-major), the index of the cell covering it. */
interface Grid {
  table: GridTable;
  slotCell: Int32Array;
}

/** One connected group of rules → a grid of cells with spans; null when the rules make no table. */
function ruledGrid(group: Segment[], page: number): Grid | null {
  const hs = group.filter((s) => s.horizontal), vs = group.filter((s) => !s.horizontal);
  if (hs.length < 2 || vs.length < 2) return null;
  // Outer edges come from the rules' extents too: WPS leaves the bottom border of a table cut by a
  // page break undrawn (huaian-hongze-2023.pdf page 3), LibreOffice the top one on the next page.
  const xs = gridLines(vs, hs), ys = gridLines(hs, vs);
  const rows = ys.length - 1, cols = xs.length - 1;
  // A lone box is a frame, not a table. One column of rows (a frame with horizontal rules only) is left
  // to the alignment reader (table-text.ts), which can split the rows into columns at blank space.
  if (rows < 1 || cols < 2) return null;
  const rects = mergeSlots(
    rows, cols,
    (r, c) => coverage(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!) < RULED_SHARE,
    (r, c) => coverage(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!) < RULED_SHARE,
  );
  const slotCell = new Int32Array(rows * cols);
  const cells: GridCell[] = rects.map(([r0, c0, r1, c1], k) => {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) slotCell[r * cols + c] = k;
    return { row: r0, col: c0, rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1, text: '', box: [xs[c0]!, ys[r0]!, xs[c1 + 1]!, ys[r1 + 1]!] };
  });
  return { table: { page, box: [xs[0]!, ys[0]!, xs.at(-1)!, ys.at(-1)!], xs, ys, cells }, slotCell };
}

/** Each glyph goes to the cell holding its centre, or outside every table. */
function placeGlyphs(grids: Grid[], glyphs: Glyph[]): { perCell: Map<GridCell, Glyph[]>; outside: Glyph[] } {
  const perCell = new Map<GridCell, Glyph[]>();
  const outside: Glyph[] = [];
  for (const g of glyphs) {
    const cx = (g.box[0] + g.box[2]) / 2, cy = (g.box[1] + g.box[3]) / 2;
    let placed = false;
    for (const { table: t, slotCell } of grids) {
      if (cx < t.box[0] || cx > t.box[2] || cy < t.box[1] || cy > t.box[3]) continue;
      const r = slotIndex(t.ys, cy), c = slotIndex(t.xs, cx);
      if (r < 0 || c < 0) continue;
      const cell = t.cells[slotCell[r * (t.xs.length - 1) + c]!]!;
      const list = perCell.get(cell);
      if (list) list.push(g);
      else perCell.set(cell, [g]);
      placed = true;
      break;
    }
    if (!placed) outside.push(g);
  }
  return { perCell, outside };
}
