// Text normalisation and tolerant comparison of template labels.

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 一 → 1, 十二 → 12, 二十 → 20; undefined when not a Chinese numeral of 1–99. */
export function chineseOrdinal(s: string): number | undefined {
  if (!/^[一二三四五六七八九十]{1,3}$/.test(s)) return undefined;
  if (s === '十') return 10;
  const parts = s.split('十');
  if (parts.length === 1) return CN_DIGITS[s];
  const tens = parts[0] ? CN_DIGITS[parts[0]] : 1;
  const ones = parts[1] ? CN_DIGITS[parts[1]] : 0;
  return tens !== undefined && ones !== undefined ? tens * 10 + ones : undefined;
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (！-～) → half-width, ideographic space → space. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s; // most text: nothing to replace, no new string
  return s.replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Collapse all whitespace (including &nbsp; and ideographic space) to single spaces and trim. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, ' ').trim();
}

/** Leading item numbering: "一、" "（三）" "(3)" "1." "1、" "1．" "①". */
const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.,]|\([一二三四五六七八九十]{1,3}\)|\(\d{1,2}\)|\d{1,2}(?:[.、,](?!\d)|\s)|[①-⑳])/;

/** The item number at the start of a label ("2." → 2, "（三）" → 3), if any. */
export function leadingNumber(label: string): number | undefined {
  const s = toHalfWidth(label).replace(/\s+/g, '');
  const m = /^(?:\(([一二三四五六七八九十]{1,3})\)|([一二三四五六七八九十]{1,3})[、.,]|(\d{1,2})[.、,](?!\d))/.exec(s);
  if (!m) return undefined;
  return m[3] ? Number(m[3]) : chineseOrdinal((m[1] ?? m[2])!);
}

/**
 * The comparable core of a label: half-width, no whitespace, no leading numbering (repeatedly: "三、（一）"),
 * no bracketed remarks ("（区分处理的，只计这一情形…）", "（单位：万元）"), no quotes or punctuation.
 */
export function normalizeLabel(label: string): string {
  let s = toHalfWidth(label).replace(/[\s\u00a0]+/g, '');
  for (let i = 0; i < 3; i++) {
    const m = NUMBERING.exec(s);
    if (!m) break;
    s = s.slice(m[0].length);
  }
  return s
    .replace(/\([^()]*\)/g, '')
    .replace(/[“”"‘’'「」《》、，,。.:：;；·・_\-—–]/g, '');
}

/** Length of the longest common subsequence (labels are short: O(n·m) is fine). */
function lcs(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, prev[j - 1]!);
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** 0…1: how alike two normalised labels are (common subsequence over the longer length). */
export function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  return lcs(a, b) / Math.max(a.length, b.length);
}

export type LabelMatch = 'exact' | 'loose';

// Template labels normalised once per process: matchLabel compares every table row with the same few
// hundred labels. Bounded in case a caller passes document text as labels.
const normalizedLabels = new Map<string, string>();
const NORMALIZED_LABELS_MAX = 10_000;

function normalizedLabel(raw: string): string {
  let label = normalizedLabels.get(raw);
  if (label === undefined) {
    if (normalizedLabels.size >= NORMALIZED_LABELS_MAX) normalizedLabels.clear();
    label = normalizeLabel(raw);
    normalizedLabels.set(raw, label);
  }
  return label;
}

/**
 * How `text` (normalised) matches one of `labels` (normalised): exact when equal, loose when one contains
 * the other or they are alike enough; undefined otherwise. Score orders competing candidates.
 */
export function matchLabel(text: string, labels: readonly string[], minSimilarity = 0.6): Readonly<{ kind: LabelMatch; score: number }> | undefined {
  // Reports repeat the template's labels: each (labels, text) pair is compared once per process.
  let known = matchesOf.get(labels);
  if (!known) matchesOf.set(labels, (known = new Map()));
  const key = `${minSimilarity} ${text}`;
  if (known.has(key)) return known.get(key);
  if (known.size >= MATCHES_PER_LABEL_SET) known.clear();
  const found = compareLabel(text, labels, minSimilarity);
  known.set(key, found);
  return found;
}

/** Results of matchLabel per label list (the template's lists live for the process; others are collected). */
const matchesOf = new WeakMap<readonly string[], Map<string, Readonly<{ kind: LabelMatch; score: number }> | undefined>>();
/** Distinct texts remembered per label list; beyond, that list's results start over. */
const MATCHES_PER_LABEL_SET = 2_000;

function compareLabel(text: string, labels: readonly string[], minSimilarity: number): { kind: LabelMatch; score: number } | undefined {
  let best: { kind: LabelMatch; score: number } | undefined;
  for (const raw of labels) {
    const label = normalizedLabel(raw);
    if (!label) continue;
    const shorter = Math.min(text.length, label.length), longer = Math.max(text.length, label.length);
    let found: { kind: LabelMatch; score: number } | undefined;
    if (text === label) found = { kind: 'exact', score: 2 };
    else if (text.length >= 2 && (text.includes(label) || label.includes(text))) {
      // Scored by how much of the longer one the shorter covers: "其他" inside "其他法律行政止公开" is weak.
      found = { kind: 'loose', score: 0.5 + (0.5 * shorter) / longer };
    } else if (shorter >= 5 && shorter / longer >= minSimilarity) {
      // Short labels differ by one character from other labels (予以公开 / 不予公开): only long ones are
      // compared by similarity — and only where the lengths allow it (similarity ≤ shorter / longer).
      const sim = similarity(text, label);
      if (sim >= minSimilarity) found = { kind: 'loose', score: sim };
    }
    if (found && (!best || found.score > best.score)) best = found;
  }
  return best;
}
