// Rules of table 三. Column names in messages are the template's.
import { APPLICANT_KEYS, type ApplicantKey, type Check, type Report, type Requests } from '../schema/report.js';
import { sumCheck, sumExact } from './sum.js';

type Row = Record<ApplicantKey, number | null>;

const COLUMN_LABELS: Record<ApplicantKey, string> = {
  naturalPerson: '自然人', commercial: '商业企业', research: '科研机构', nonprofit: '社会公益组织',
  legal: '法律服务机构', other: '其他', total: '总计',
};

/** Every data row of table 三 with its path under data.requests, in template order. */
export function requestRows(r: Requests): [string, Row][] {
  const out: [string, Row][] = [];
  for (const [key, value] of Object.entries(r)) {
    if (key === 'template') continue;
    if ('total' in (value as object) && 'naturalPerson' in (value as object)) out.push([key, value as Row]);
    else for (const [sub, row] of Object.entries(value as Record<string, Row>)) out.push([`${key}.${sub}`, row]);
  }
  return out;
}

/** The outcome rows （一）…（六） that add up to （七）总计. */
function outcomeRows(r: Requests): Row[] {
  return requestRows(r)
    .filter(([k]) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k))
    .map(([, row]) => row);
}

/** 勾稽关系 printed in the template: 一 + 二 = 三（七）总计 + 四, per column. */
export function checkRequestsBalance(data: Report['data']): Check[] {
  const r = data.requests;
  if (!r) return [];
  return APPLICANT_KEYS.map((k) =>
    sumCheck(`requests.balance.${k}`, [r.newReceived[k], r.carriedOver[k]], sumOrNull([r.total[k], r.carriedForward[k]]), `一+二 = 三（七）+四 in column ${COLUMN_LABELS[k]}`),
  );
}

/** The six applicant columns add up to the row's 总计. */
export function checkRequestsRowSum(data: Report['data']): Check[] {
  const r = data.requests;
  if (!r) return [];
  return requestRows(r).map(([key, row]) =>
    sumCheck(`requests.rowSum.${key}`, APPLICANT_KEYS.filter((k) => k !== 'total').map((k) => row[k]), row.total, `six applicant columns = 总计 in row ${key}`),
  );
}

/** （一）+（二）+Σ（三）+Σ（四）+Σ（五）+Σ（六） = （七）总计, per column. */
export function checkRequestsOutcomeSum(data: Report['data']): Check[] {
  const r = data.requests;
  if (!r) return [];
  const rows = outcomeRows(r);
  return APPLICANT_KEYS.map((k) =>
    sumCheck(`requests.outcomeSum.${k}`, rows.map((row) => row[k]), r.total[k], `（一）至（六）之和 = （七）总计 in column ${COLUMN_LABELS[k]}`),
  );
}

function sumOrNull(values: (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : sumExact(values as number[]);
}
