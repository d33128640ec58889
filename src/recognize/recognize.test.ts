import { describe, expect, it } from 'vitest';
import { documentModel, paragraph, table, cell } from '../model/document.js';
import { appealsTable, proactiveTable2021, requestsTable2021 } from '../../test/support/template-tables.js';
import { recognizeReport } from './index.js';

const distinct = (i: number, j: number) => String(100 + i * 7 + j);

function report(blocks: Parameters<typeof documentModel>[1]) {
  return recognizeReport(documentModel('html', blocks));
}

describe('table 三 (requests)', () => {
  it('maps every row and applicant column of a 2021 table by its labels', () => {
    const { value, messages } = report([requestsTable2021(distinct)]);
    const r = value.data.requests!;
    expect(r.template).toBe('2021');
    expect(r.newReceived).toEqual({ naturalPerson: 100, commercial: 101, research: 102, nonprofit: 103, legal: 104, other: 105, total: 106 });
    expect(r.withheld.stateSecret.naturalPerson).toBe(100 + 4 * 7);
    expect(r.unavailable.unclearAfterCorrection.total).toBe(100 + 14 * 7 + 6);
    expect(r.template === '2021' && r.otherHandling.other.legal).toBe(100 + 22 * 7 + 4);
    expect(r.carriedForward.other).toBe(100 + 24 * 7 + 5);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('records provenance with the table, row and column of each value', () => {
    const { value } = report([requestsTable2021(distinct)]);
    expect(value.provenance['data.requests.total.total']).toEqual({ table: 0, row: 3 + 23, col: 9 });
  });

  it('matches typos and 1、 numbering loosely and says so', () => {
    const { value, messages } = report([
      requestsTable2021(distinct, { '2.其他法律行政法规禁止公开': '2、其他法律行政止公开', '1.属于国家秘密': '1、属于国家秘密' }),
    ]);
    expect(value.data.requests!.withheld.lawProhibited.naturalPerson).toBe(100 + 5 * 7);
    expect(value.data.requests!.withheld.stateSecret.naturalPerson).toBe(100 + 4 * 7);
    expect(messages.find((m) => m.code === 'label.fuzzy')?.text).toContain('其他法律行政止公开');
    expect(messages.filter((m) => m.code === 'label.fuzzy')).toHaveLength(1);
  });

  it('reads blank, dash and 无 cells as null with a warning, never 0', () => {
    const { value, messages } = report([requestsTable2021((i, j) => (i === 0 && j < 3 ? ['', '—', '无'][j]! : '0'))]);
    expect(value.data.requests!.newReceived.naturalPerson).toBeNull();
    expect(value.data.requests!.newReceived.commercial).toBeNull();
    expect(value.data.requests!.newReceived.research).toBeNull();
    expect(messages.map((m) => m.code)).toEqual(expect.arrayContaining(['cell.blank', 'cell.dash']));
  });

  it('reads a 2019 table with a single （六）其他处理 row as the 2019 template', () => {
    const t = requestsTable2021(distinct);
    // Collapse the three （六） items into one row, as the 2019 template prints it.
    const cells = t.cells.filter((c) => !(c.row >= 24 && c.row <= 25)).map((c) => {
      if (c.row === 23 && c.col === 1) return { ...c, rowSpan: 1, colSpan: 2, text: '（六）其他处理' };
      if (c.row === 23 && c.col === 2) return null;
      if (c.row > 25) return { ...c, row: c.row - 2 };
      if (c.row === 5 && c.col === 0) return { ...c, rowSpan: 20 };
      return c;
    }).filter((c) => c !== null);
    const { value } = report([table(26, 10, cells)]);
    const r = value.data.requests!;
    expect(r.template).toBe('2019');
    expect(r.template === '2019' && r.otherHandling.all.naturalPerson).toBe(100 + 20 * 7);
    expect(r.total.naturalPerson).toBe(100 + 23 * 7);
  });

  it('uses the last seven cells of ragged text rows when merged cells were lost', () => {
    const rows = [
      ['', '', '自然人', '法人或其他组织', '', '', '', '', '总计'],
      ['', '', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ''],
      ['一、本年新收政府信息公开申请数量', '1', '2', '3', '4', '5', '6', '21'],
      ['', '', '2.其他法律行政法规禁止公开', '7', '0', '0', '0', '0', '0', '7'],
    ];
    const cells = rows.flatMap((row, r) => row.map((t, c) => cell(r, c, t)));
    const { value } = report([table(rows.length, 10, cells)]);
    expect(value.data.requests!.newReceived).toEqual({ naturalPerson: 1, commercial: 2, research: 3, nonprofit: 4, legal: 5, other: 6, total: 21 });
  });
});

describe('table 二 (proactive) and 四 (appeals)', () => {
  it('reads the 2021 table 二 by its column headers, fees in 万元', () => {
    const { value } = report([proactiveTable2021({ regs: ['0', '0', '0'], norms: ['0', '5', '5'], licensing: '550', penalties: '4119', coercion: '195', fees: '7730.28' })]);
    expect(value.data.proactive).toEqual({
      template: '2021',
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 0, repealed: 5, inForce: 5 },
      licensing: { decisions: 550 }, penalties: { decisions: 4119 }, coercion: { decisions: 195 }, fees: { amountWan: 7730.28 },
    });
  });

  it('converts a fee written in 元 to the key\'s 万元', () => {
    const { value } = report([proactiveTable2021({ regs: ['0', '0', '0'], norms: ['0', '0', '0'], licensing: '1', penalties: '2', coercion: '3', fees: '15000元' })]);
    expect(value.data.proactive?.template === '2021' && value.data.proactive.fees.amountWan).toBe(1.5);
  });

  it('maps the fifteen appeal values by group and result headers', () => {
    const { value } = report([appealsTable((k) => String(10 + k))]);
    expect(value.data.appeals!.reconsideration).toEqual({ upheld: 10, corrected: 11, other: 12, pending: 13, total: 14 });
    expect(value.data.appeals!.litigationDirect.upheld).toBe(15);
    expect(value.data.appeals!.litigationAfterReconsideration.total).toBe(24);
  });
});

describe('report template and status', () => {
  it('says 2021 when tables 二 and 三 are both 2021', () => {
    const t2 = proactiveTable2021({ regs: ['0', '0', '0'], norms: ['0', '0', '0'], licensing: '1', penalties: '2', coercion: '3', fees: '4' });
    const { value } = report([t2, requestsTable2021(distinct)]);
    expect(value.report.template).toBe('2021');
  });

  it('gives template none and null data for a free-form report, never numbers', () => {
    const { value, messages } = report([
      paragraph('某某县2017年政府信息公开工作年度报告'),
      paragraph('一、概述'), paragraph('本年度主动公开信息1234条。'),
      table(2, 3, [cell(0, 0, '指标名称'), cell(0, 1, '计量单位'), cell(0, 2, '2017年度'), cell(1, 0, '行政许可'), cell(1, 1, '条'), cell(1, 2, '12')]),
    ]);
    expect(value.report).toEqual({ title: '某某县2017年政府信息公开工作年度报告', agency: '某某县', year: 2017, template: 'none' });
    expect(value.data).toEqual({ proactive: null, requests: null, appeals: null });
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });

  it('flags a section 三 whose table is missing as an error (partial report)', () => {
    const { messages } = report([paragraph('某某局2021年政府信息公开工作年度报告'), paragraph('三、收到和处理政府信息公开申请情况'), paragraph('本年度共收到申请5件。')]);
    expect(messages.find((m) => m.code === 'template.table-missing')?.severity).toBe('error');
  });

  it('does not ask a free-form report from before 2020 for template tables', () => {
    const { messages } = report([paragraph('某某局2017年政府信息公开工作年度报告'), paragraph('二、主动公开政府信息情况'), paragraph('本年度主动公开信息5条。')]);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe('table 三 split into two tables by a page break', () => {
  it('reads the headerless second part as the continuation of the first', () => {
    const whole = requestsTable2021(distinct);
    const cut = 14; // grid row where the page broke
    const top = table(cut, 10, whole.cells.filter((c) => c.row < cut).map((c) => ({ ...c, rowSpan: Math.min(c.rowSpan, cut - c.row) })));
    const bottom = table(28 - cut, 10, whole.cells.filter((c) => c.row >= cut || c.row + c.rowSpan > cut).map((c) =>
      c.row >= cut ? { ...c, row: c.row - cut } : { ...c, row: 0, rowSpan: c.row + c.rowSpan - cut }));
    const { value, messages } = report([top, bottom]);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(value.data.requests!.carriedForward.total).toBe(100 + 24 * 7 + 6);
    expect(value.data.requests!.unavailable.notHeld.naturalPerson).toBe(100 + 12 * 7);
    expect(value.provenance['data.requests.carriedForward.total']).toMatchObject({ table: 1, row: 27 - cut });
  });
});

describe('report metadata', () => {
  it('takes the year from the statistics period when the title has none', () => {
    const { value } = report([paragraph('某某市交通运输局政府信息公开工作年度报告'), paragraph('本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。')]);
    expect(value.report).toMatchObject({ agency: '某某市交通运输局', year: 2022 });
  });
  it('reads 二〇二三年度 and an agency written after the year', () => {
    const { value } = report([paragraph('二〇二三年度某某县人民政府办公室政府信息公开工作年度报告')]);
    expect(value.report).toMatchObject({ agency: '某某县人民政府办公室', year: 2023 });
  });
});

describe('report title from the page <title>', () => {
  it('keeps only the report title out of a CMS title with column and site names', () => {
    const doc = documentModel('html', [paragraph('根据《条例》要求，编制本报告。')], { declaredTitle: '某某区2021年度政府信息公开工作年度报告_政府信息公开年报_某某区政府网' });
    expect(recognizeReport(doc).value.report).toMatchObject({ title: '某某区2021年度政府信息公开工作年度报告', agency: '某某区', year: 2021 });
  });
});

describe('group labels cut by a page break', () => {
  it('still reads the group of a cell that lost its last character ("（五）不予处")', () => {
    const { value, messages } = report([requestsTable2021(distinct, { '（五）不予处理': '（五）不予处' })]);
    expect(value.data.requests!.notProcessed.complaint.naturalPerson).toBe(100 + 15 * 7);
    expect(messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
  it('reads the items of a group whose cell kept one character before the break ("(五)不")', () => {
    const { value, messages } = report([requestsTable2021(distinct, { '（五）不予处理': '(五)不' })]);
    expect(value.data.requests!.notProcessed.complaint.total).toBe(100 + 15 * 7 + 6);
    expect(value.data.requests!.unavailable.notHeld.total).toBe(100 + 12 * 7 + 6);
    expect(messages.filter((m) => m.code === 'table.row-duplicate')).toEqual([]);
  });
  it('does not take the item "3.其他" for the group 其他处理', () => {
    const { value } = report([requestsTable2021(distinct)]);
    expect(value.data.requests!.template).toBe('2021');
  });
});

describe('title spacing', () => {
  it('drops the spaces a PDF-to-text tool put between CJK and digits in the title', () => {
    const { value } = report([paragraph('平顶山市商务局 2023 年政府信息公开工作年度报告')]);
    expect(value.report).toMatchObject({ title: '平顶山市商务局2023年政府信息公开工作年度报告', agency: '平顶山市商务局', year: 2023 });
  });
});
