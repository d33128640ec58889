// Builders of template tables as the document model holds them (merged cells as spans), laid out as the
// official templates print them. Labels are written out here, independently of src/template/labels.ts,
// so that tests check the vocabulary rather than echo it.
import { cell, table, type Cell, type Table } from '../../src/model/document.js';

export const REQUEST_ITEMS_2021: [group: string | null, label: string][] = [
  [null, '一、本年新收政府信息公开申请数量'],
  [null, '二、上年结转政府信息公开申请数量'],
  [null, '（一）予以公开'],
  [null, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
  ['（三）不予公开', '1.属于国家秘密'],
  ['（三）不予公开', '2.其他法律行政法规禁止公开'],
  ['（三）不予公开', '3.危及“三安全一稳定”'],
  ['（三）不予公开', '4.保护第三方合法权益'],
  ['（三）不予公开', '5.属于三类内部事务信息'],
  ['（三）不予公开', '6.属于四类过程性信息'],
  ['（三）不予公开', '7.属于行政执法案卷'],
  ['（三）不予公开', '8.属于行政查询事项'],
  ['（四）无法提供', '1.本机关不掌握相关政府信息'],
  ['（四）无法提供', '2.没有现成信息需要另行制作'],
  ['（四）无法提供', '3.补正后申请内容仍不明确'],
  ['（五）不予处理', '1.信访举报投诉类申请'],
  ['（五）不予处理', '2.重复申请'],
  ['（五）不予处理', '3.要求提供公开出版物'],
  ['（五）不予处理', '4.无正当理由大量反复申请'],
  ['（五）不予处理', '5.要求行政机关确认或重新出具已获取信息'],
  ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
  ['（六）其他处理', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
  ['（六）其他处理', '3.其他'],
  [null, '（七）总计'],
  [null, '四、结转下年度继续办理'],
];

/**
 * Table 三 of the 2021 template, 28 × 10: three header rows and three label columns; `value(i, j)` gives
 * the text of data row i (0…24), applicant column j (0…6). `rename` replaces labels (typos, variants).
 */
export function requestsTable2021(value: (i: number, j: number) => string, rename: Record<string, string> = {}): Table {
  const cells: Cell[] = [
    cell(0, 0, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', { rowSpan: 3, colSpan: 3 }),
    cell(0, 3, '申请人情况', { colSpan: 7 }),
    cell(1, 3, '自然人', { rowSpan: 2 }),
    cell(1, 4, '法人或其他组织', { colSpan: 5 }),
    cell(1, 9, '总计', { rowSpan: 2 }),
    ...['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((t, k) => cell(2, 4 + k, t)),
  ];
  const label = (t: string) => rename[t] ?? t;
  REQUEST_ITEMS_2021.forEach(([group, text], i) => {
    const r = 3 + i;
    if (i < 2 || i >= 24) cells.push(cell(r, 0, label(text), { colSpan: 3 }));
    else if (i === 2) cells.push(cell(r, 0, '三、本年度办理结果', { rowSpan: 22 }));
    if (i >= 2 && i < 24) {
      if (group === null) cells.push(cell(r, 1, label(text), { colSpan: 2 }));
      else {
        const first = REQUEST_ITEMS_2021.findIndex(([g]) => g === group);
        if (first === i) cells.push(cell(r, 1, label(group), { rowSpan: REQUEST_ITEMS_2021.filter(([g]) => g === group).length }));
        cells.push(cell(r, 2, label(text)));
      }
    }
    for (let j = 0; j < 7; j++) cells.push(cell(r, 3 + j, value(i, j)));
  });
  return table(28, 10, cells);
}

/** Table 四: 行政复议 (5) | 行政诉讼: 未经复议直接起诉 (5), 复议后起诉 (5); one data row. */
export function appealsTable(value: (k: number) => string): Table {
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const cells: Cell[] = [
    cell(0, 0, '行政复议', { rowSpan: 2, colSpan: 5 }),
    cell(0, 5, '行政诉讼', { colSpan: 10 }),
    cell(1, 5, '未经复议直接起诉', { colSpan: 5 }),
    cell(1, 10, '复议后起诉', { colSpan: 5 }),
    ...Array.from({ length: 15 }, (_, k) => cell(2, k, results[k % 5]!)),
    ...Array.from({ length: 15 }, (_, k) => cell(3, k, value(k))),
  ];
  return table(4, 15, cells);
}

/** Table 二 of the 2021 template, 8 rows × 4 columns, with the 第二十条 block headers. */
export function proactiveTable2021(v: { regs: string[]; norms: string[]; licensing: string; penalties: string; coercion: string; fees: string }): Table {
  const cells: Cell[] = [
    cell(0, 0, '第二十条第（一）项', { colSpan: 4 }),
    cell(1, 0, '信息内容'), cell(1, 1, '本年制发件数'), cell(1, 2, '本年废止件数'), cell(1, 3, '现行有效件数'),
    cell(2, 0, '规章'), ...v.regs.map((t, k) => cell(2, 1 + k, t)),
    cell(3, 0, '行政规范性文件'), ...v.norms.map((t, k) => cell(3, 1 + k, t)),
    cell(4, 0, '第二十条第（五）项', { colSpan: 4 }),
    cell(5, 0, '信息内容'), cell(5, 1, '本年处理决定数量', { colSpan: 3 }),
    cell(6, 0, '行政许可'), cell(6, 1, v.licensing, { colSpan: 3 }),
    cell(7, 0, '第二十条第（六）项', { colSpan: 4 }),
    cell(8, 0, '信息内容'), cell(8, 1, '本年处理决定数量', { colSpan: 3 }),
    cell(9, 0, '行政处罚'), cell(9, 1, v.penalties, { colSpan: 3 }),
    cell(10, 0, '行政强制'), cell(10, 1, v.coercion, { colSpan: 3 }),
    cell(11, 0, '第二十条第（八）项', { colSpan: 4 }),
    cell(12, 0, '信息内容'), cell(12, 1, '本年收费金额（单位：万元）', { colSpan: 3 }),
    cell(13, 0, '行政事业性收费'), cell(13, 1, v.fees, { colSpan: 3 }),
  ];
  return table(14, 4, cells);
}
