import { describe, expect, it } from 'vitest';
import type { Matrix } from './geometry.js';
import { type Glyph, initialTextState, showText } from './text-items.js';

const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 842];
const g = (unicode: string, width = 1000, extra: object = {}) => ({ unicode, width, ...extra });

function place(setup: (t: ReturnType<typeof initialTextState>) => void, glyphs: Parameters<typeof showText>[1], base: Matrix = VIEWPORT): Glyph[] {
  const t = initialTextState();
  setup(t);
  const out: Glyph[] = [];
  showText(t, glyphs, base, out);
  return out;
}

describe('showText', () => {
  it('places horizontal glyphs one advance apart, in page space (origin top-left)', () => {
    const out = place((t) => {
      t.fontSize = 12;
      t.textMatrix = [1, 0, 0, 1, 100, 700];
    }, [g('信'), g('息'), -500, g('2', 500)]);
    expect(out.map((x) => [x.text, Math.round(x.box[0]), Math.round(x.box[3])])).toEqual([['信', 100, 144], ['息', 112, 144], ['2', 130, 144]]);
    expect(out[0]!.size).toBeCloseTo(12);
  });

  it('stacks glyphs of a vertical font top to bottom (Tm 0.05 × Tf 199, as huaian-hongze-2023.pdf writes its label)', () => {
    const out = place((t) => {
      t.font = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: true, defaultVMetrics: [-1000, 500, 880] };
      t.fontSize = 199;
      t.textMatrix = [0.05, 0, 0, -0.05, 90.576, 606.53];
      // The page's CTM [1 0 0 -1 0 842] cancels the viewport's flip: page space = user space here.
    }, [g('三'), g('、'), g('本'), g('年')], [1, 0, 0, 1, 0, 0]);
    expect(out.map((x) => x.text).join('')).toBe('三、本年');
    expect(out.every((x) => x.vertical)).toBe(true);
    const tops = out.map((x) => x.box[1]);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(out[0]!.size).toBeCloseTo(9.95, 1);
  });

  it('reads the vertical presentation forms of a vertical font as the punctuation they stand for', () => {
    const out = place((t) => {
      t.font = { fontMatrix: [0.001, 0, 0, 0.001, 0, 0], vertical: true, defaultVMetrics: [-1000, 500, 880] };
      t.fontSize = 10;
      t.textMatrix = [1, 0, 0, 1, 100, 700];
    }, [g('\ufe35'), g('五'), g('\ufe36'), g('\ufe11'), g('\ufe31')]);
    expect(out.map((x) => x.text).join('')).toBe('（五）、—');
  });

  it('skips slanted text (watermarks) and keeps text turned by 90° as vertical', () => {
    const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
    expect(place((t) => {
      t.fontSize = 40;
      t.textMatrix = [c, s, -s, c, 200, 300];
    }, [g('内'), g('部')])).toEqual([]);
    const turned = place((t) => {
      t.fontSize = 10;
      t.textMatrix = [0, 1, -1, 0, 50, 300];
    }, [g('表')]);
    expect(turned).toMatchObject([{ text: '表', vertical: true }]);
    // Viewport × a text matrix turned 90° counter-clockwise: the baseline runs up the page.
    const upward = place((t) => {
      t.fontSize = 10;
      t.textMatrix = [0, 1, -1, 0, 50, 300];
    }, [g('合'), g('计')]);
    expect(upward.map((x) => x.upward)).toEqual([true, true]);
    expect(upward[1]!.box[1]).toBeLessThan(upward[0]!.box[1]);
  });

  it('keeps a CJK character on char code 32 and maps Kangxi radicals to unified ideographs', () => {
    const out = place((t) => {
      t.fontSize = 12;
    }, [g('人', 1000, { isSpace: true }), g('⼀'), g(' ', 250)]);
    expect(out.map((x) => x.text)).toEqual(['人', '一', ' ']);
  });
});
