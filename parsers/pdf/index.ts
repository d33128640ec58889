// PDF → document model: paragraphs in reading order and ruled tables as cells with spans, with
// provenance {page, bbox} (points, origin top-left) on every block and every cell.
//
// Per page, one pdfjs call (getOperatorList) feeds everything:
//   pdfjs.ts         document loading, CMaps/standard fonts cached per process, core-js globals restored
//   page-content.ts  operator walk with the graphics state → glyphs (text-items.ts) + rules (rules.ts)
//   table-grid.ts    rules → ruled tables with spans; glyphs → cells by centre
//   lines.ts         remaining glyphs → lines/runs (CJK spacing rules)
// Per document:
//   paragraphs.ts    page numbers, running headers/footers removed; lines → paragraphs
//   table-text.ts    borderless tables from aligned runs (simple case)
//   table-merge.ts   tables (and paragraphs, here) joined across page breaks
// Measured on a batch of the real reports (--cpu-prof of a worker): pdfjs ~45 % (content parsing, the
// operator list, fonts' widths and ToUnicode maps), GC ~14 %, this folder's own code ~15 %. Speed measures:
// pdfjs.ts (no glyph outlines or font installation), pdfjs-edits.ts (what only drawing needs, left out of
// pdfjs), worker-port.ts (operator lists passed without copies).
import { limitError } from '../../src/limits.js';
import { errorMessage, GongkaiError, type Message, type Result, warning } from '../../src/messages.js';
import { type Block, type Cell, documentModel, type DocumentModel, paragraph, table } from '../../src/model/document.js';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ParseContext } from '../context.js';
import type { Box } from './geometry.js';
import { buildLines, joinText } from './lines.js';
import { type PageContent, pageContent } from './page-content.js';
import { buildParagraphs, continuesParagraph, documentMargins, pageMargins, type PageLines, removeHeadersAndFooters, type TextBlock } from './paragraphs.js';
import { loadPdfjs, openPdf } from './pdfjs.js';
import { findRuledTables } from './table-grid.js';
import { findAlignedTables } from './table-text.js';
import { continuesTable, joinTables, type PagedTable, pagedTable } from './table-merge.js';

type Item = { kind: 'text'; block: TextBlock } | { kind: 'table'; table: PagedTable };

interface PageParts {
  page: number;
  height: number;
  tables: PagedTable[];
  lines: PageLines;
  glyphCount: number;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** pdfjs rejections at open → stable codes. */
function openError(err: unknown): GongkaiError {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'PasswordException') {
    return new GongkaiError('pdf.encrypted', 'The PDF needs a password to be opened (it is encrypted with a user password)');
  }
  return new GongkaiError('pdf.corrupt', `The PDF cannot be read: ${describe(err)}`);
}

const bbox = (b: Box): [number, number, number, number] => b.map((v) => Math.round(v * 100) / 100) as [number, number, number, number];

export async function parsePdf(bytes: Uint8Array, ctx: ParseContext): Promise<Result<DocumentModel>> {
  const doc = await openPdf(bytes).catch((err: unknown) => {
    throw openError(err);
  });
  try {
    const numPages = doc.numPages;
    if (numPages > ctx.limits.maxPages) throw limitError('maxPages', `The PDF has ${numPages} pages`, ctx.limits);
    const messages: Message[] = [];
    const parts: PageParts[] = [];
    for (let p = 1; p <= numPages; p++) {
      // Only pdfjs's reading is guarded: what fails there is the document's fault, anything later is a bug.
      let content: PageContent;
      try {
        content = await readPage(doc, p);
      } catch (err) {
        messages.push(errorMessage('pdf.page-unreadable', `Page ${p} of ${numPages} could not be read: ${describe(err)}`, { at: { page: p } }));
        continue;
      }
      const { tables, outside } = findRuledTables(content.segments, content.glyphs, p);
      parts.push({
        page: p,
        height: content.height,
        tables: tables.map((t) => pagedTable(t, content.height)),
        lines: { page: p, width: content.width, height: content.height, lines: buildLines(outside) },
        glyphCount: content.glyphs.length,
      });
    }
    if (parts.length === 0) throw new GongkaiError('pdf.corrupt', `None of the ${numPages} pages of the PDF could be read`);
    if (parts.every((p) => p.glyphCount === 0)) {
      throw new GongkaiError('pdf.no-text-layer', `The PDF has no text layer on any of its ${numPages} pages (a scan or images of text; OCR is needed)`);
    }
    for (const page of await imageOnlyPages(bytes, parts.filter((p) => p.glyphCount === 0).map((p) => p.page))) {
      messages.push(warning('pdf.image-only-page', `Page ${page} holds only images (a scanned page or pictures of tables); its content is not read`, { at: { page } }));
    }
    const blocks = assemble(parts);
    const extra: { pages: number; declaredTitle?: string } = { pages: numPages };
    const title = await declaredTitle(doc);
    if (title) extra.declaredTitle = title;
    return { value: documentModel('pdf', blocks, extra), messages };
  } finally {
    await doc.destroy();
  }
}

