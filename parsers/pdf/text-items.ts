// Glyphs from pdfjs's operator list (showText), placed with the text state the way pdfjs's canvas.js
// showText places them. We read text here rather than with getTextContent(): one pass over the content
// instead of two, and getTextContent drops glyphs of vertical fonts whose text matrix is scaled down
// (huaian-hongze-2023.pdf writes "三、本年度办理结果" with an Identity-V font at Tm 0.05 × Tf 199 and
// getTextContent returns only "三、本年").
import { type Box, type Matrix, multiply, transformBox } from './geometry.js';

/** One painted character, in page space (points, origin top-left). */
export interface Glyph {
  text: string;
  box: Box;
  /** Font size on the page, in points. */
  size: number;
  /** Written top to bottom (a vertical font, or a rotated text matrix). */
  vertical: boolean;
  /** Text turned 90° counter-clockwise: it reads bottom to top. */
  upward?: boolean;
}

/** What the text placement needs of a pdfjs font object (commonObjs). */
export interface FontInfo {
  fontMatrix: number[];
  vertical: boolean;
  defaultVMetrics: number[] | undefined;
}

export const DEFAULT_FONT: FontInfo = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: false, defaultVMetrics: undefined };

/** Text state (PDF 32000-1 §9.3) plus the text matrix and the position within it, as canvas.js keeps them. */
export interface TextState {
  font: FontInfo;
  fontSize: number;
  fontDirection: 1 | -1;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  /** Stored negated, as canvas.js does (TL 14 → -14), so that T* is moveText(0, leading). */
  leading: number;
  rise: number;
  textMatrix: Matrix;
  x: number;
  y: number;
  lineX: number;
  lineY: number;
}

export function initialTextState(): TextState {
  return {
    font: DEFAULT_FONT, fontSize: 0, fontDirection: 1, charSpacing: 0, wordSpacing: 0, hScale: 1, leading: 0, rise: 0,
    textMatrix: [1, 0, 0, 1, 0, 0], x: 0, y: 0, lineX: 0, lineY: 0,
  };
}

export function moveText(t: TextState, dx: number, dy: number): void {
  t.x = t.lineX += dx;
  t.y = t.lineY += dy;
}

/** pdfjs glyph objects in showText arguments (core/fonts.js Glyph). */
interface PdfjsGlyph {
  unicode: string;
  width: number;
  vmetric?: number[] | null;
  isSpace?: boolean;
}

// Kangxi radicals, CJK radicals supplement and compatibility ideographs: some Chinese fonts map glyphs to
// them (⼀ U+2F00 for 一); NFKC turns them into the unified ideographs. Applied to these ranges only,
// because NFKC would also turn full-width punctuation （） into ASCII.
const COMPAT_CHARS = /[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06]/g;

function normalizeChars(s: string): string {
  return s.replace(COMPAT_CHARS, (c) => c.normalize('NFKC'));
}

// Vertical presentation forms → the characters they stand for (︵ → （, ︑ → 、). pdfjs gives them for the
// punctuation of a vertical font read without its program (Font._charToGlyph; the table is pdfjs's
// getVerticalPresentationForm turned round), and a ToUnicode map may name them too: the text is the same.
const FROM_VERTICAL_FORM = new Map(
  ([
    [0x2013, 0xfe32], [0x2014, 0xfe31], [0x2025, 0xfe30], [0x2026, 0xfe19], [0x3001, 0xfe11], [0x3002, 0xfe12],
    [0x3008, 0xfe3f], [0x3009, 0xfe40], [0x300a, 0xfe3d], [0x300b, 0xfe3e], [0x300c, 0xfe41], [0x300d, 0xfe42],
    [0x300e, 0xfe43], [0x300f, 0xfe44], [0x3010, 0xfe3b], [0x3011, 0xfe3c], [0x3014, 0xfe39], [0x3015, 0xfe3a],
    [0x3016, 0xfe17], [0x3017, 0xfe18], [0xfe4f, 0xfe34], [0xff01, 0xfe15], [0xff08, 0xfe35], [0xff09, 0xfe36],
    [0xff0c, 0xfe10], [0xff1a, 0xfe13], [0xff1b, 0xfe14], [0xff1f, 0xfe16], [0xff3b, 0xfe47], [0xff3d, 0xfe48],
    [0xff3f, 0xfe33], [0xff5b, 0xfe37], [0xff5d, 0xfe38],
  ] as const).map(([char, form]) => [String.fromCharCode(form), String.fromCharCode(char)]),
);

