import type { Check } from '../schema/report.js';

/** Sum of decimals (万元) with the binary noise rounded away, not the printed precision. */
export function sumExact(values: number[]): number {
  return Number(values.reduce((a, b) => a + b, 0).toFixed(6));
}

/**
 * One check: `expected` is what the rule computes from `parts`, `actual` what the report prints.
 * Any null input leaves the check undecided (ok: null), never passed.
 */
export function sumCheck(id: string, parts: (number | null)[], actual: number | null, rule: string): Check {
  if (actual === null || parts.some((p) => p === null)) {
    return { id, ok: null, expected: null, actual, message: `${rule}: not decided, a value is blank` };
  }
  const expected = sumExact(parts as number[]);
  const ok = expected === actual;
  return { id, ok, expected, actual, message: ok ? rule : `${rule.replace(' = ', ' ≠ ')}: ${expected} computed, ${actual} printed` };
}
