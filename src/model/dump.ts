// IR → indented text, for golden review files and debugging (docling's .itxt).
import type { Block, DocumentModel, Provenance } from './document.js';

function where(p: Provenance | undefined): string {
  if (!p) return '';
  const parts: string[] = [];
  if (p.page !== undefined) parts.push(`p${p.page}`);
  if (p.bbox) parts.push(`[${p.bbox.map((v) => Math.round(v)).join(',')}]`);
  if (p.path) parts.push(p.path);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

function dumpBlock(b: Block): string[] {
  if (b.type === 'table') {
    const out = [`table ${b.rows}x${b.cols}${where(b.prov)}`];
    for (const c of b.cells) {
      const span = `${c.rowSpan > 1 ? ` rowspan=${c.rowSpan}` : ''}${c.colSpan > 1 ? ` colspan=${c.colSpan}` : ''}`;
      out.push(`  r${c.row}c${c.col}${span} ${JSON.stringify(c.text)}`);
    }
    return out;
  }
  return [`${b.type === 'heading' ? `heading${b.level}` : 'paragraph'}${where(b.prov)} ${JSON.stringify(b.text)}`];
}

export function dumpModel(doc: DocumentModel): string {
  const head = `document ${doc.format}${doc.pages !== undefined ? ` pages=${doc.pages}` : ''}`;
  return [head, ...doc.blocks.flatMap(dumpBlock)].join('\n') + '\n';
}
