// HTML report pages → DocumentModel: decode (GBK-aware), refuse absurd nesting, find the article
// inside the CMS chrome, read its blocks and tables.
import * as cheerio from 'cheerio';
import type { Limits } from '../../src/limits.js';
import type { Message, Result } from '../../src/messages.js';
import { warning } from '../../src/messages.js';
import type { Block, DocumentModel } from '../../src/model/document.js';
import { documentModel } from '../../src/model/document.js';
import { decodeText } from '../../src/sources/decode.js';
import type { ParseContext } from '../context.js';
import { findArticle } from './article.js';
import type { ArticleStats } from './blocks.js';
import { readBlocks } from './blocks.js';
import type { DomElement, DomNode } from './dom.js';
import { isElement, normaliseText, textLines } from './dom.js';
import { checkNestingDepth } from './nesting.js';

/** An article with fewer Han characters than this (outside links) holds no report text of its own. */
const NEAR_EMPTY_HAN = 200;

export interface HtmlRead {
  blocks: Block[];
  messages: Message[];
  stats: ArticleStats;
  declaredTitle?: string;
}

/**
 * Markup → blocks. `findArticleRoot` looks for the article inside CMS chrome (web pages); without it
 * the whole <body> is read (mammoth's output of a DOCX). Throws limit.nesting-depth before parsing.
 */
export function readHtml(html: string, limits: Limits, options: { findArticleRoot: boolean; codePrefix: string }): HtmlRead {
  checkNestingDepth(html, limits, 'html');
  // htmlparser2 (cheerio's `xml` option with xmlMode off) rather than parse5: 3–5× faster on the
  // corpus pages, and the table reader does not need parse5's implied <tbody>/<tr> (it adds rows itself).
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  const document = $.root()[0] as unknown as DomElement;
  const body = findFirst(document, 'body') ?? document;
  const root = options.findArticleRoot ? findArticle(body).root : body;
  const read = readBlocks(root, options.codePrefix);
  const titleEl = findFirst(document, 'title');
  const title = titleEl ? normaliseText(textLines(titleEl).join(' ')) : '';
  return { ...read, ...(title ? { declaredTitle: title } : {}) };
}

/** First element named `name` in document order (iterative; <body> and <title> sit near the top). */
function findFirst(root: DomElement, name: string): DomElement | undefined {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return undefined;
}

function resolveHref(href: string, base: string | undefined): string {
  if (!base || !/^https?:\/\//i.test(base)) return href;
  try {
    return new URL(href, base).href;
  } catch {
    return href;
  }
}

/** Warnings for pages that hold the report only as pictures or as a downloadable file. */
export function contentWarnings(stats: ArticleStats, code: string, base?: string): Message[] {
  const what = code === 'html' ? 'page' : 'document';
  if (stats.tables > 0) return [];
  if (stats.textHan >= NEAR_EMPTY_HAN) {
    // Text but no table, and pictures: the statistics tables are probably images (a quirk of real pages).
    return stats.images > 0
      ? [warning(`${code}.tables-as-images`, `The ${what} has report text and ${stats.images} image(s) but no table: its tables may be pictures`)]
      : [];
  }
  if (stats.attachments.length > 0) {
    const hrefs = stats.attachments.map((h) => resolveHref(h, base));
    return [warning(`${code}.attachment-link`, `The ${what} holds no report text, only a link to an attachment: ${hrefs.join(', ')}`)];
  }
  if (stats.images > 0) {
    return [warning(`${code}.image-only`, `The ${what} holds no report text, only ${stats.images} image(s) (a scanned or pictured report)`)];
  }
  return [];
}

export async function parseHtml(bytes: Uint8Array, ctx: ParseContext): Promise<Result<DocumentModel>> {
  const decoded = decodeText(bytes, { html: true });
  const messages: Message[] = [];
  if (decoded.ignoredDeclaration) {
    messages.push(
      warning('html.charset-mismatch', `The page declares charset "${decoded.ignoredDeclaration}" but its bytes are ${decoded.encoding}; read as ${decoded.encoding}`),
    );
  }
  const read = readHtml(decoded.text, ctx.limits, { findArticleRoot: true, codePrefix: 'html' });
  messages.push(...read.messages, ...contentWarnings(read.stats, 'html', ctx.name));
  const extra = read.declaredTitle ? { declaredTitle: read.declaredTitle } : {};
  return { value: documentModel('html', read.blocks, extra), messages };
}
