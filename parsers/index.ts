// Format → parser. Parsers load lazily so that converting HTML never pays for pdfjs.
import type { DocumentModel, Format } from '../src/model/document.js';
import type { Result } from '../src/messages.js';
import type { ParseContext } from './context.js';

export type Parser = (bytes: Uint8Array, ctx: ParseContext) => Promise<Result<DocumentModel>>;

const loaders: Partial<Record<Format, () => Promise<Parser>>> = {
  html: async () => (await import('./html/index.js')).parseHtml,
  docx: async () => (await import('./docx/index.js')).parseDocx,
  doc: async () => (await import('./doc/index.js')).parseDoc,
  txt: async () => (await import('./txt/index.js')).parseTxt,
  pdf: async () => (await import('./pdf/index.js')).parsePdf,
};

/** The parser for a format, or undefined when gongkai cannot read it (yet). */
export async function parserFor(format: Format): Promise<Parser | undefined> {
  return loaders[format]?.();
}
