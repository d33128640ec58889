// Reading template values out of table cells: number parsing, unit conversion, provenance, warnings.
import { warning, type Message } from '../messages.js';
import type { Cell, Table } from '../model/document.js';
import { grid } from '../model/table.js';
import type { ProvenanceEntry } from '../schema/report.js';
import { convertUnit, parseNumber, type NumberUnit } from './numbers.js';
import { cleanText } from './text.js';

/** A table with its index in the report's `tables` and its expanded grid. */
export interface TableView {
  table: Table;
  index: number;
  grid: (Cell | null)[][];
}

export function viewOf(table: Table, index: number): TableView {
  return { table, index, grid: grid(table) };
}

/** The distinct cells of row r between columns [from, to), left to right. */
export function rowCells(view: TableView, r: number, from = 0, to = view.table.cols): Cell[] {
  const out: Cell[] = [];
  for (let c = from; c < to; c++) {
    const cell = view.grid[r]?.[c];
    if (cell && !out.includes(cell)) out.push(cell);
  }
  return out;
}

export const cellText = (cell: Cell | null | undefined): string => (cell ? cleanText(cell.text) : '');

export function isNumberCell(cell: Cell | null | undefined): boolean {
  return parseNumber(cellText(cell)).kind === 'number';
}

/** Collects provenance and messages while values are read. */
export interface ValueSink {
  provenance: Record<string, ProvenanceEntry>;
  messages: Message[];
}

export interface ReadOptions {
  /** The unit the key is stored in; a unit written in the cell is converted to it. */
  unit?: NumberUnit;
  /** The unit the column header declares, used when the cell names none. */
  headerUnit?: NumberUnit;
}

/**
 * The value of `cell` for the report path `path` (e.g. "data.requests.total.total"): a number, or null
 * with a warning saying why. Provenance is recorded whenever there is a cell.
 */
export function readValue(sink: ValueSink, path: string, view: TableView, cell: Cell | null | undefined, options: ReadOptions = {}): number | null {
  if (!cell) {
    sink.messages.push(warning('cell.missing', `No cell holds ${path}`, { path }));
    return null;
  }
  const entry: ProvenanceEntry = { table: view.index, row: cell.row, col: cell.col };
  if (cell.prov?.page !== undefined) entry.page = cell.prov.page;
  if (cell.prov?.bbox) entry.bbox = cell.prov.bbox;
  if (cell.prov?.path) entry.path = cell.prov.path;
  sink.provenance[path] = entry;
  const parsed = parseNumber(cell.text);
  switch (parsed.kind) {
    case 'number': {
      const from = parsed.unit ?? options.headerUnit ?? options.unit;
      return options.unit && from ? convertUnit(parsed.value, from, options.unit) : parsed.value;
    }
    case 'blank':
      sink.messages.push(warning('cell.blank', `The cell for ${path} is blank; read as null, not 0`, { path }));
      return null;
    case 'dash':
      sink.messages.push(warning('cell.dash', `The cell for ${path} holds '${parsed.text}'; read as null`, { path }));
      return null;
    case 'unreadable':
      sink.messages.push(warning('cell.unreadable', `The cell for ${path} holds '${parsed.text}', which is not a number`, { path }));
      return null;
  }
}
