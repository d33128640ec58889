// Rule of table 四: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结.
import { APPEAL_GROUP_KEYS, type Check, type Report } from '../schema/report.js';
import { sumCheck } from './sum.js';

const GROUP_LABELS = { reconsideration: '行政复议', litigationDirect: '未经复议直接起诉', litigationAfterReconsideration: '复议后起诉' } as const;

export function checkAppealsSum(data: Report['data']): Check[] {
  const a = data.appeals;
  if (!a) return [];
  return APPEAL_GROUP_KEYS.map((g) => {
    const x = a[g];
    return sumCheck(`appeals.sum.${g}`, [x.upheld, x.corrected, x.other, x.pending], x.total, `结果维持+结果纠正+其他结果+尚未审结 = 总计 in ${GROUP_LABELS[g]}`);
  });
}
