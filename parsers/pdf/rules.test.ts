import { describe, expect, it } from 'vitest';
import type { Matrix } from './geometry.js';
import { pathSegments, type Segment } from './rules.js';

// Draw codes of pdfjs 5 path data.
const M = 0, L = 1, C = 2, Z = 4;
const STROKE = 20, FILL = 22, END_PATH = 28;
const visible = { strokeVisible: true, fillVisible: true };
// Page 842 pt high: PDF user space (origin bottom-left) → page space (origin top-left).
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 842];
const rect = (x: number, y: number, w: number, h: number) => [M, x, y, L, x + w, y, L, x + w, y + h, L, x, y + h, Z];

function segments(op: number, data: number[], m: Matrix = VIEWPORT, style = visible): Segment[] {
  const out: Segment[] = [];
  pathSegments(op, Float32Array.from(data), m, style, out);
  return out;
}

describe('pathSegments', () => {
  it('turns a stroked line into a horizontal rule in page space (origin top-left)', () => {
    expect(segments(STROKE, [M, 100, 742, L, 300, 742])).toEqual([{ horizontal: true, pos: 100, from: 100, to: 300 }]);
  });

  it('turns a stroked rectangle into its four edges', () => {
    const out = segments(STROKE, rect(100, 100, 200, 50));
    expect(out.filter((s) => s.horizontal).map((s) => s.pos).sort()).toEqual([692, 742]);
    expect(out.filter((s) => !s.horizontal).map((s) => s.pos).sort()).toEqual([100, 300]);
  });

  it('counts a thin filled rectangle as a rule and a wide one (a shaded cell) as none', () => {
    expect(segments(FILL, rect(100, 500, 300, 0.5))).toEqual([{ horizontal: true, pos: 841.75 - 500, from: 100, to: 400 }]);
    expect(segments(FILL, rect(100, 500, 0.7, 200))).toHaveLength(1);
    expect(segments(FILL, rect(100, 500, 300, 20))).toEqual([]);
  });

  it('ignores clip-only paths, white paint, slanted lines and curves', () => {
    expect(segments(END_PATH, rect(0, 0, 595, 842))).toEqual([]);
    expect(segments(STROKE, [M, 100, 100, L, 300, 100], VIEWPORT, { strokeVisible: false, fillVisible: true })).toEqual([]);
    expect(segments(STROKE, [M, 100, 100, L, 300, 200])).toEqual([]);
    expect(segments(STROKE, [M, 100, 100, C, 150, 150, 200, 150, 300, 100])).toEqual([]);
  });

  it('applies the transformation matrix (a form XObject scaled by 2 and moved)', () => {
    const m: Matrix = [2, 0, 0, -2, 10, 842];
    expect(segments(STROKE, [M, 0, 10, L, 100, 10], m)).toEqual([{ horizontal: true, pos: 822, from: 10, to: 210 }]);
  });
});
