// Every label the recognizers match, with the aliases real reports use — the template's vocabulary in
// one place. Labels are compared after normalizeLabel() (src/recognize/text.ts): whitespace, numbering
// ("1." "1、" "（一）"), bracketed remarks and punctuation variants removed, full-width folded.
// Sources: 国办公开办函〔2019〕60号 and〔2021〕30号 (see ../shared/corpus/TEMPLATE-LABELS.md).
import type { ApplicantKey } from '../schema/report.js';

// ── Sections 一…六 (identical in both templates) ──
export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

/** 一、 二. 三． — a section number at the start of a line. */
export const SECTION_NUMBER = /^\s*([一二三四五六七八九十]{1,3})\s*[、.．,，]\s*/;
/** （一） (一) — a subsection number. */
export const SUBSECTION_NUMBER = /^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*/;

/** A line that names the report itself (title detection). */
export const REPORT_TITLE = /(政府信息公开|政务公开).{0,12}(年度报告|工作报告|年报)|信息公开工作年度报告|信息公开年度报告/;

// ── Table 二: 主动公开政府信息情况 ──
/** Rows of table 二, keyed as in data.proactive. 规范性文件 alone is the 2019 name of 行政规范性文件. */
export const PROACTIVE_ROWS = {
  regulations: ['规章'],
  normativeDocuments: ['行政规范性文件', '规范性文件'],
  licensing: ['行政许可'],
  otherServices: ['其他对外管理服务事项'],
  penalties: ['行政处罚'],
  coercion: ['行政强制'],
  fees: ['行政事业性收费'],
  procurement: ['政府集中采购'],
} as const;
export type ProactiveRowKey = keyof typeof PROACTIVE_ROWS;

/** Column headers of table 二 with the value key they give and the template that uses that header. */
export const PROACTIVE_COLUMNS: { labels: string[]; key: string; template: '2019' | '2021' | 'both'; unit?: 'wan' | 'yuan' }[] = [
  { labels: ['本年制发件数', '本年新制发件数'], key: 'issued', template: '2021' },
  { labels: ['本年废止件数'], key: 'repealed', template: '2021' },
  { labels: ['现行有效件数'], key: 'inForce', template: '2021' },
  { labels: ['本年新制作数量'], key: 'made', template: '2019' },
  { labels: ['本年新公开数量'], key: 'published', template: '2019' },
  { labels: ['对外公开总数量'], key: 'totalPublished', template: '2019' },
  { labels: ['上一年项目数量'], key: 'previousYear', template: '2019' },
  { labels: ['本年增/减', '本年增减'], key: 'change', template: '2019' },
  { labels: ['本年处理决定数量'], key: 'decisions', template: '2021' },
  { labels: ['处理决定数量'], key: 'decisions', template: 'both' },
  { labels: ['本年收费金额', '本年收费金额(单位:万元)'], key: 'amountWan', template: '2021', unit: 'wan' },
  { labels: ['采购项目数量'], key: 'projects', template: '2019' },
  { labels: ['采购总金额'], key: 'amountYuan', template: '2019', unit: 'yuan' },
];

// ── Table 三: 收到和处理政府信息公开申请情况 ──
/** Applicant column headers → key. 法人或其他组织 and 申请人情况 are group headers, not columns. */
export const APPLICANT_COLUMNS: Record<ApplicantKey, string[]> = {
  naturalPerson: ['自然人'],
  commercial: ['商业企业'],
  research: ['科研机构'],
  nonprofit: ['社会公益组织'],
  legal: ['法律服务机构'],
  other: ['其他'],
  total: ['总计', '合计'],
};
export const APPLICANT_GROUP_HEADERS = ['法人或其他组织', '申请人情况'];

export interface RequestRowLabel {
  /** Path under data.requests, e.g. "withheld.stateSecret". */
  key: string;
  /** Group label this item belongs to (（三）不予公开 …), or null for top-level rows. */
  group: string | null;
  /** Item number inside its group (1. 2. …), for a loose match on the number. */
  no?: number;
  labels: string[];
  template?: '2019' | '2021';
}

export const REQUEST_GROUPS = {
  withheld: ['不予公开'],
  unavailable: ['无法提供'],
  notProcessed: ['不予处理'],
  otherHandling: ['其他处理'],
} as const;
export type RequestGroup = keyof typeof REQUEST_GROUPS;

