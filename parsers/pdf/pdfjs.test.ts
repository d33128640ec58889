// pdfjs loading: the speed measures of pdfjs.ts stay in place (a pdfjs upgrade that moves the internals
// they rely on would lose speed silently, not output).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './index.js';
import { OPS } from './page-content.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { fontLoadingSkipped, loadPdfjs, openPdf, workerListenerCount } from './pdfjs.js';
import { editWorkerSource, OWN_INFLATE, TEXT_ONLY_FONTS, withTextOnlyFonts, workerEdits } from './pdfjs-worker.js';

const corpus = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url))));
const seed = () => corpus('fixtures/seed-2023.pdf');

/** Every font the pages of a PDF use, as pdfjs's worker exported it: font id → whether its program was left out. */
async function fontsOf(bytes: Uint8Array): Promise<Map<string, { missingFile: boolean; vertical: boolean }>> {
  const doc = await openPdf(bytes);
  const fonts = new Map<string, { missingFile: boolean; vertical: boolean }>();
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      ops.fnArray.forEach((fn, i) => {
        if (fn !== OPS.setFont) return;
        const id = (ops.argsArray[i] as [string])[0];
        const font = page.commonObjs.get(id) as { missingFile: boolean; vertical: boolean };
        fonts.set(id, { missingFile: font.missingFile, vertical: font.vertical });
      });
    }
  } finally {
    await doc.destroy();
  }
  return fonts;
}

describe('pdfjs loading', () => {
  it('puts back the native Array push and JSON functions that the legacy build polyfills', async () => {
    await loadPdfjs();
    for (const fn of [Array.prototype.push, JSON.parse, JSON.stringify]) expect(Function.prototype.toString.call(fn)).toContain('[native code]');
  });

  it('opens documents with a font loader that installs no fonts (nothing is rendered)', async () => {
    const doc = await openPdf(seed());
    try {
      expect(fontLoadingSkipped(doc)).toBe(true);
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      expect(ops.fnArray.length).toBeGreaterThan(0);
    } finally {
      await doc.destroy();
    }
  });

  it('serves documents one after another and side by side through one worker that keeps nothing of closed ones', async () => {
    const one = await parsePdf(seed(), { limits: DEFAULT_LIMITS });
    const both = await Promise.all([parsePdf(seed(), { limits: DEFAULT_LIMITS }), parsePdf(seed(), { limits: DEFAULT_LIMITS })]);
    expect(both.map((r) => r.value)).toEqual([one.value, one.value]);
    expect(workerListenerCount()).toBe(2);
  });

  it('skips the embedded TrueType programs that text does not need', async () => {
    await loadPdfjs();
    expect(workerEdits).toContain('text-only-fonts');
    // WPS export: eight CID TrueType subsets with ToUnicode maps, one of them written vertically (Identity-V).
    const wps = [...(await fontsOf(corpus('real/huaian-hongze-2023.pdf'))).values()];
    expect(wps.length).toBeGreaterThan(1);
    expect(wps.some((f) => f.vertical)).toBe(true);
    for (const font of wps) expect(font.missingFile).toBe(true);
    // Non-embedded fonts are unaffected: no program either way.
    const cmap = [...(await fontsOf(corpus('fixtures/cmap-test-stsong-unigb.pdf'))).values()];
    expect(cmap.every((f) => f.missingFile)).toBe(true);
  });
});

describe('images', () => {
  it('are left out of the operator list (not decoded) unless asked for', async () => {
    const scan = new Uint8Array(readFileSync(fileURLToPath(new URL('../../test/fixtures/pdf/scanned-page.pdf', import.meta.url))));
    const paintedImages = async (images: boolean) => {
      const doc = await openPdf(scan, { images });
      try {
        const ops = await (await doc.getPage(1)).getOperatorList();
        return ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length;
      } finally {
        await doc.destroy();
      }
    };
    expect(await paintedImages(false)).toBe(0);
    expect(await paintedImages(true)).toBe(1);
  });
});

describe('the worker-module edits', () => {
  it('are both in the loaded module, and pdfjs inflates with its own decoder without the global being touched', async () => {
    await loadPdfjs();
    expect(workerEdits).toEqual(['text-only-fonts', 'own-inflate']);
    const Native = globalThis.DecompressionStream;
    let made = 0;
    globalThis.DecompressionStream = class extends Native {
      constructor(format: CompressionFormat) {
        super(format);
        made++;
      }
    };
    try {
      const parsed = await parsePdf(corpus('real/huaian-hongze-2024.pdf'), { limits: DEFAULT_LIMITS });
      expect(parsed.value.blocks.length).toBeGreaterThan(10);
    } finally {
      globalThis.DecompressionStream = Native;
    }
    expect(made).toBe(0);
  });

  it('hide DecompressionStream on the first line only, and not from a source that declares its own', () => {
    const source = `/* licence */\n${TEXT_ONLY_FONTS.find}\n`;
    const edited = editWorkerSource(source);
    expect(edited.edits).toEqual(['text-only-fonts', 'own-inflate']);
    expect(edited.source.split('\n')).toHaveLength(source.split('\n').length);
    expect(edited.source.startsWith(`${OWN_INFLATE}/* licence */`)).toBe(true);
    expect(editWorkerSource('/* x */\nclass DecompressionStream {}\n').edits).toEqual([]);
  });

  it('replaces the one line it names and refuses a source where it is missing or repeated', () => {
    const source = `a();\n${TEXT_ONLY_FONTS.find}\nb();`;
    expect(withTextOnlyFonts(source)).toBe(`a();\n${TEXT_ONLY_FONTS.replace}\nb();`);
    expect(withTextOnlyFonts('a();')).toBeNull();
    expect(withTextOnlyFonts(`${TEXT_ONLY_FONTS.find}${TEXT_ONLY_FONTS.find}`)).toBeNull();
  });
});
