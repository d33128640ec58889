// One walk over a page's operator list: glyphs (text-items.ts) and ruling lines (rules.ts) in page space,
// tracking the graphics state through save/restore, transform and form XObjects.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { IDENTITY, type Matrix, multiply } from './geometry.js';
import { pathSegments, type Segment } from './rules.js';
import { DEFAULT_FONT, type FontInfo, type Glyph, initialTextState, moveText, showText, type TextState } from './text-items.js';

export interface PageContent {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  glyphs: Glyph[];
  segments: Segment[];
  /** Images painted (scans, pictures of tables). */
  images: number;
}

// pdfjs OPS codes (src/shared/util.js), stable across pdfjs 4–5.
export const OPS = {
  setGState: 9, save: 10, restore: 11, transform: 12,
  beginText: 31, setCharSpacing: 33, setWordSpacing: 34, setHScale: 35, setLeading: 36, setFont: 37,
  setTextRise: 39, moveText: 40, setLeadingMoveText: 41, setTextMatrix: 42, nextLine: 43, showText: 44,
  setStrokeRGBColor: 58, setFillRGBColor: 59, paintFormXObjectBegin: 74, paintFormXObjectEnd: 75,
  beginGroup: 76, endGroup: 77, paintImageMaskXObject: 83, paintImageXObject: 85, paintInlineImageXObject: 86,
  paintImageXObjectRepeat: 88, constructPath: 91,
} as const;

interface GraphicsState {
  ctm: Matrix;
  strokeVisible: boolean;
  fillVisible: boolean;
  text: TextState;
}

/** Saved on every q: literals of one shape each, so that V8 keeps the walk's property accesses monomorphic. */
function cloneState(s: GraphicsState): GraphicsState {
  const t = s.text;
  return {
    ctm: s.ctm, strokeVisible: s.strokeVisible, fillVisible: s.fillVisible,
    text: {
      font: t.font, fontSize: t.fontSize, fontDirection: t.fontDirection, charSpacing: t.charSpacing, wordSpacing: t.wordSpacing,
      hScale: t.hScale, leading: t.leading, rise: t.rise, textMatrix: t.textMatrix, x: t.x, y: t.y, lineX: t.lineX, lineY: t.lineY,
    },
  };
}

/** White paint is invisible on paper: white "rules" are cell backgrounds or erased borders. */
function visible(hex: unknown): boolean {
  return typeof hex !== 'string' || hex.toLowerCase() !== '#ffffff';
}

type OperatorList = Awaited<ReturnType<PDFPageProxy['getOperatorList']>>;

/** One page's content from its operator list (page.getOperatorList()), fonts from commonObjs, page space from the viewport. */
export function pageContent(page: PDFPageProxy, pageNumber: number, opList: OperatorList): PageContent {
  const viewport = page.getViewport({ scale: 1 });
  const fonts = new Map<string, FontInfo>();
  const fontFor = (name: string): FontInfo => {
    let f = fonts.get(name);
    if (!f) {
      f = DEFAULT_FONT;
      try {
        const obj = page.commonObjs.get(name) as { fontMatrix?: number[]; vertical?: boolean; defaultVMetrics?: number[] } | null;
        if (obj) f = { fontMatrix: obj.fontMatrix ?? DEFAULT_FONT.fontMatrix, vertical: !!obj.vertical, defaultVMetrics: obj.defaultVMetrics };
      } catch {
        // A font pdfjs could not load: place its glyphs with default metrics.
      }
      fonts.set(name, f);
    }
    return f;
  };
  const { glyphs, segments, images } = walkOperators(opList.fnArray, opList.argsArray, viewport.transform as Matrix, fontFor);
  // Text placed off the page (outside the crop box) is not printed, so not read either.
  const onPage = glyphs.filter((g) => {
    const cx = (g.box[0] + g.box[2]) / 2, cy = (g.box[1] + g.box[3]) / 2;
    return cx >= 0 && cy >= 0 && cx <= viewport.width && cy <= viewport.height;
  });
  return { page: pageNumber, width: viewport.width, height: viewport.height, glyphs: onPage, segments, images };
}

