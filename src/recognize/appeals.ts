// Table 四 (行政复议、行政诉讼) → data.appeals: three groups × five results, one data row.
import { errorMessage } from '../messages.js';
import type { Cell } from '../model/document.js';
import { APPEAL_GROUP_KEYS, APPEAL_RESULT_KEYS, type Appeals } from '../schema/report.js';
import { APPEAL_GROUPS, APPEAL_RESULTS } from '../template/labels.js';
import { normalizeLabel } from './text.js';
import { cellText, isNumberCell, readValue, rowCells, type TableView, type ValueSink } from './values.js';

type GroupKey = (typeof APPEAL_GROUP_KEYS)[number];
type ResultKey = (typeof APPEAL_RESULT_KEYS)[number];

function findKey<K extends string>(text: string, table: Record<K, readonly string[]>): K | undefined {
  const t = normalizeLabel(text);
  return (Object.keys(table) as K[]).find((k) => table[k].some((l) => t.includes(normalizeLabel(l))));
}

function isHeaderCell(cell: Cell): boolean {
  return findKey(cell.text, APPEAL_RESULTS) !== undefined || findKey(cell.text, APPEAL_GROUPS) !== undefined || /行政诉讼/.test(cell.text);
}

export function recognizeAppeals(views: TableView[], sink: ValueSink): Appeals | null {
  for (const view of views) {
    // The data row: the first row below a header row that holds no header label and some value cells.
    for (let r = 1; r < view.table.rows; r++) {
      const cells = rowCells(view, r);
      if (cells.length === 0 || cells.some(isHeaderCell)) continue;
      if (!cells.some((c) => isNumberCell(c)) && cells.some((c) => cellText(c) !== '')) continue;
      const slots = mapColumns(view, r) ?? positional(cells);
      if (!slots) {
        sink.messages.push(errorMessage('table.layout-unknown', 'Table 四 was found but its columns could not be mapped to 复议/诉讼 results', { path: 'data.appeals' }));
        return null;
      }
      const out = {} as Record<GroupKey, Record<ResultKey, number | null>>;
      for (const g of APPEAL_GROUP_KEYS) {
        out[g] = {} as Record<ResultKey, number | null>;
        for (const k of APPEAL_RESULT_KEYS) out[g][k] = readValue(sink, `data.appeals.${g}.${k}`, view, slots.get(`${g}.${k}`));
      }
      return out;
    }
  }
  return null;
}

/** Group and result of each value column from the header cells above the data row. */
function mapColumns(view: TableView, dataRow: number): Map<string, Cell> | undefined {
  const slots = new Map<string, Cell>();
  for (let c = 0; c < view.table.cols; c++) {
    const cell = view.grid[dataRow]?.[c];
    if (!cell) continue;
    let group: GroupKey | undefined;
    let result: ResultKey | undefined;
    for (let r = dataRow - 1; r >= 0; r--) {
      const text = cellText(view.grid[r]?.[c]);
      result ??= findKey(text, APPEAL_RESULTS);
      group ??= findKey(text, APPEAL_GROUPS);
    }
    if (group && result && !slots.has(`${group}.${result}`)) slots.set(`${group}.${result}`, cell);
  }
  return slots.size === 15 ? slots : undefined;
}

/** Fallback for tables whose header lost its structure (text extractions): 15 cells in template order. */
function positional(cells: Cell[]): Map<string, Cell> | undefined {
  let end = cells.length;
  while (end > 0 && cellText(cells[end - 1]) === '') end--;
  if (end !== 15) return undefined;
  const slots = new Map<string, Cell>();
  APPEAL_GROUP_KEYS.forEach((g, gi) => APPEAL_RESULT_KEYS.forEach((k, ki) => slots.set(`${g}.${k}`, cells[gi * 5 + ki]!)));
  return slots;
}