async function readPage(doc: PDFDocumentProxy, p: number): Promise<PageContent> {
  const pdfjs = await loadPdfjs();
  const page = await doc.getPage(p);
  // Annotations (form fields, stamps) are not report text; skipping them also saves time.
  const content = pageContent(page, p, await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }));
  page.cleanup();
  return content;
}

/**
 * Which of these pages without text paint images (scanned pages, pictures of tables) rather than nothing
 * at all. The first reading leaves images out (openPdf), so these few pages are read again with them.
 */
async function imageOnlyPages(bytes: Uint8Array, pages: number[]): Promise<number[]> {
  if (pages.length === 0) return [];
  const doc = await openPdf(bytes, { images: true });
  try {
    const found: number[] = [];
    for (const p of pages) {
      try {
        if ((await readPage(doc, p)).images > 0) found.push(p);
      } catch {
        // Read once already; a page that fails now only goes without the warning.
      }
    }
    return found;
  } finally {
    await doc.destroy();
  }
}

async function declaredTitle(doc: { getMetadata(): Promise<{ info: unknown }> }): Promise<string | undefined> {
  try {
    const { info } = await doc.getMetadata();
    const title = (info as { Title?: unknown } | null)?.Title;
    return typeof title === 'string' && title.trim() ? title.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** Pages → blocks: headers/footers removed, paragraphs built, tables joined across page breaks. */
function assemble(parts: PageParts[]): Block[] {
  // Tables without rules come out of the body lines before paragraphs are built from the rest.
  const aligned = removeHeadersAndFooters(parts.map((p) => p.lines)).map((body) => {
    const { tables, rest } = findAlignedTables(body.lines, body.page);
    return { tables: tables.map((t) => pagedTable(t, body.height)), body: { ...body, lines: rest } };
  });
  const bodies = aligned.map((a) => a.body);
  const margins = documentMargins(bodies);
  const items: Item[] = [];
  let lastPageOfItems = 0;
  parts.forEach((part, i) => {
    const tablesOfPage = [...part.tables, ...aligned[i]!.tables];
    const pageItems: Item[] = [
      ...buildParagraphs(bodies[i]!, pageMargins(bodies[i]!, margins), tablesOfPage.map((t) => t.box)).map((block): Item => ({ kind: 'text', block })),
      ...tablesOfPage.map((t): Item => ({ kind: 'table', table: t })),
    ].sort((a, b) => top(a) - top(b));
    const first = pageItems[0];
    const prev = items.at(-1);
    // The previous item was the last block of its page (items of a page are appended together).
    const adjacent = lastPageOfItems === part.page - 1;
    if (adjacent && first?.kind === 'table' && prev?.kind === 'table' && continuesTable(prev.table, first.table, part.height)) {
      prev.table = joinTables(prev.table, first.table);
      pageItems.shift();
    } else if (adjacent && first?.kind === 'text' && prev?.kind === 'text' && continuesParagraph(prev.block, first.block)) {
      // Provenance stays with the part on the earlier page; the text is the whole paragraph.
      prev.block = { ...prev.block, text: joinText([prev.block.text, first.block.text]), openEnd: first.block.openEnd, endPage: first.block.page };
      pageItems.shift();
    }
    items.push(...pageItems);
    lastPageOfItems = part.page;
  });
  return items.map(toBlock);
}

function top(item: Item): number {
  return item.kind === 'text' ? item.block.box[1] : item.table.box[1];
}

function toBlock(item: Item): Block {
  if (item.kind === 'text') return paragraph(item.block.text, { page: item.block.page, bbox: bbox(item.block.box) });
  const t = item.table;
  const cells: Cell[] = t.cells
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, text: c.text, prov: { page: c.page, bbox: bbox(c.box) } }));
  return table(t.rows, t.xs.length - 1, cells, { page: t.page, bbox: bbox(t.box) });
}