export function walkOperators(fnArray: ArrayLike<number>, argsArray: unknown[], viewportTransform: Matrix, fontFor: (name: string) => FontInfo): { glyphs: Glyph[]; segments: Segment[]; images: number } {
  const glyphs: Glyph[] = [];
  let images = 0;
  const segments: Segment[] = [];
  let state: GraphicsState = { ctm: IDENTITY, strokeVisible: true, fillVisible: true, text: initialTextState() };
  const stack: GraphicsState[] = [];
  let base = multiply(viewportTransform, state.ctm);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as any[] | null;
    switch (fn) {
      case OPS.save:
      case OPS.beginGroup:
        stack.push(cloneState(state));
        break;
      case OPS.restore:
      case OPS.endGroup:
      case OPS.paintFormXObjectEnd:
        if (stack.length) {
          state = stack.pop()!;
          base = multiply(viewportTransform, state.ctm);
        }
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(cloneState(state));
        if (args?.[0]) state.ctm = multiply(state.ctm, matrixOf(args[0]));
        base = multiply(viewportTransform, state.ctm);
        break;
      case OPS.transform:
        state.ctm = multiply(state.ctm, args as unknown as Matrix);
        base = multiply(viewportTransform, state.ctm);
        break;
      case OPS.setStrokeRGBColor:
        state.strokeVisible = visible(args![0]);
        break;
      case OPS.setFillRGBColor:
        state.fillVisible = visible(args![0]);
        break;
      case OPS.setGState:
        for (const [key, value] of (args![0] as [string, any][])) {
          if (key === 'Font') setFont(state.text, fontFor(value[0]), value[1]);
        }
        break;
      case OPS.constructPath:
        pathSegments(args![0], args![1]?.[0] ?? null, base, state, segments);
        break;
      case OPS.beginText: {
        const t = state.text;
        t.textMatrix = [1, 0, 0, 1, 0, 0];
        t.x = t.lineX = t.y = t.lineY = 0;
        break;
      }
      case OPS.setFont:
        setFont(state.text, fontFor(args![0]), args![1]);
        break;
      case OPS.setCharSpacing:
        state.text.charSpacing = args![0];
        break;
      case OPS.setWordSpacing:
        state.text.wordSpacing = args![0];
        break;
      case OPS.setHScale:
        state.text.hScale = args![0] / 100;
        break;
      case OPS.setLeading:
        state.text.leading = -args![0];
        break;
      case OPS.setTextRise:
        state.text.rise = args![0];
        break;
      case OPS.moveText:
        moveText(state.text, args![0], args![1]);
        break;
      case OPS.setLeadingMoveText:
        state.text.leading = args![1];
        moveText(state.text, args![0], args![1]);
        break;
      case OPS.setTextMatrix: {
        const t = state.text;
        t.textMatrix = matrixOf(args![0]);
        t.x = t.lineX = t.y = t.lineY = 0;
        break;
      }
      case OPS.nextLine:
        moveText(state.text, 0, state.text.leading);
        break;
      case OPS.showText:
        showText(state.text, args![0], base, glyphs);
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintImageXObjectRepeat:
        images++;
        break;
      default:
        break;
    }
  }
  return { glyphs, segments, images };
}

/**
 * pdfjs gives form and text matrices as Float32Arrays: read as plain arrays like every other matrix here
 * (one kind of array for V8), element by element (Array.from's iteration was 1.5 % of the time).
 */
function matrixOf(m: ArrayLike<number>): Matrix {
  return [m[0]!, m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
}

function setFont(t: TextState, font: FontInfo, size: number): void {
  t.font = font;
  t.fontDirection = size < 0 ? -1 : 1;
  t.fontSize = Math.abs(size);
}

