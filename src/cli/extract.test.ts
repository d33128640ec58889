import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LIMIT_FLAGS } from '../limits.js';
import { parseExtractArgs } from './extract.js';

describe('parseExtractArgs', () => {
  it('maps every limit flag of limits.ts to its limit, in the limit\'s unit', () => {
    const args = parseExtractArgs(['a.pdf', '--max-file-mb', '1.5', '--max-uncompressed-mb', '10', '--max-nesting-depth', '64',
      '--max-pages', '30', '--timeout-s', '2.5', '--max-worker-mb', '256']);
    expect(args).not.toBe('help');
    if (args === 'help') return;
    expect(args.limits).toEqual({
      maxFileBytes: 1.5 * 1024 * 1024, maxUncompressedBytes: 10 * 1024 * 1024, maxNestingDepth: 64,
      maxPages: 30, timeoutMs: 2500, maxWorkerMemoryMb: 256,
    });
    expect(Object.keys(args.limits).sort()).toEqual(Object.keys(LIMIT_FLAGS).sort());
  });

  it('uses the default limits, one job per core and no --out when no flag is given', () => {
    const args = parseExtractArgs(['a.pdf', 'folder']);
    if (args === 'help') throw new Error('unexpected help');
    expect(args.limits).toEqual(DEFAULT_LIMITS);
    expect(args.paths).toEqual(['a.pdf', 'folder']);
    expect(args.outDir).toBeUndefined();
    expect(args.jobs).toBeGreaterThanOrEqual(1);
  });

  it('rejects unknown flags, missing paths and values that are not positive numbers', () => {
    expect(() => parseExtractArgs(['a.pdf', '--fast'])).toThrow(/--fast/);
    expect(() => parseExtractArgs(['--out', 'o'])).toThrow(/no input paths/);
    expect(() => parseExtractArgs(['a.pdf', '--jobs', '1.5'])).toThrow(/--jobs needs a positive whole number/);
    expect(() => parseExtractArgs(['a.pdf', '--max-pages', '0'])).toThrow(/--max-pages/);
    expect(() => parseExtractArgs(['a.pdf', '--timeout-s', ''])).toThrow(/--timeout-s/);
  });
});