export const REQUEST_ROWS: RequestRowLabel[] = [
  { key: 'newReceived', group: null, labels: ['本年新收政府信息公开申请数量', '本年新收政府信息公开申请'] },
  { key: 'carriedOver', group: null, labels: ['上年结转政府信息公开申请数量', '上年结转政府信息公开申请'] },
  { key: 'disclosed', group: null, labels: ['予以公开'] },
  // "部分公开（区分处理的，只计这一情形，不计其他情形）": the remark is dropped by normalizeLabel.
  { key: 'partlyDisclosed', group: null, labels: ['部分公开'] },
  { key: 'withheld.stateSecret', group: 'withheld', no: 1, labels: ['属于国家秘密'] },
  // Typo "其他法律行政止公开" seen in huaian-hongze-2023.pdf and 2024: matched loosely, with a warning.
  { key: 'withheld.lawProhibited', group: 'withheld', no: 2, labels: ['其他法律行政法规禁止公开'] },
  { key: 'withheld.securityStability', group: 'withheld', no: 3, labels: ['危及三安全一稳定'] },
  { key: 'withheld.thirdPartyRights', group: 'withheld', no: 4, labels: ['保护第三方合法权益'] },
  { key: 'withheld.internalAffairs', group: 'withheld', no: 5, labels: ['属于三类内部事务信息'] },
  { key: 'withheld.processInformation', group: 'withheld', no: 6, labels: ['属于四类过程性信息'] },
  { key: 'withheld.enforcementFiles', group: 'withheld', no: 7, labels: ['属于行政执法案卷'] },
  { key: 'withheld.administrativeQuery', group: 'withheld', no: 8, labels: ['属于行政查询事项'] },
  { key: 'unavailable.notHeld', group: 'unavailable', no: 1, labels: ['本机关不掌握相关政府信息'] },
  { key: 'unavailable.needsCreation', group: 'unavailable', no: 2, labels: ['没有现成信息需要另行制作'] },
  { key: 'unavailable.unclearAfterCorrection', group: 'unavailable', no: 3, labels: ['补正后申请内容仍不明确'] },
  { key: 'notProcessed.complaint', group: 'notProcessed', no: 1, labels: ['信访举报投诉类申请'] },
  { key: 'notProcessed.duplicate', group: 'notProcessed', no: 2, labels: ['重复申请'] },
  { key: 'notProcessed.publication', group: 'notProcessed', no: 3, labels: ['要求提供公开出版物'] },
  { key: 'notProcessed.excessive', group: 'notProcessed', no: 4, labels: ['无正当理由大量反复申请'] },
  { key: 'notProcessed.confirmation', group: 'notProcessed', no: 5, labels: ['要求行政机关确认或重新出具已获取信息'] },
  {
    key: 'otherHandling.overdueCorrection', group: 'otherHandling', no: 1, template: '2021',
    labels: ['申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请'],
  },
  {
    key: 'otherHandling.overdueFee', group: 'otherHandling', no: 2, template: '2021',
    labels: ['申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请'],
  },
  { key: 'otherHandling.other', group: 'otherHandling', no: 3, template: '2021', labels: ['其他'] },
  { key: 'total', group: null, labels: ['总计', '合计'] },
  { key: 'carriedForward', group: null, labels: ['结转下年度继续办理', '结转下年度继续办理的政府信息公开申请'] },
];

/** Words that mark table 三 (any two of them). */
export const REQUESTS_TABLE_MARKERS = ['本年新收', '上年结转', '自然人', '法人或其他组织', '商业企业', '予以公开', '不予公开', '结转下年度'];
/** Words that mark table 二. */
export const PROACTIVE_TABLE_MARKERS = ['信息内容', '规章', '规范性文件', '行政许可', '行政处罚', '行政事业性收费'];
/** Words that mark table 四. */
export const APPEALS_TABLE_MARKERS = ['行政复议', '行政诉讼', '结果维持', '结果纠正', '尚未审结'];

// ── Table 四: 行政复议、行政诉讼 ──
export const APPEAL_GROUPS = {
  // Order matters: 复议后起诉 mentions 复议 too, so the more specific labels are tried first.
  litigationAfterReconsideration: ['复议后起诉'],
  litigationDirect: ['未经复议直接起诉', '直接起诉'],
  reconsideration: ['行政复议'],
} as const;
export const APPEAL_RESULTS = {
  upheld: ['结果维持', '维持'],
  corrected: ['结果纠正', '纠正'],
  other: ['其他结果'],
  pending: ['尚未审结', '未审结'],
  total: ['总计', '合计'],
} as const;
