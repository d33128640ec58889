// DOCX → DocumentModel: check the package (size, ratio, word/document.xml, nesting), let mammoth write
// HTML (it keeps merged cells: w:gridSpan → colspan, w:vMerge → rowspan; numbering labels and
// w:gridBefore are patched in first, see numbering.ts and grid-before.ts), then read that HTML with the
// HTML reader's block and table code.
import mammoth from 'mammoth';
import type { Message, Result } from '../../src/messages.js';
import { GongkaiError, info, warning } from '../../src/messages.js';
import type { DocumentModel } from '../../src/model/document.js';
import { documentModel } from '../../src/model/document.js';
import type { ParseContext } from '../context.js';
import { contentWarnings, readHtml } from '../html/index.js';
import { checkNestingDepth } from '../html/nesting.js';
import { expandGridBefore, repackDocument } from './grid-before.js';
import { renderNumbering, readNumberingDefs } from './numbering.js';
import type { DocxPackage } from './package.js';
import { coreTitle, openDocxPackage } from './package.js';

/** Images are not read (no data: URIs): an <img> placeholder is enough to notice picture-only documents. */
const skipImages = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * mammoth's messages, deduplicated. "Unrecognised … style" is what every government DOCX gives (their
 * styles carry no meaning mammoth knows), so it is info; anything else is a warning.
 */
function mammothMessages(raw: { type: string; message: string }[]): Message[] {
  const seen = new Set<string>();
  const out: Message[] = [];
  for (const m of raw) {
    if (seen.has(m.message)) continue;
    seen.add(m.message);
    const text = `mammoth: ${m.message}`;
    out.push(/^Unrecognised .* style/.test(m.message) ? info('docx.mammoth', text) : warning('docx.mammoth', text));
  }
  return out;
}

/**
 * What mammoth would lose, written into document.xml: automatic numbering as text, and placeholder
 * cells for w:gridBefore. Undefined when nothing needs patching (the package is read as it is).
 */
function patchDocumentXml(pkg: DocxPackage): string | undefined {
  const numberingXml = pkg.parts.get('word/numbering.xml');
  const numbered = numberingXml ? renderNumbering(pkg.documentXml, readNumberingDefs(numberingXml, pkg.parts.get('word/styles.xml'))) : undefined;
  const expanded = expandGridBefore(numbered ?? pkg.documentXml);
  return expanded ?? numbered;
}

export async function parseDocx(bytes: Uint8Array, ctx: ParseContext): Promise<Result<DocumentModel>> {
  const pkg = await openDocxPackage(bytes, ctx.limits);
  // mammoth walks the XML recursively: refuse absurd nesting before it does.
  checkNestingDepth(pkg.documentXml, ctx.limits, 'xml');
  let converted: { value: string; messages: { type: string; message: string }[] };
  try {
    const documentXml = patchDocumentXml(pkg);
    const buffer = documentXml ? await repackDocument(bytes, documentXml) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    converted = await mammoth.convertToHtml({ buffer }, { convertImage: skipImages });
  } catch (e) {
    throw new GongkaiError('docx.corrupt', `mammoth could not read the document: ${(e as Error).message}`);
  }
  const read = readHtml(converted.value, ctx.limits, { findArticleRoot: false, codePrefix: 'docx' });
  const messages = [...mammothMessages(converted.messages), ...read.messages, ...contentWarnings(read.stats, 'docx')];
  const title = coreTitle(pkg.parts.get('docProps/core.xml'));
  return { value: documentModel('docx', read.blocks, title ? { declaredTitle: title } : {}), messages };
}
