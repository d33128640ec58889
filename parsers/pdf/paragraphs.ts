// Body lines → paragraphs, after removing running headers, footers and page numbers.
import { type Box, union } from './geometry.js';
import { joinText, type Line } from './lines.js';

export interface PageLines {
  page: number;
  width: number;
  height: number;
  lines: Line[];
}

export interface TextBlock {
  text: string;
  page: number;
  box: Box;
  size: number;
  /** The first line could continue a paragraph of the page before (no indent, no enumerator). */
  openStart: boolean;
  /** The last line runs to the right margin: the paragraph may go on over the page break. */
  openEnd: boolean;
  /** Page of the last line, when the paragraph runs over a page break. */
  endPage?: number;
}

/** Headers and footers live in this share of the page height at the top and at the bottom. */
const MARGIN_SHARE = 0.1;

// Page numbers as Chinese reports print them: "- 4 -", "—4—", "4", "第4页", "第 4 页 共 6 页", "4/6", "Page 4 of 6".
const PAGE_NUMBER = [
  /^[-—–－_~·\s]*\d{1,4}[-—–－_~·\s]*$/,
  /^第\s*\d{1,4}\s*页\s*[，,]?\s*(共\s*\d{1,4}\s*页)?$/,
  /^(共\s*\d{1,4}\s*页\s*[，,]?\s*)?第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d{1,4}(\s*of\s*\d{1,4})?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

function inMargin(line: Line, height: number): boolean {
  return line.box[3] < height * MARGIN_SHARE || line.box[1] > height * (1 - MARGIN_SHARE);
}

/**
 * Drop page numbers and running headers/footers: a line in the top or bottom margin that is a page
 * number, or whose text (digits ignored) recurs in the margins of at least half of the pages (two or more).
 */
export function removeHeadersAndFooters(pages: PageLines[]): PageLines[] {
  const key = (l: Line) => l.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const l of p.lines) {
      if (!inMargin(l, p.height)) continue;
      const k = key(l);
      const set = seen.get(k) ?? new Set<number>();
      set.add(p.page);
      seen.set(k, set);
    }
  }
  const repeated = (l: Line) => {
    const n = seen.get(key(l))?.size ?? 0;
    return n >= 2 && n >= pages.length / 2;
  };
  return pages.map((p) => ({ ...p, lines: p.lines.filter((l) => !(inMargin(l, p.height) && (isPageNumber(l.text) || repeated(l)))) }));
}

// A line starting with an enumerator starts a paragraph: 一、 （一） (1) 1. 1、 ① 第一条 (template-neutral).
const ENUMERATOR = /^\s*(第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}[、．](?!\d)|\d{1,3}\.(?!\d)|[①-⑳])/;

export function startsWithEnumerator(text: string): boolean {
  return ENUMERATOR.test(text);
}

/** Most common value after rounding to `step`. */
function mode(values: number[], step: number): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) {
    const k = Math.round(v / step) * step;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: number | undefined;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN || (n === bestN && best !== undefined && k < best)) [best, bestN] = [k, n];
  return best;
}

export interface Margins {
  left: number;
  right: number;
  /** Usual distance between the tops of two lines of one paragraph, per font size (a ratio). */
  leading: number;
}

/** Body text margins of the document: the most common line start and line end. */
export function documentMargins(pages: PageLines[]): Margins {
  const lines = pages.flatMap((p) => p.lines).filter((l) => !l.vertical && l.text.length >= 8);
  const left = mode(lines.map((l) => l.box[0]), 2) ?? 72;
  const right = mode(lines.map((l) => l.box[2]), 2) ?? 523;
  const ratios: number[] = [];
  for (const p of pages) {
    for (let i = 1; i < p.lines.length; i++) {
      const a = p.lines[i - 1]!, b = p.lines[i]!;
      if (Math.abs(a.size - b.size) < 0.5) ratios.push((b.box[1] - a.box[1]) / a.size);
    }
  }
  ratios.sort((a, b) => a - b);
  // Capped: in a short document most neighbouring lines may belong to different paragraphs.
  return { left, right, leading: Math.min(ratios[Math.floor(ratios.length / 2)] ?? 1.5, 2.5) };
}

const leftIndent = (l: Line, m: Margins) => l.box[0] - m.left;
const rightIndent = (l: Line, m: Margins) => m.right - l.box[2];
const centred = (l: Line, m: Margins) => leftIndent(l, m) > 0.5 * l.size && Math.abs(leftIndent(l, m) - rightIndent(l, m)) < 1.5 * l.size;
/** Reaches the right margin: not the short last line of a paragraph. */
const full = (l: Line, m: Margins) => rightIndent(l, m) <= 2 * l.size;
/** Could be the second line of a paragraph: no first-line indent, no enumerator. */
const plain = (l: Line, m: Margins) => !l.vertical && leftIndent(l, m) <= 1.2 * l.size && !startsWithEnumerator(l.text);

/**
 * Margins of one page: its own most common line start and end when it has enough body lines (odd and
 * even pages differ under mirrored margins), else the document's.
 */
export function pageMargins(page: PageLines, doc: Margins): Margins {
  const lines = page.lines.filter((l) => !l.vertical && l.text.length >= 8);
  if (lines.length < 5) return doc;
  return { left: mode(lines.map((l) => l.box[0]), 2) ?? doc.left, right: mode(lines.map((l) => l.box[2]), 2) ?? doc.right, leading: doc.leading };
}

function continues(prev: Line, line: Line, m: Margins): boolean {
  if (prev.vertical || line.vertical) return false;
  if (Math.abs(prev.size - line.size) > 1) return false;
  if (startsWithEnumerator(line.text)) return false;
  // Spacing wider than the usual leading: a blank line or paragraph spacing.
  if (line.box[1] - prev.box[1] > (m.leading + 0.4) * line.size) return false;
  if (line.box[1] < prev.box[3] - 0.5 * line.size) return false; // side by side, not one below the other
  // A title centred over two lines stays one paragraph.
  if (centred(prev, m) && centred(line, m)) return true;
  return full(prev, m) && plain(line, m);
}

/** Lines of one page (reading order) → paragraphs; lines broken by layout are joined, never across a table (`tables`). */
export function buildParagraphs(page: PageLines, m: Margins, tables: Box[] = []): TextBlock[] {
  const out: TextBlock[] = [];
  let parts: string[] = [];
  let box: Box | null = null;
  let prev: Line | null = null;
  let first: Line | null = null;
  const flush = () => {
    const text = joinText(parts);
    if (text && box && first && prev) {
      out.push({ text, page: page.page, box, size: first.size, openStart: plain(first, m) && !centred(first, m), openEnd: full(prev, m) && !centred(prev, m) });
    }
    parts = [];
    box = null;
    first = null;
  };
  for (const line of page.lines) {
    const tableBetween = (p: Line) => tables.some((t) => t[1] >= p.box[1] && t[1] < line.box[1]);
    if (prev && (!continues(prev, line, m) || tableBetween(prev))) flush();
    first ??= line;
    parts.push(line.text);
    box = box ? union(box, line.box) : [...line.box];
    prev = line;
  }
  flush();
  return out;
}

/** A paragraph going on over a page break: `next` (first block of its page) continues `prev` (last of the page before). */
export function continuesParagraph(prev: TextBlock, next: TextBlock): boolean {
  return next.page === (prev.endPage ?? prev.page) + 1 && prev.openEnd && next.openStart && Math.abs(prev.size - next.size) <= 1;
}
