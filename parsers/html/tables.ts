// An HTML <table> element → Table (cells with spans and element-path provenance). Shared by the HTML
// reader and the DOCX reader (mammoth writes gridSpan as colspan and vMerge as rowspan).
import type { Message } from '../../src/messages.js';
import { warning } from '../../src/messages.js';
import type { Table } from '../../src/model/document.js';
import { table } from '../../src/model/document.js';
import type { DomElement, DomNode } from './dom.js';
import { countHan, isElement, isHidden, isSkipped, joinLines, textLines } from './dom.js';
import type { SourceCell } from './table-grid.js';
import { MAX_TABLE_SLOTS, placeCells } from './table-grid.js';

export interface TableRead {
  /** Undefined when the element holds no cell at all. */
  table: Table | undefined;
  /** Text of <caption> elements, to be emitted before the table. */
  captions: string[];
  messages: Message[];
}

/** Children of a table that never hold its rows (a nested <table> holds its own). */
const NOT_ROW_WRAPPERS = new Set(['table', 'caption', 'colgroup', 'col', 'script', 'style']);

interface RowSource {
  cells: DomElement[];
}

/**
 * Word's "Save as Web Page" ends tables with `<![if !supportMisalignedColumns]><tr height=0>` and one
 * empty cell per grid column: a spacer, not a row.
 */
function isSpacerRow(tr: DomElement): boolean {
  return tr.attribs?.['height'] === '0';
}

/**
 * The rows of a table in source order: <tr>s inside it, inside thead/tbody/tfoot or inside stray
 * wrappers (<form>, <font> between <table> and <tr>: htmlparser2 keeps what parse5 would foster-parent),
 * and runs of <td>/<th> written without a <tr>. Rows of nested tables are not included.
 */
function collectRows(tableEl: DomElement, captions: DomElement[]): RowSource[] {
  const rows: RowSource[] = [];
  let loose: DomElement[] | undefined;
  const visit = (container: DomElement) => {
    for (const child of container.children) {
      if (!isElement(child) || isHidden(child)) continue;
      if (child.name === 'td' || child.name === 'th') {
        if (!loose) rows.push({ cells: (loose = []) });
        loose.push(child);
        continue;
      }
      loose = undefined;
      if (child.name === 'tr' && isSpacerRow(child)) continue;
      if (child.name === 'tr') rows.push({ cells: child.children.filter((c): c is DomElement => isElement(c) && (c.name === 'td' || c.name === 'th')) });
      else if (child.name === 'caption' && container === tableEl) captions.push(child);
      else if (!NOT_ROW_WRAPPERS.has(child.name)) visit(child);
    }
    loose = undefined;
  };
  visit(tableEl);
  return rows;
}

/** Han characters no cell of a data table reaches (the longest template label has ~40): more is a page-layout box. */
const LAYOUT_CELL_HAN = 200;

/** Han characters under a cell, not counting nested tables (iterative). */
function ownHan(cellEl: DomElement): number {
  let n = 0;
  const stack: DomNode[] = [...cellEl.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') n += countHan(node.data);
    else if (isElement(node) && node.name !== 'table' && !isSkipped(node)) for (const child of node.children) stack.push(child);
  }
  return n;
}

/** Rows a page-layout table has at most (header, content, footer) unless it also wraps a table. */
const LAYOUT_MAX_ROWS = 3;

function hasNestedTable(cellEl: DomElement): boolean {
  const stack: DomNode[] = [...cellEl.children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === 'table') return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

/**
 * Whether a <table> lays out a page rather than holding data: a single cell (a frame around the
 * article), or a cell of running text in a table of at most three rows or one that wraps other tables.
 * (A data table with a long "说明：…" row keeps its many rows and stays a table.) Its cells are then
 * read as containers of paragraphs, and the data tables nested in them as tables.
 */
export function isLayoutTable(tableEl: DomElement): boolean {
  const rows = collectRows(tableEl, []);
  const cells = rows.flatMap((r) => r.cells);
  if (cells.length === 1) return true;
  if (!cells.some((c) => ownHan(c) >= LAYOUT_CELL_HAN)) return false;
  return rows.length <= LAYOUT_MAX_ROWS || cells.some(hasNestedTable);
}

function spanAttribute(el: DomElement, name: 'rowspan' | 'colspan'): number {
  const raw = el.attribs?.[name];
  if (raw === undefined) return 1;
  const n = Number.parseInt(raw, 10);
  return Number.isNaN(n) ? 1 : n;
}

/**
 * Read one <table>. `path` is its element path ("table[2]"); cells get "table[2]/tr[5]/td[9]", rows
 * counted across thead/tbody/tfoot, cells among same-name siblings. Text inside a nested table is
 * flattened into its cell, with an 'html.nested-table' warning.
 */
export function readTable(tableEl: DomElement, path: string, codePrefix = 'html'): TableRead {
  const messages: Message[] = [];
  const captionEls: DomElement[] = [];
  const rows = collectRows(tableEl, captionEls);
  const captions = captionEls.map((c) => joinLines(textLines(c))).filter((t) => t !== '');

  const sourceRows: SourceCell[][] = rows.map((row, r) => {
    const seen: Record<string, number> = {};
    return row.cells.map((el) => {
      const nth = (seen[el.name] = (seen[el.name] ?? 0) + 1);
      const cellPath = `${path}/tr[${r + 1}]/${el.name}[${nth}]`;
      const text = joinLines(
        textLines(el, () =>
          messages.push(warning(`${codePrefix}.nested-table`, 'A table inside a table cell was flattened into the cell text', { at: { path: cellPath } })),
        ),
      );
      return { text, rowSpan: spanAttribute(el, 'rowspan'), colSpan: spanAttribute(el, 'colspan'), prov: { path: cellPath } };
    });
  });

  const placed = placeCells(sourceRows, (r) => ({ path: `${path}/tr[${r + 1}]` }));
  if (!placed) {
    const text = `A table of ${rows.length} rows would cover more than ${MAX_TABLE_SLOTS} grid slots (row/column spans); it was skipped`;
    return { table: undefined, captions, messages: [...messages, warning(`${codePrefix}.table-too-large`, text, { at: { path } })] };
  }
  if (placed.cols === 0) return { table: undefined, captions, messages };
  if (placed.clampedSpans > 0) {
    messages.push(
      warning(`${codePrefix}.span-clamped`, `${placed.clampedSpans} cell span(s) ran past the table edge or over another cell and were cut`, {
        at: { path },
      }),
    );
  }
  return { table: table(placed.rows, placed.cols, placed.cells, { path }), captions, messages };
}
