// Consistency rules of SCHEMA.md, one pure function each; numbers are never altered.
// The list here and the table of rules in the README are the same list.
import type { Check, Report } from '../schema/report.js';
import { checkAppealsSum } from './appeals.js';
import { checkRequestsBalance, checkRequestsOutcomeSum, checkRequestsRowSum } from './requests.js';

export const CHECKS = [checkRequestsBalance, checkRequestsRowSum, checkRequestsOutcomeSum, checkAppealsSum] as const;

export function runChecks(data: Report['data']): Check[] {
  return CHECKS.flatMap((check) => check(data));
}
