// Table 二 (主动公开政府信息情况) → data.proactive. Column headers decide which key a value belongs to and
// which template the table follows (本年制发件数 is 2021, 本年新制作数量 2019); rows are matched by label.
import { warning } from '../messages.js';
import type { Proactive } from '../schema/report.js';
import { PROACTIVE_COLUMNS, PROACTIVE_ROWS, type ProactiveRowKey } from '../template/labels.js';
import type { NumberUnit } from './numbers.js';
import { matchLabel, normalizeLabel, similarity, toHalfWidth } from './text.js';
import { cellText, readValue, rowCells, type TableView, type ValueSink } from './values.js';

interface Column {
  key: string;
  col: number;
  template: '2019' | '2021' | 'both';
  unit?: NumberUnit;
  headerUnit?: NumberUnit;
}

const SHAPES = {
  '2021': {
    regulations: ['issued', 'repealed', 'inForce'],
    normativeDocuments: ['issued', 'repealed', 'inForce'],
    licensing: ['decisions'],
    penalties: ['decisions'],
    coercion: ['decisions'],
    fees: ['amountWan'],
  },
  '2019': {
    regulations: ['made', 'published', 'totalPublished'],
    normativeDocuments: ['made', 'published', 'totalPublished'],
    licensing: ['previousYear', 'change', 'decisions'],
    otherServices: ['previousYear', 'change', 'decisions'],
    penalties: ['previousYear', 'change', 'decisions'],
    coercion: ['previousYear', 'change', 'decisions'],
    fees: ['previousYear', 'change'],
    procurement: ['projects', 'amountYuan'],
  },
} as const satisfies Record<'2019' | '2021', Partial<Record<ProactiveRowKey, readonly string[]>>>;

/** Column of table 二 a header cell names; loose when matched by similarity (typo "本年度止件数"). */
function headerColumn(text: string, col: number): (Column & { loose: boolean }) | undefined {
  const t = normalizeLabel(text);
  if (!t) return undefined;
  let best: { def: (typeof PROACTIVE_COLUMNS)[number]; kind: 'exact' | 'loose'; score: number } | undefined;
  for (const def of PROACTIVE_COLUMNS) {
    const m = def.labels.some((l) => normalizeLabel(l) === t) ? { kind: 'exact' as const, score: 2 } : fuzzy(t, def.labels);
    if (m && (!best || m.score > best.score)) best = { def, ...m };
  }
  if (!best) return undefined;
  const column: Column & { loose: boolean } = { key: best.def.key, col, template: best.def.template, loose: best.kind === 'loose' };
  if (best.def.unit) column.unit = best.def.unit;
  // "（单位：万元）" in the header says what unit unmarked cells are in.
  const declared = /万元/.test(text) ? 'wan' : /[(（]\s*(单位[:：])?\s*元\s*[)）]/.test(toHalfWidth(text)) ? 'yuan' : undefined;
  if (declared) column.headerUnit = declared;
  return column;
}

/** Similar enough to be a misprint of the label, but not a different label that contains it. */
function fuzzy(text: string, labels: readonly string[]): { kind: 'loose'; score: number } | undefined {
  const score = Math.max(...labels.map((l) => similarity(text, normalizeLabel(l))));
  return score >= 0.8 && Math.abs(text.length - normalizeLabel(labels[0]!).length) <= 1 ? { kind: 'loose', score } : undefined;
}

function rowKey(text: string): { key: ProactiveRowKey; loose: boolean } | undefined {
  const t = normalizeLabel(text);
  let best: { key: ProactiveRowKey; loose: boolean; score: number } | undefined;
  for (const key of Object.keys(PROACTIVE_ROWS) as ProactiveRowKey[]) {
    const m = matchLabel(t, PROACTIVE_ROWS[key], 0.75);
    if (m && (!best || m.score > best.score)) best = { key, loose: m.kind === 'loose', score: m.score };
  }
  return best && { key: best.key, loose: best.loose };
}

export function recognizeProactive(views: TableView[], sink: ValueSink): Proactive | null {
  const values = new Map<string, number | null>(); // "licensing.decisions" → value
  const votes = { '2019': 0, '2021': 0 };
  const rowsSeen = new Set<ProactiveRowKey>();
  for (const view of views) {
    let columns: Column[] = [];
    for (let r = 0; r < view.table.rows; r++) {
      const cells = rowCells(view, r);
      const header = cells.map((c) => headerColumn(c.text, c.col)).filter((c) => c !== undefined);
      if (header.length > 0) {
        for (const c of header.filter((h) => h.loose)) {
          sink.messages.push(warning('label.fuzzy', `matched column header '${cellText(cells.find((x) => x.col === c.col))}' to ${c.key}`));
        }
        columns = header;
        for (const c of header) if (c.template !== 'both') votes[c.template]++;
        continue;
      }
      const label = cells[0] ? cellText(cells[0]) : '';
      const row = rowKey(label);
      if (!row || columns.length === 0) continue;
      if (row.key === 'otherServices' || row.key === 'procurement') votes['2019']++;
      if (normalizeLabel(label) === '行政规范性文件') votes['2021']++;
      if (rowsSeen.has(row.key)) {
        sink.messages.push(warning('table.row-duplicate', `Row '${label}' appears twice in table 二; the first one was kept`));
        continue;
      }
      rowsSeen.add(row.key);
      if (row.loose) sink.messages.push(warning('label.fuzzy', `matched '${label}' to proactive.${row.key}`, { path: `data.proactive.${row.key}` }));
      for (const column of columns) {
        const path = `${row.key}.${column.key}`;
        const options: { unit?: NumberUnit; headerUnit?: NumberUnit } = {};
        if (column.unit) options.unit = column.unit;
        if (column.headerUnit) options.headerUnit = column.headerUnit;
        values.set(path, readValue(sink, `data.proactive.${path}`, view, view.grid[r]?.[column.col], options));
      }
    }
  }
  if (rowsSeen.size === 0) return null;
  const template = votes['2019'] > votes['2021'] ? '2019' : '2021';
  const out: Record<string, unknown> = { template };
  for (const [row, keys] of Object.entries(SHAPES[template])) {
    const obj: Record<string, number | null> = {};
    for (const key of keys) {
      const path = `${row}.${key}`;
      if (!values.has(path)) {
        sink.messages.push(warning('table.value-missing', `Table 二 has no value for ${path}; it is null`, { path: `data.proactive.${path}` }));
      }
      obj[key] = values.get(path) ?? null;
    }
    out[row] = obj;
  }
  for (const path of values.keys()) {
    const [row, key] = path.split('.') as [string, string];
    const shape = (SHAPES[template] as Record<string, readonly string[]>)[row];
    if (!shape?.includes(key)) {
      sink.messages.push(warning('template.extra-value', `Table 二 has ${path}, which the ${template} template does not define; it was dropped`));
      delete sink.provenance[`data.proactive.${path}`];
    }
  }
  return out as Proactive;
}
