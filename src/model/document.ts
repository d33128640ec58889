// The intermediate document model: plain data every parser produces and every recognizer reads.
// Nodes have no methods and serialise to JSON as they are (mammoth documents.js, unist, docling-core).

export type Format = 'pdf' | 'docx' | 'doc' | 'html' | 'txt' | 'unknown';

export interface Provenance {
  /** 1-based page number; PDF only. */
  page?: number;
  /** PDF points, origin at the top-left of the page (as SCHEMA.md's output), [x0, y0, x1, y1]. */
  bbox?: [number, number, number, number];
  /** HTML/DOCX element path, e.g. "table[2]/tr[3]/td[1]" (1-based, counted among same-name siblings). */
  path?: string;
}

export interface Heading {
  type: 'heading';
  /** 1 for 一、… style headings, 2 for （一）… and below; parsers that cannot tell use 1. */
  level: number;
  text: string;
  prov: Provenance;
}

export interface Paragraph {
  type: 'paragraph';
  text: string;
  prov: Provenance;
}

export interface Cell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Normalised text: whitespace collapsed, lines of a multi-line cell joined without separator. */
  text: string;
  prov?: Provenance;
}

export interface Table {
  type: 'table';
  rows: number;
  cols: number;
  /** Each cell once, top-left anchored, with its spans; use grid() for a rows × cols view. */
  cells: Cell[];
  prov: Provenance;
}

export type Block = Heading | Paragraph | Table;

export interface DocumentModel {
  type: 'document';
  format: Format;
  /** Page count for paged formats (PDF); absent for flowing ones. */
  pages?: number;
  /** Title as declared by the document (<title>, docx core properties), when any. */
  declaredTitle?: string;
  blocks: Block[];
}

export function heading(text: string, level: number, prov: Provenance = {}): Heading {
  return { type: 'heading', level, text, prov };
}

export function paragraph(text: string, prov: Provenance = {}): Paragraph {
  return { type: 'paragraph', text, prov };
}

export function cell(row: number, col: number, text: string, spans: { rowSpan?: number; colSpan?: number } = {}, prov?: Provenance): Cell {
  const c: Cell = { row, col, rowSpan: spans.rowSpan ?? 1, colSpan: spans.colSpan ?? 1, text };
  if (prov) c.prov = prov;
  return c;
}

export function table(rows: number, cols: number, cells: Cell[], prov: Provenance = {}): Table {
  return { type: 'table', rows, cols, cells, prov };
}

export function documentModel(format: Format, blocks: Block[], extra: { pages?: number; declaredTitle?: string } = {}): DocumentModel {
  const doc: DocumentModel = { type: 'document', format, blocks };
  if (extra.pages !== undefined) doc.pages = extra.pages;
  if (extra.declaredTitle !== undefined) doc.declaredTitle = extra.declaredTitle;
  return doc;
}
