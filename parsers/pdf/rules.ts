// Ruling lines from painted paths (constructPath in pdfjs 5: [paintOp, [pathData], minMax], draw codes
// moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4; `re` arrives expanded).
// LibreOffice strokes table borders; WPS and Word also fill thin rectangles; both are rules. Filled
// rectangles wider than MAX_RULE_THICKNESS are shaded cells (huaian-hongze-2023.pdf paints white and
// #c6d9f1 cell backgrounds) and are not.
import { applyX, applyY, type Matrix } from './geometry.js';

/** An axis-aligned rule in page space: horizontal at y = pos from x = from to to, or vertical. */
export interface Segment {
  horizontal: boolean;
  pos: number;
  from: number;
  to: number;
}

/** Thicker filled rectangles are shading, not rules (points). */
export const MAX_RULE_THICKNESS = 3;
/** How far off the axis a stroked line may lean and still be a rule (points). */
const AXIS_TOLERANCE = 1;

const OP_STROKE = 20, OP_CLOSE_STROKE = 21, OP_FILL = 22, OP_EO_FILL = 23, OP_FILL_STROKE = 24,
  OP_EO_FILL_STROKE = 25, OP_CLOSE_FILL_STROKE = 26, OP_CLOSE_EO_FILL_STROKE = 27;

const STROKES = new Set([OP_STROKE, OP_CLOSE_STROKE, OP_FILL_STROKE, OP_EO_FILL_STROKE, OP_CLOSE_FILL_STROKE, OP_CLOSE_EO_FILL_STROKE]);
const FILLS = new Set([OP_FILL, OP_EO_FILL, OP_FILL_STROKE, OP_EO_FILL_STROKE, OP_CLOSE_FILL_STROKE, OP_CLOSE_EO_FILL_STROKE]);

export interface PaintStyle {
  /** Paints with the stroke colour (false when that colour is white: invisible on paper). */
  strokeVisible: boolean;
  fillVisible: boolean;
}

/** Append the rules a painted path draws; `m` = viewport × CTM. Clip-only paths (endPath) draw none. */
export function pathSegments(paintOp: number, data: ArrayLike<number> | null, m: Matrix, style: PaintStyle, out: Segment[]): void {
  if (!data) return;
  const stroke = STROKES.has(paintOp) && style.strokeVisible;
  const fill = FILLS.has(paintOp) && style.fillVisible;
  if (!stroke && !fill) return;
  // Subpaths as page-space points; a subpath with curves is not a rectangle and its curves are no rules.
  let xs: number[] = [];
  let ys: number[] = [];
  let curved = false;
  const finish = (closed: boolean) => {
    if (xs.length >= 2) {
      if (stroke) strokeSegments(xs, ys, closed, out);
      if (fill && !curved) thinRectangle(xs, ys, out);
    }
    xs = [];
    ys = [];
    curved = false;
  };
  for (let i = 0; i < data.length; ) {
    const code = data[i]!;
    if (code === 0 || code === 1) {
      if (code === 0) finish(false);
      const x = data[i + 1]!, y = data[i + 2]!;
      xs.push(applyX(m, x, y));
      ys.push(applyY(m, x, y));
      i += 3;
    } else if (code === 2 || code === 3) {
      const n = code === 2 ? 6 : 4;
      const x = data[i + n - 1]!, y = data[i + n]!;
      // Keep the end point so that following lines start right; mark the subpath as not a rectangle.
      finish(false);
      xs.push(applyX(m, x, y));
      ys.push(applyY(m, x, y));
      curved = true;
      i += n + 1;
    } else if (code === 4) {
      finish(true);
      i += 1;
    } else {
      break; // unknown draw code: stop reading this path rather than misread it
    }
  }
  finish(false);
}

function strokeSegments(xs: number[], ys: number[], closed: boolean, out: Segment[]): void {
  const n = xs.length;
  const last = closed ? n : n - 1;
  for (let k = 0; k < last; k++) {
    const j = (k + 1) % n;
    addLine(xs[k]!, ys[k]!, xs[j]!, ys[j]!, out);
  }
}

function addLine(x0: number, y0: number, x1: number, y1: number, out: Segment[]): void {
  const dx = Math.abs(x1 - x0), dy = Math.abs(y1 - y0);
  if (dy <= AXIS_TOLERANCE && dx > AXIS_TOLERANCE) {
    out.push({ horizontal: true, pos: (y0 + y1) / 2, from: Math.min(x0, x1), to: Math.max(x0, x1) });
  } else if (dx <= AXIS_TOLERANCE && dy > AXIS_TOLERANCE) {
    out.push({ horizontal: false, pos: (x0 + x1) / 2, from: Math.min(y0, y1), to: Math.max(y0, y1) });
  }
}

function thinRectangle(xs: number[], ys: number[], out: Segment[]): void {
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  // Every corner must lie on the bounding box's edges: an axis-aligned rectangle, not a slanted shape.
  for (let k = 0; k < xs.length; k++) {
    const onX = Math.abs(xs[k]! - x0) < 0.5 || Math.abs(xs[k]! - x1) < 0.5;
    const onY = Math.abs(ys[k]! - y0) < 0.5 || Math.abs(ys[k]! - y1) < 0.5;
    if (!onX || !onY) return;
  }
  const w = x1 - x0, h = y1 - y0;
  if (h < MAX_RULE_THICKNESS && w > h && w > AXIS_TOLERANCE) out.push({ horizontal: true, pos: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w < MAX_RULE_THICKNESS && h > w && h > AXIS_TOLERANCE) out.push({ horizontal: false, pos: (x0 + x1) / 2, from: y0, to: y1 });
}
