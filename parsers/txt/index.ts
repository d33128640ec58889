// Plain-text reports (what PDF-to-text tools write: real/pingdingshan-shangwu-2023.txt) → DocumentModel.
// Lines without a tab are prose: blank lines separate paragraphs. Runs of consecutive lines with tabs
// are one table, a line per row and a cell per tab-separated field. Merged cells are lost in such text,
// so rows are ragged; empty fields stay in place as empty cells, so columns never shift.
import type { Result } from '../../src/messages.js';
import type { Block, DocumentModel } from '../../src/model/document.js';
import { documentModel, paragraph, table } from '../../src/model/document.js';
import { decodeText } from '../../src/sources/decode.js';
import type { ParseContext } from '../context.js';
import { joinLines, normaliseText } from '../html/dom.js';
import type { SourceCell } from '../html/table-grid.js';
import { placeCells } from '../html/table-grid.js';

interface Line {
  /** 1-based line number, for provenance "line[N]". */
  number: number;
  text: string;
}

/** Split into lines; a form feed (page break in pdftotext output) separates like a blank line. */
function splitLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ number: i + 1, text: t.replace(/\f/g, '') }));
}

const isBlank = (line: Line) => line.text.trim() === '' && !line.text.includes('\t');

function readTable(rows: Line[]): Block | undefined {
  const sourceRows: SourceCell[][] = rows.map((line) =>
    line.text.split('\t').map((field, k) => ({ text: normaliseText(field), rowSpan: 1, colSpan: 1, prov: { path: `line[${line.number}]/cell[${k + 1}]` } })),
  );
  const placed = placeCells(sourceRows, (r) => ({ path: `line[${rows[r]!.number}]` }));
  if (!placed) return undefined;
  return table(placed.rows, placed.cols, placed.cells, { path: `line[${rows[0]!.number}]` });
}

/** Text → blocks, in order. Exported for tests of text that did not come from a file. */
export function readTextBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let prose: Line[] = [];
  let rows: Line[] = [];
  const flushProse = () => {
    const joined = joinLines(prose.map((l) => normaliseText(l.text)));
    if (joined !== '') blocks.push(paragraph(joined, { path: `line[${prose[0]!.number}]` }));
    prose = [];
  };
  const flushRows = () => {
    const t = rows.length > 0 ? readTable(rows) : undefined;
    if (t) blocks.push(t);
    rows = [];
  };
  for (const line of splitLines(text)) {
    if (line.text.includes('\t')) {
      flushProse();
      rows.push(line);
    } else if (isBlank(line)) {
      flushProse();
      flushRows();
    } else {
      flushRows();
      prose.push(line);
    }
  }
  flushProse();
  flushRows();
  return blocks;
}

export async function parseTxt(bytes: Uint8Array, _ctx: ParseContext): Promise<Result<DocumentModel>> {
  const { text } = decodeText(bytes);
  return { value: documentModel('txt', readTextBlocks(text)), messages: [] };
}
