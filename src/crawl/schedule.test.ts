import { describe, expect, it } from 'vitest';
import { jitter, parseInterval, runEvery } from './schedule.js';

describe('parseInterval', () => {
  it('reads seconds, minutes, hours and days', () => {
    expect(parseInterval('30s')).toBe(30_000);
    expect(parseInterval('90m')).toBe(5_400_000);
    expect(parseInterval('24h')).toBe(86_400_000);
    expect(parseInterval('7d')).toBe(604_800_000);
    expect(parseInterval('1.5h')).toBe(5_400_000);
  });

  it('rejects a number without a unit, an unknown unit and zero', () => {
    expect(parseInterval('24')).toBeUndefined();
    expect(parseInterval('1w')).toBeUndefined();
    expect(parseInterval('0h')).toBeUndefined();
  });
});

describe('jitter', () => {
  it('stays within ±10% of the interval', () => {
    expect(jitter(1000, () => 0)).toBe(900);
    expect(jitter(1000, () => 0.5)).toBe(1000);
    expect(jitter(1000, () => 0.999999)).toBe(1100);
  });
});

describe('runEvery', () => {
  it('runs again after each wait and stops cleanly when the signal aborts', async () => {
    const stop = new AbortController();
    let runs = 0;
    await runEvery(1, stop.signal, async () => {
      runs++;
      if (runs === 3) stop.abort();
    });
    expect(runs).toBe(3);
  });
});
