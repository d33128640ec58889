// Compare a report with a hand-checked truth file: every key present in the truth must come out equal.

export interface Difference {
  path: string;
  expected: unknown;
  actual: unknown;
}

export function compareTruth(actual: unknown, truth: unknown, path = ''): Difference[] {
  if (truth !== null && typeof truth === 'object' && !Array.isArray(truth)) {
    if (actual === null || typeof actual !== 'object') return [{ path, expected: truth, actual }];
    return Object.entries(truth).flatMap(([k, v]) => compareTruth((actual as Record<string, unknown>)[k], v, path ? `${path}.${k}` : k));
  }
  return Object.is(actual, truth) ? [] : [{ path, expected: truth, actual }];
}

/** Number of leaf values in a truth object (for "values exact" counts). */
export function countLeaves(truth: unknown): number {
  if (truth !== null && typeof truth === 'object') return Object.values(truth).reduce<number>((n, v) => n + countLeaves(v), 0);
  return 1;
}
