// Glyphs → lines (and runs within a line), with the spacing rules of Chinese text: no space next to a
// CJK character (pdfjs-era extractions put one between 2023 and 年), one space between Latin words.
import { type Box, union } from './geometry.js';
import type { Glyph } from './text-items.js';

/** Glyphs of one line without a wide gap between them. */
export interface Run {
  text: string;
  box: Box;
}

export interface Line {
  text: string;
  box: Box;
  /** Font size (points) of most of the line's glyphs. */
  size: number;
  runs: Run[];
  /** Written top to bottom (a vertical font: the label column of huaian-hongze-2023.pdf's table 三). */
  vertical: boolean;
}

/** A gap wider than this many font sizes splits a line into runs (columns of a borderless table). */
const RUN_GAP_EM = 1.5;
/** A gap wider than this many font sizes between Latin letters or digits reads as a space. */
const SPACE_GAP_EM = 0.2;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Join pieces of text: a space only between two non-CJK, non-space characters. */
export function joinText(parts: string[]): string {
  let out = '';
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    if (out && !isCjk(out.at(-1)) && !isCjk(p[0])) out += ' ';
    out += p;
  }
  return out;
}

/** Collapse whitespace and drop it next to CJK characters ("2023 年" → "2023年", "A  B" → "A B"). */
export function normalizeSpaces(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/ (?=[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f])/g, '')
    .replace(/([\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]) /g, '$1')
    .trim();
}

const centreY = (g: Glyph) => (g.box[1] + g.box[3]) / 2;
const centreX = (g: Glyph) => (g.box[0] + g.box[2]) / 2;

/** Group glyphs into lines in reading order (top to bottom; vertical columns left to right). */
export function buildLines(glyphs: Glyph[]): Line[] {
  const horizontal = glyphs.filter((g) => !g.vertical).sort((a, b) => centreY(a) - centreY(b) || a.box[0] - b.box[0]);
  const lines: Line[] = [];
  let current: Glyph[] = [];
  let lineCentre = 0;
  let lineSize = 0;
  for (const g of horizontal) {
    const c = centreY(g);
    if (current.length && Math.abs(c - lineCentre) <= 0.45 * Math.max(lineSize, g.size)) {
      current.push(g);
      if (g.text !== ' ') lineSize = Math.max(lineSize, g.size);
      continue;
    }
    if (current.length) lines.push(makeLine(current, false));
    current = [g];
    lineCentre = c;
    lineSize = g.size;
  }
  if (current.length) lines.push(makeLine(current, false));
  lines.push(...verticalLines(glyphs.filter((g) => g.vertical)));
  return lines.filter((l) => l.text !== '').sort((a, b) => a.box[1] - b.box[1] || a.box[0] - b.box[0]);
}

function verticalLines(glyphs: Glyph[]): Line[] {
  const sorted = glyphs.sort((a, b) => centreX(a) - centreX(b) || a.box[1] - b.box[1]);
  const columns: Glyph[][] = [];
  for (const g of sorted) {
    const col = columns.find((c) => {
      const last = c.at(-1)!;
      return !!last.upward === !!g.upward && Math.abs(centreX(last) - centreX(g)) <= 0.45 * g.size && g.box[1] - last.box[3] < 1.5 * g.size;
    });
    if (col) col.push(g);
    else columns.push([g]);
  }
  // Top to bottom, except text turned counter-clockwise, which reads from the bottom up.
  return columns.map((c) => makeLine(c.sort((a, b) => (c[0]!.upward ? b.box[1] - a.box[1] : a.box[1] - b.box[1])), true));
}

function makeLine(glyphs: Glyph[], vertical: boolean): Line {
  const ordered = vertical ? glyphs : glyphs.sort((a, b) => a.box[0] - b.box[0]);
  // The median size of the glyphs other than spaces (a Float64Array: numeric sort, one element kind).
  const sizes = new Float64Array(ordered.length);
  let count = 0;
  for (const g of ordered) if (g.text !== ' ') sizes[count++] = g.size;
  const size = count > 0 ? sizes.subarray(0, count).sort()[count >> 1]! : ordered[0]!.size;
  const runs: Run[] = [];
  let text = '';
  let box: Box | null = null;
  let prev: Glyph | null = null;
  const flush = () => {
    const t = normalizeSpaces(text);
    if (t && box) runs.push({ text: t, box });
    text = '';
    box = null;
  };
  for (const g of ordered) {
    if (g.text === ' ') {
      text += ' ';
      continue;
    }
    if (prev) {
      if (paintedTwice(prev, g)) continue;
      const gap = vertical ? g.box[1] - prev.box[3] : g.box[0] - prev.box[2];
      if (gap > RUN_GAP_EM * size) flush();
      else if (gap > SPACE_GAP_EM * size) text += ' ';
    }
    text += g.text;
    box = box ? union(box, g.box) : [...g.box];
    prev = g;
  }
  flush();
  const lineBox = runs.reduce<Box | null>((b, r) => (b ? union(b, r.box) : [...r.box]), null) ?? [...ordered[0]!.box];
  return { text: joinText(runs.map((r) => r.text)), box: lineBox, size, runs, vertical };
}

/**
 * Fake bold: the same character painted twice, slightly offset. The offset must also be under half the
 * glyph's own extent, or the second l of "Hello" (0.22 em wide in Helvetica) and of "//" would go.
 */
function paintedTwice(a: Glyph, b: Glyph): boolean {
  if (a.text !== b.text) return false;
  const near = (d: number, extentA: number, extentB: number) => Math.abs(d) < Math.min(0.3 * b.size, 0.5 * Math.min(extentA, extentB));
  return near(a.box[0] - b.box[0], a.box[2] - a.box[0], b.box[2] - b.box[0]) && near(a.box[1] - b.box[1], a.box[3] - a.box[1], b.box[3] - b.box[1]);
}
