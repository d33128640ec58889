// A report → its reports.csv row and its values.csv rows (tidy long format).
import type { Report } from '../schema/report.js';
import type { CsvValue } from '../writers/csv.js';
import { dataValuePaths, partValuePaths, valueAt, type ValuePath } from './value-paths.js';

const FIXED_COLUMNS = [
  'file', 'source.sha256', 'source.format', 'report.title', 'report.agency', 'report.year', 'report.template',
  'status', 'checks.failed',
] as const;

/** reports.csv header: the fixed columns, then one column per data value path (see value-paths.ts). */
export function reportsHeader(): string[] {
  return [...FIXED_COLUMNS, ...dataValuePaths().map((p) => p.name)];
}

export function reportsRow(file: string, report: Report): CsvValue[] {
  const data = report.data as Record<string, unknown>;
  return [
    file,
    report.source.sha256,
    report.source.format,
    report.report.title,
    report.report.agency,
    report.report.year,
    report.report.template,
    report.status,
    report.checks.filter((c) => c.ok === false).length,
    ...dataValuePaths().map((p) => valueAt(data, p)),
  ];
}

export const VALUES_HEADER = ['file', 'agency', 'year', 'table', 'row', 'column', 'value'] as const;

/**
 * One row per value present in the report's template: a number, or an empty `value` when the report printed the
 * cell blank/unreadable (null). Values of a part that was not found, or of the other template, have no row.
 */
export function valuesRows(file: string, report: Report): CsvValue[][] {
  const data = report.data as Record<string, unknown>;
  const rows: CsvValue[][] = [];
  for (const part of ['proactive', 'requests', 'appeals'] as const) {
    const value = data[part] as { template?: string } | null | undefined;
    if (!value) continue;
    for (const path of partValuePaths(part, value.template)) pushValue(path);
  }
  return rows;

  function pushValue(path: ValuePath): void {
    const value = valueAt(data, path);
    if (value === undefined) return;
    const row = path.keys.slice(0, -1).join('.');
    rows.push([file, report.report.agency, report.report.year, path.part, row, path.keys[path.keys.length - 1], value]);
  }
}
