// pdfjs loading: the speed measures of pdfjs.ts stay in place (a pdfjs upgrade that moves the internals
// they rely on would lose speed silently, not output).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePdf } from './index.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { fontLoadingSkipped, loadPdfjs, openPdf, workerListenerCount } from './pdfjs.js';

const seed = () => new Uint8Array(readFileSync(fileURLToPath(new URL('../../../shared/corpus/fixtures/seed-2023.pdf', import.meta.url))));

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
});