/** tan 5°: text whose baseline leans more than this is not read. */
const SLANT_LIMIT = 0.09;

/** Place the glyphs of one showText operator; `base` = viewport × CTM. Advances the text position. */
export function showText(t: TextState, glyphs: (PdfjsGlyph | number)[], base: Matrix, out: Glyph[]): void {
  const { font, fontSize, fontDirection } = t;
  if (fontSize === 0) return;
  const m = multiply(base, t.textMatrix);
  const vertical = font.vertical;
  const widthScale = fontSize * (font.fontMatrix[0] ?? 0.001);
  const hScale = t.hScale * fontDirection;
  const pageSize = fontSize * Math.hypot(m[2], m[3]);
  // A text matrix that turns the baseline by 90° (rotated tables, stamps) writes top to bottom too.
  const rotated = Math.abs(m[1]) > Math.abs(m[0]);
  // Baselines at a slant (more than ~5° off both axes) are watermarks and seals, not report text.
  const slant = Math.min(Math.abs(m[0]), Math.abs(m[1])) / Math.max(Math.abs(m[0]), Math.abs(m[1]), 1e-9);
  if (slant > SLANT_LIMIT) return;
  // The baseline's direction on the page (y grows downwards): towards the top means bottom-to-top text.
  const upward = rotated && m[1] < 0;
  let x = 0;
  for (const g of glyphs) {
    if (typeof g === 'number') {
      x += ((vertical ? 1 : -1) * g * fontSize) / 1000;
      continue;
    }
    const spacing = (g.isSpace ? t.wordSpacing : 0) + t.charSpacing;
    if (vertical) {
      const vmetric = g.vmetric ?? font.defaultVMetrics;
      const advance = (vmetric ? -vmetric[0]! : g.width) * widthScale;
      const top = t.y - x + t.rise;
      const char = FROM_VERTICAL_FORM.get(g.unicode);
      emit(char ? { ...g, unicode: char } : g, transformBox(m, t.x - fontSize / 2, top - Math.abs(advance), t.x + fontSize / 2, top), pageSize, true, out);
      x += advance - spacing * fontDirection;
    } else {
      const width = g.width * widthScale;
      const left = t.x + x * hScale;
      const y = t.y + t.rise;
      emit(g, transformBox(m, left, y - 0.2 * fontSize, left + width * hScale, y + 0.8 * fontSize), pageSize, rotated, out, upward);
      x += width + spacing * fontDirection;
    }
  }
  if (vertical) t.y -= x;
  else t.x += x * hScale;
}

/** Glyph text as read: whitespace → one space, compatibility characters → unified ones. */
function readText(unicode: string): string {
  // Not g.isSpace: that flags char code 32, which single-byte CJK subset fonts (LibreOffice's WinAnsi
  // subsets in seed-2023.pdf) map to any character, e.g. 人.
  return /^\s+$/.test(unicode) ? ' ' : normalizeChars(unicode);
}

/** readText per distinct glyph text (two regular expressions per glyph were ~2 % of the parse time). */
const textCache = new Map<string, string>();
/** Distinct glyph texts remembered per process; beyond, the cache starts over. */
const TEXT_CACHE_SIZE = 20_000;

function emit(g: PdfjsGlyph, box: Box, size: number, vertical: boolean, out: Glyph[], upward = false): void {
  const unicode = g.unicode;
  if (!unicode) return;
  let text = textCache.get(unicode);
  if (text === undefined) {
    if (textCache.size >= TEXT_CACHE_SIZE) textCache.clear();
    text = readText(unicode);
    textCache.set(unicode, text);
  }
  out.push({ text, box, size, vertical, upward });
}
