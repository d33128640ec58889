import type { Check } from '../schema/report.js';

/**
 * One check: `expected` is what the rule computes from `parts`, `actual` what the report prints.
 * Any null input leaves the check undecided (ok: null), never passed.
 */
export function sumCheck(id: string, parts: (number | null)[], actual: number | null, rule: string): Check {
  if (actual === null || parts.some((p) => p === null)) {
    return { id, ok: null, expected: null, actual, message: `${rule}: not decided, a value is blank` };
  }
  // Sums of decimals (万元) are compared after rounding away binary noise, not the printed precision.
  const expected = Number((parts as number[]).reduce((a, b) => a + b, 0).toFixed(6));
  const ok = expected === actual;
  return { id, ok, expected, actual, message: ok ? rule : `${rule.replace(' = ', ' ≠ ')}: ${expected} computed, ${actual} printed` };
}
