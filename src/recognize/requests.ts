// Table 三 (收到和处理政府信息公开申请情况): applicant columns × outcome rows → data.requests.
// The template is decided by the rows present: 2021 has （六） items 1–3, 2019 one （六）其他处理 row.
import { errorMessage, warning } from '../messages.js';
import type { Cell } from '../model/document.js';
import { APPLICANT_KEYS, type ApplicantKey, type Requests } from '../schema/report.js';
import { APPLICANT_COLUMNS, APPLICANT_GROUP_HEADERS, REQUEST_GROUPS, REQUEST_ROWS, type RequestGroup, type RequestRowLabel } from '../template/labels.js';
import { leadingNumber, matchLabel, normalizeLabel } from './text.js';
import { cellText, isNumberCell, readValue, rowCells, type TableView, type ValueSink } from './values.js';

type Row = Record<ApplicantKey, number | null>;

/** Grid columns of each applicant key, from the header rows; undefined when the header is incomplete. */
function applicantColumns(view: TableView, headerRows: number): Map<ApplicantKey, number[]> | undefined {
  const columns = new Map<ApplicantKey, number[]>();
  const groupHeaders = APPLICANT_GROUP_HEADERS.map(normalizeLabel);
  for (let c = 0; c < view.table.cols; c++) {
    // The lowest header cell naming an applicant type wins (商业企业 under 法人或其他组织).
    for (let r = headerRows - 1; r >= 0; r--) {
      const text = normalizeLabel(cellText(view.grid[r]?.[c]));
      if (!text || groupHeaders.some((g) => text.includes(g))) continue;
      const key = APPLICANT_KEYS.find((k) => APPLICANT_COLUMNS[k].some((l) => text === l));
      if (key) {
        columns.set(key, [...(columns.get(key) ?? []), c]);
        break;
      }
    }
  }
  return APPLICANT_KEYS.every((k) => columns.has(k)) ? columns : undefined;
}

interface RowMatch {
  row: RequestRowLabel | { key: 'otherHandling.all'; group: 'otherHandling'; labels: string[] };
  loose: boolean;
  label: string;
}

/**
 * The group a label cell names: exactly, or missing at most one character — a group cell cut by a page
 * break keeps "（五）不予处" on one page and "理" on the next. "3.其他" is an item, not the group 其他处理.
 */
function groupOf(text: string): RequestGroup | undefined {
  const t = normalizeLabel(text);
  if (t.length < 3) return undefined;
  return (Object.keys(REQUEST_GROUPS) as RequestGroup[]).find((g) =>
    REQUEST_GROUPS[g].some((l) => t === l || (t.length >= l.length - 1 && (l.startsWith(t) || l.endsWith(t)))),
  );
}

/** Match a row's label cells to a template row, using the group the row sits in. */
function matchRow(labels: string[], currentGroup: RequestGroup | undefined): { match?: RowMatch; group?: RequestGroup } {
  let group = currentGroup;
  for (const l of labels.slice(0, -1)) group = groupOf(l) ?? group;
  const last = labels[labels.length - 1] ?? '';
  const lastGroup = groupOf(last);
  // A group label with values of its own: 2019's single （六）其他处理 row.
  if (lastGroup === 'otherHandling') return { match: { row: { key: 'otherHandling.all', group: 'otherHandling', labels: [last] }, loose: false, label: last }, group: lastGroup };
  if (lastGroup) return { group: lastGroup };
  const text = normalizeLabel(last);
  // Item labels differ across groups, so every row is a candidate: a group cell cut by a page break
  // ("(五)不" / "予处理") must not pull its items into the group above. The current group only breaks ties.
  let best: { row: RequestRowLabel; kind: 'exact' | 'loose'; score: number } | undefined;
  for (const row of REQUEST_ROWS) {
    const m = matchLabel(text, row.labels);
    if (!m) continue;
    const score = m.score + (row.group !== null && row.group === group ? 0.25 : 0);
    if (!best || score > best.score) best = { row, kind: m.kind, score };
  }
  const no = leadingNumber(last);
  if (!best && group && no !== undefined) {
    // The words are garbled beyond recognition, but the item number inside a known group is clear.
    const row = REQUEST_ROWS.find((r) => r.group === group && r.no === no);
    if (row) best = { row, kind: 'loose', score: 0 };
  }
  if (!best) return group ? { group } : {};
  const nextGroup = best.row.group === null ? undefined : (best.row.group as RequestGroup);
  return { match: { row: best.row, loose: best.kind === 'loose', label: last }, ...(nextGroup ? { group: nextGroup } : {}) };
}

/** Header rows: those above the first row that holds a number or names a template row. */
function countHeaderRows(view: TableView): number {
  for (let r = 0; r < view.table.rows; r++) {
    const cells = rowCells(view, r);
    if (cells.some((c) => isNumberCell(c))) return r;
    if (cells.some((c) => /本年新收|上年结转/.test(normalizeLabel(cellText(c))))) return r;
  }
  return 0;
}

