// Rows of the dataset files, checked on reports built from the corpus truth files (hand-checked values of real
// reports in ../shared/corpus/truth), so both templates and the mixed case are covered.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Report } from '../schema/report.js';
import { reportsHeader, reportsRow, valuesRows } from './rows.js';
import { dataValuePaths } from './value-paths.js';

const TRUTH = new URL('../../../shared/corpus/truth/', import.meta.url);

function reportFromTruth(id: string): Report {
  const truth = JSON.parse(readFileSync(new URL(`${id}.json`, TRUTH), 'utf8')) as { report: Omit<Report['report'], 'title'>; data: Report['data'] };
  return Report.parse({
    schemaVersion: 1,
    generator: { name: 'gongkai', version: '0.1.0' },
    status: 'ok',
    error: null,
    source: { path: `corpus/${id}`, url: null, format: 'html', sha256: 'f'.repeat(64), bytes: 1, pages: null },
    report: { title: `${truth.report.agency}${truth.report.year}年政府信息公开工作年度报告`, ...truth.report },
    sections: [],
    tables: [],
    data: truth.data,
    checks: [{ id: 'requests.balance.total', ok: false, expected: 2, actual: 1, message: 'x' }, { id: 'appeals.sum.reconsideration', ok: null, expected: null, actual: null, message: 'y' }],
    warnings: [],
    provenance: {},
  });
}

/** Every number leaf of an object, with its dotted path. */
function leaves(node: unknown, prefix: string): [string, number | null][] {
  if (node === null) return prefix.split('.').length > 1 ? [[prefix, null]] : [];
  if (typeof node === 'number') return [[prefix, node]];
  if (typeof node !== 'object') return [];
  return Object.entries(node as object).flatMap(([k, v]) => leaves(v, `${prefix}.${k}`));
}

describe('reports.csv columns', () => {
  it('are the fixed columns, then every value path of both templates once, named without "data."', () => {
    const header = reportsHeader();
    expect(header.slice(0, 9)).toEqual(['file', 'source.sha256', 'source.format', 'report.title', 'report.agency', 'report.year', 'report.template', 'status', 'checks.failed']);
    expect(new Set(header).size).toBe(header.length);
    for (const name of ['requests.newReceived.total', 'proactive.licensing.decisions', 'proactive.fees.amountWan', 'proactive.procurement.amountYuan', 'requests.otherHandling.all.total', 'requests.otherHandling.overdueFee.legal', 'appeals.litigationAfterReconsideration.pending']) {
      expect(header).toContain(name);
    }
  });

  it('hold exactly the values of a 2019-template report, blank for the 2021-only columns', () => {
    const report = reportFromTruth('pingtan-2019');
    const row = reportsRow('pingtan-2019.html.json', report);
    const header = reportsHeader();
    const cell = (name: string) => row[header.indexOf(name)];
    for (const [path, value] of leaves(report.data, 'data')) expect(cell(path.slice('data.'.length))).toBe(value);
    expect(cell('proactive.regulations.issued')).toBeUndefined();
    expect(cell('checks.failed')).toBe(1);
    expect(cell('report.template')).toBe('2019');
  });
});

describe('values.csv rows', () => {
  it('give one row per value of a mixed report (2021 proactive, 2019 requests), as table/row/column', () => {
    const report = reportFromTruth('huaian-hongze-2023');
    const rows = valuesRows('h.pdf.json', report);
    const expected = leaves(report.data, 'data').map(([path, value]) => {
      const [, table, ...keys] = path.split('.');
      return ['h.pdf.json', '洪泽区人民政府', 2023, table, keys.slice(0, -1).join('.'), keys[keys.length - 1], value];
    });
    expect(rows).toHaveLength(expected.length);
    expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(new Set(expected.map((r) => JSON.stringify(r))));
    expect(rows.some((r) => r[3] === 'requests' && r[4] === 'otherHandling.all')).toBe(true);
    expect(rows.some((r) => r[4] === 'otherHandling.overdueFee')).toBe(false);
  });

  it('keep a value the report printed blank as a row with an empty value', () => {
    const report = reportFromTruth('pingtan-2023');
    report.data.appeals!.reconsideration.upheld = null;
    const row = valuesRows('p.json', report).find((r) => r[3] === 'appeals' && r[4] === 'reconsideration' && r[5] === 'upheld');
    expect(row).toEqual(['p.json', '平潭综合实验区', 2023, 'appeals', 'reconsideration', 'upheld', null]);
  });

  it('are none for a report without template tables', () => {
    expect(valuesRows('x.json', reportFromTruth('pingtan-2017'))).toEqual([]);
  });

  it('follow the order of the template the report uses (a 2019 table in the 2019 row order)', () => {
    const rows = valuesRows('p.json', reportFromTruth('pingtan-2019'));
    expect(rows.slice(0, 4).map((r) => `${r[3]}.${r[4]}.${r[5]}`)).toEqual([
      'proactive.regulations.made', 'proactive.regulations.published', 'proactive.regulations.totalPublished', 'proactive.normativeDocuments.made',
    ]);
    const seed = valuesRows('s.json', reportFromTruth('seed-2023'));
    const order = dataValuePaths().map((p) => p.name);
    const positions = seed.map((r) => order.indexOf(`${r[3]}.${r[4]}.${r[5]}`));
    expect(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!))).toBe(true);
  });
});
