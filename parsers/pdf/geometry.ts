// Affine matrices [a, b, c, d, e, f] as PDF and pdfjs use them, and axis-aligned boxes in page space.

export type Matrix = [number, number, number, number, number, number];

/** x0 < x1, y0 < y1; page points, origin top-left (y grows downwards). */
export type Box = [number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 × m2: apply m2 first, then m1 (pdfjs Util.transform). */
export function multiply(m1: Matrix | ArrayLike<number>, m2: Matrix | ArrayLike<number>): Matrix {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

export function applyX(m: Matrix, x: number, y: number): number {
  return m[0] * x + m[2] * y + m[4];
}

export function applyY(m: Matrix, x: number, y: number): number {
  return m[1] * x + m[3] * y + m[5];
}

/** Bounding box of the rectangle (x0,y0)-(x1,y1) after m. */
export function transformBox(m: Matrix, x0: number, y0: number, x1: number, y1: number): Box {
  // Corner by corner rather than through arrays: this runs once per glyph.
  const ax = applyX(m, x0, y0), bx = applyX(m, x1, y0), cx = applyX(m, x0, y1), dx = applyX(m, x1, y1);
  const ay = applyY(m, x0, y0), by = applyY(m, x1, y0), cy = applyY(m, x0, y1), dy = applyY(m, x1, y1);
  return [Math.min(ax, bx, cx, dx), Math.min(ay, by, cy, dy), Math.max(ax, bx, cx, dx), Math.max(ay, by, cy, dy)];
}

export function union(a: Box, b: Box): Box {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}

export function round1(b: Box): Box {
  return b.map((v) => Math.round(v * 10) / 10) as Box;
}

/** Sorted values grouped when neighbours are within tolerance; each group becomes its mean. */
export function clusterValues(values: number[], tolerance: number): number[] {
  const sorted = new Float64Array(values).sort(); // numeric sort; one element kind for V8, however the values fall
  const out: number[] = [];
  let sum = 0;
  let n = 0;
  let last = -Infinity;
  for (const v of sorted) {
    if (n > 0 && v - last > tolerance) {
      out.push(sum / n);
      sum = 0;
      n = 0;
    }
    sum += v;
    n++;
    last = v;
  }
  if (n > 0) out.push(sum / n);
  return out;
}

/** Index of the value in sorted `lines` nearest to v, when within tolerance; else -1. */
export function nearestIndex(lines: number[], v: number, tolerance: number): number {
  let best = -1;
  let bestD = tolerance;
  for (let i = 0; i < lines.length; i++) {
    const d = Math.abs(lines[i]! - v);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}
