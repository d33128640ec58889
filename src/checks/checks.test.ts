import { describe, expect, it } from 'vitest';
import { APPLICANT_KEYS, type Appeals, type Report, type Requests } from '../schema/report.js';
import { checkAppealsSum } from './appeals.js';
import { runChecks } from './index.js';
import { checkRequestsBalance, checkRequestsOutcomeSum, checkRequestsRowSum, requestRows } from './requests.js';

const row = (n: number | null, total = n === null ? null : n * 6) =>
  Object.fromEntries(APPLICANT_KEYS.map((k) => [k, k === 'total' ? total : n])) as Record<(typeof APPLICANT_KEYS)[number], number | null>;

/** A consistent 2021 table 三: 3 new + 1 carried over per column; 2 disclosed, 1 not held, 1 carried forward. */
function requests(): Requests {
  const zero = () => row(0);
  return {
    template: '2021',
    newReceived: row(3), carriedOver: row(1), disclosed: row(2), partlyDisclosed: zero(),
    withheld: { stateSecret: zero(), lawProhibited: zero(), securityStability: zero(), thirdPartyRights: zero(), internalAffairs: zero(), processInformation: zero(), enforcementFiles: zero(), administrativeQuery: zero() },
    unavailable: { notHeld: row(1), needsCreation: zero(), unclearAfterCorrection: zero() },
    notProcessed: { complaint: zero(), duplicate: zero(), publication: zero(), excessive: zero(), confirmation: zero() },
    otherHandling: { overdueCorrection: zero(), overdueFee: zero(), other: zero() },
    total: row(3), carriedForward: row(1),
  };
}

const data = (r: Requests | null, a: Appeals | null = null): Report['data'] => ({ proactive: null, requests: r, appeals: a });

describe('requests checks', () => {
  it('passes the 勾稽关系 一+二 = 三（七）+四 in every column of a consistent table', () => {
    const checks = checkRequestsBalance(data(requests()));
    expect(checks).toHaveLength(7);
    expect(checks.every((c) => c.ok === true)).toBe(true);
    expect(checks[0]).toMatchObject({ id: 'requests.balance.naturalPerson', expected: 4, actual: 4 });
  });

  it('reports a broken balance with expected and actual, leaving the numbers as printed', () => {
    const r = requests();
    r.carriedForward.naturalPerson = 3;
    const check = checkRequestsBalance(data(r)).find((c) => c.id === 'requests.balance.naturalPerson')!;
    expect(check).toMatchObject({ ok: false, expected: 4, actual: 6 });
    expect(check.message).toContain('自然人');
    expect(r.carriedForward.naturalPerson).toBe(3);
  });

  it('checks each row total against the six applicant columns', () => {
    const r = requests();
    r.disclosed.total = 11;
    const checks = checkRequestsRowSum(data(r));
    expect(checks).toHaveLength(requestRows(r).length);
    expect(checks.filter((c) => c.ok === false).map((c) => c.id)).toEqual(['requests.rowSum.disclosed']);
  });

  it('adds up the outcome rows to （七）总计', () => {
    const r = requests();
    expect(checkRequestsOutcomeSum(data(r)).every((c) => c.ok)).toBe(true);
    r.withheld.stateSecret.legal = 2;
    expect(checkRequestsOutcomeSum(data(r)).find((c) => c.id === 'requests.outcomeSum.legal')).toMatchObject({ ok: false, expected: 5, actual: 3 });
  });

  it('leaves a check with a null input undecided, never passed', () => {
    const r = requests();
    r.newReceived.research = null;
    expect(checkRequestsBalance(data(r)).find((c) => c.id === 'requests.balance.research')).toMatchObject({ ok: null, expected: null });
  });
});

describe('appeals check', () => {
  it('flags totals that do not add up (huaian-hongze-2023: 10 + 1 ≠ 0)', () => {
    const g = (u: number, c: number, t: number) => ({ upheld: u, corrected: c, other: 0, pending: 0, total: t });
    const checks = checkAppealsSum(data(null, { reconsideration: g(10, 1, 0), litigationDirect: g(0, 0, 0), litigationAfterReconsideration: g(5, 0, 5) }));
    expect(checks.map((c) => [c.id, c.ok, c.expected, c.actual])).toEqual([
      ['appeals.sum.reconsideration', false, 11, 0],
      ['appeals.sum.litigationDirect', true, 0, 0],
      ['appeals.sum.litigationAfterReconsideration', true, 5, 5],
    ]);
  });
});

describe('runChecks', () => {
  it('runs nothing on a report without template data', () => {
    expect(runChecks(data(null))).toEqual([]);
  });
});
