// Which template table (二 主动公开, 三 申请, 四 复议诉讼) a grid is, from the labels it holds.
import type { Table } from '../model/document.js';
import { APPEALS_TABLE_MARKERS, PROACTIVE_COLUMNS, PROACTIVE_ROWS, REQUEST_ROWS, REQUESTS_TABLE_MARKERS } from '../template/labels.js';
import { normalizeLabel } from './text.js';

export type TableKind = 'proactive' | 'requests' | 'appeals' | 'other';

// Label sets derived from the vocabulary once, not per table.
const PROACTIVE_HEADERS = new Set(PROACTIVE_COLUMNS.flatMap((c) => c.labels.map(normalizeLabel)));
const PROACTIVE_ROW_LABELS = new Set<string>(Object.values(PROACTIVE_ROWS).flat());
const REQUEST_ROW_LABELS = new Set(REQUEST_ROWS.flatMap((r) => r.labels.map(normalizeLabel)).filter((l) => l.length >= 4));

const count = (texts: string[], markers: readonly string[]) => markers.filter((m) => texts.some((t) => t.includes(m))).length;

/**
 * `previous` is the kind of the table right before this one with no body text between: a table 三 that a
 * page break split into two tables (Word → HTML) continues without its header, so fewer markers suffice.
 */
export function classifyTable(table: Table, previous?: TableKind): TableKind {
  const texts = table.cells.map((c) => normalizeLabel(c.text)).filter((t) => t !== '');
  if (count(texts, REQUESTS_TABLE_MARKERS) >= 3) return 'requests';
  if (previous === 'requests' && continuesRequests(texts)) return 'requests';
  if (count(texts, APPEALS_TABLE_MARKERS) >= 3) return 'appeals';
  // Table 二 needs one of its own column headers and one of its row labels: a free-form statistics table
  // (pingtan-2017's 指标名称/计量单位) mentions 行政许可 but has no 本年制发件数-like header.
  if (texts.some((t) => PROACTIVE_HEADERS.has(t)) && texts.some((t) => PROACTIVE_ROW_LABELS.has(t))) return 'proactive';
  return 'other';
}

/** Two or more cells that are exactly labels of table 三's rows. */
function continuesRequests(texts: string[]): boolean {
  return texts.filter((t) => REQUEST_ROW_LABELS.has(t)).length >= 2;
}