export function recognizeRequests(views: TableView[], sink: ValueSink): Requests | null {
  if (views.length === 0) return null;
  const rows = new Map<string, Row>();
  let columns: Map<ApplicantKey, number[]> | undefined;
  for (const view of views) {
    const headerRows = countHeaderRows(view);
    columns = applicantColumns(view, headerRows) ?? (headerRows > 0 ? undefined : columns);
    let group: RequestGroup | undefined;
    for (let r = headerRows; r < view.table.rows; r++) {
      const layout = rowLayout(view, r, columns);
      if (!layout) continue;
      const { labelCells, valueCells } = layout;
      const labels = labelCells.map(cellText).filter((t) => t !== '');
      if (labels.length === 0) continue;
      const { match, group: nextGroup } = matchRow(labels, group);
      group = nextGroup;
      if (!match) {
        if (![...valueCells.values()].some((c) => isNumberCell(c))) continue; // a heading-only row
        sink.messages.push(warning('label.unknown', `Row '${labels.join(' / ')}' of table 三 matches no template row; its values were not used`));
        continue;
      }
      const key = match.row.key;
      if (rows.has(key)) {
        sink.messages.push(warning('table.row-duplicate', `Row '${match.label}' appears twice in table 三; the first one was kept`, { path: `data.requests.${key}` }));
        continue;
      }
      if (match.loose) {
        sink.messages.push(warning('label.fuzzy', `matched '${match.label}' to ${key}`, { path: `data.requests.${key}` }));
      }
      const values = {} as Row;
      for (const k of APPLICANT_KEYS) values[k] = readValue(sink, `data.requests.${key}.${k}`, view, valueCells.get(k));
      rows.set(key, values);
    }
  }
  if (rows.size === 0) return null;
  return assemble(rows, sink);
}

interface RowLayout {
  labelCells: Cell[];
  valueCells: Map<ApplicantKey, Cell | undefined>;
}

const numbersIn = (cells: Iterable<Cell | undefined>) => [...cells].filter((c) => isNumberCell(c)).length;

/**
 * Label and value cells of row r. By the header's columns when the grid is sound; by position (the last
 * seven cells before trailing empties) when merged cells were lost and rows are ragged, as in text
 * extractions — whichever reads more numbers, the header winning ties (it handles a header spanning two
 * grid columns, pingtan-2021's 商业企业).
 */
function rowLayout(view: TableView, r: number, columns: Map<ApplicantKey, number[]> | undefined): RowLayout | undefined {
  let byHeader: RowLayout | undefined;
  if (columns) {
    const firstValueCol = Math.min(...[...columns.values()].flat());
    byHeader = {
      labelCells: rowCells(view, r, 0, firstValueCol),
      valueCells: new Map(APPLICANT_KEYS.map((k) => [k, pickValueCell(view, r, columns.get(k)!)])),
    };
  }
  const line = rowCells(view, r);
  let end = line.length;
  while (end > 0 && cellText(line[end - 1]) === '') end--;
  const n = APPLICANT_KEYS.length;
  const byPosition: RowLayout | undefined = end > n
    ? { labelCells: line.slice(0, end - n), valueCells: new Map(APPLICANT_KEYS.map((k, i) => [k, line[end - n + i]])) }
    : undefined;
  if (!byHeader || !byPosition) return byHeader ?? byPosition;
  const score = (l: RowLayout) => numbersIn(l.valueCells.values()) - numbersIn(l.labelCells);
  return score(byPosition) > score(byHeader) ? byPosition : byHeader;
}

/** The value cell of a key that may cover several grid columns (商业企业 spanning two in pingtan-2021). */
function pickValueCell(view: TableView, r: number, cols: number[]): Cell | undefined {
  const cells: Cell[] = [];
  for (const c of cols) {
    const cell = view.grid[r]?.[c];
    if (cell && !cells.includes(cell)) cells.push(cell);
  }
  return cells.find((c) => cellText(c) !== '') ?? cells[0];
}

function assemble(rows: Map<string, Row>, sink: ValueSink): Requests {
  const is2021 = ['otherHandling.overdueCorrection', 'otherHandling.overdueFee', 'otherHandling.other'].some((k) => rows.has(k));
  const template = is2021 || !rows.has('otherHandling.all') ? '2021' : '2019';
  if (is2021 && rows.has('otherHandling.all')) {
    sink.messages.push(warning('template.ambiguous', 'Table 三 has both a single （六）其他处理 row and its 2021 items; read as 2021'));
  }
  const keys = REQUEST_ROWS.filter((r) => !r.template || r.template === template).map((r) => r.key);
  if (template === '2019') keys.push('otherHandling.all');
  const empty = (): Row => Object.fromEntries(APPLICANT_KEYS.map((k) => [k, null])) as Row;
  const out: Record<string, unknown> = { template };
  for (const key of keys) {
    let row = rows.get(key);
    if (!row) {
      sink.messages.push(errorMessage('table.row-missing', `Table 三 has no row for ${key}; its values are null`, { path: `data.requests.${key}` }));
      row = empty();
    }
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (tail) out[head] = { ...(out[head] as object | undefined), [tail]: row };
    else out[head] = row;
  }
  return out as Requests;
}
