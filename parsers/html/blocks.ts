// The article's DOM → blocks in document order: block elements become paragraphs (split on <br>),
// <h1>–<h6> headings, <table>s tables. Text inside tables is never emitted as a paragraph.
import type { Message } from '../../src/messages.js';
import type { Block } from '../../src/model/document.js';
import { heading, paragraph } from '../../src/model/document.js';
import { ATTACHMENT_HREF } from './article.js';
import type { DomElement, DomNode } from './dom.js';
import { BLOCK_ELEMENTS, countHan, isElement, isSkipped, normaliseText } from './dom.js';
import { isLayoutTable, readTable } from './tables.js';

export interface ArticleStats {
  images: number;
  tables: number;
  /** Han characters outside tables and links, and inside links. */
  textHan: number;
  linkHan: number;
  /** hrefs of links to .pdf/.doc/.docx/.wps/.xls… files, in document order. */
  attachments: string[];
}

export interface BlocksRead {
  blocks: Block[];
  messages: Message[];
  stats: ArticleStats;
}

const HEADING = /^h([1-6])$/;
const EMBEDS = new Set(['iframe', 'embed', 'object']);

interface Frame {
  node: DomNode;
  path: string;
  leaving: boolean;
}

/** Element paths of an element's children: "name[n]", n counted among same-name siblings. */
function childFrames(el: DomElement, path: string): Frame[] {
  const seen: Record<string, number> = {};
  const frames: Frame[] = [];
  for (const child of el.children) {
    if (isElement(child)) {
      const nth = (seen[child.name] = (seen[child.name] ?? 0) + 1);
      frames.push({ node: child, path: path ? `${path}/${child.name}[${nth}]` : `${child.name}[${nth}]`, leaving: false });
    } else frames.push({ node: child, path, leaving: false });
  }
  return frames.reverse();
}

/**
 * Read the blocks under `root`. Layout tables (see isLayoutTable) are read like <div>s. Paths are relative to it ("p[3]", "div[1]/table[2]/tr[5]/td[9]").
 * Heading levels are ranks among the heading tags the article uses (h2+h3 → 1, 2).
 * `codePrefix` names the messages ('html', or 'docx' when reading mammoth's output).
 */
export function readBlocks(root: DomElement, codePrefix = 'html'): BlocksRead {
  const blocks: Block[] = [];
  const messages: Message[] = [];
  const stats: ArticleStats = { images: 0, tables: 0, textHan: 0, linkHan: 0, attachments: [] };
  const headingTags: number[] = [];

  // Text collects into `current` until a block boundary; `owners` is the stack of open block elements.
  let current = '';
  const owners: { path: string; headingTag?: number }[] = [{ path: '' }];
  let linkDepth = 0;
  let preDepth = 0;
  const flush = () => {
    const text = normaliseText(current);
    current = '';
    if (text === '') return;
    const owner = owners[owners.length - 1]!;
    const prov = owner.path ? { path: owner.path } : {};
    if (owner.headingTag !== undefined) {
      headingTags.push(owner.headingTag);
      blocks.push(heading(text, owner.headingTag, prov));
    } else blocks.push(paragraph(text, prov));
  };

  const stack: Frame[] = childFrames(root, '');
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node, path } = frame;
    if (node.type === 'text') {
      if (preDepth > 0) {
        // Inside <pre> a newline is a line break (text reports pasted as preformatted text).
        const [first, ...rest] = node.data.split(/\r\n|\r|\n/);
        current += first;
        for (const piece of rest) {
          flush();
          current += piece;
        }
      } else current += node.data;
      const han = countHan(node.data);
      if (linkDepth > 0) stats.linkHan += han;
      else stats.textHan += han;
      continue;
    }
    if (!isElement(node)) continue;
    if (frame.leaving) {
      if (node.name === 'a') linkDepth--;
      if (node.name === 'pre') preDepth--;
      if (BLOCK_ELEMENTS.has(node.name)) {
        flush();
        owners.pop();
      }
      continue;
    }
    if (isSkipped(node)) {
      // A PDF shown in an <iframe>/<embed>/<object> viewer is an attachment too.
      const src = node.attribs?.['src'] ?? node.attribs?.['data'] ?? '';
      if (EMBEDS.has(node.name) && ATTACHMENT_HREF.test(src)) stats.attachments.push(src);
      continue;
    }
    switch (node.name) {
      case 'br':
        flush();
        continue;
      case 'img':
        stats.images++;
        continue;
      case 'pre':
        preDepth++;
        break;
      case 'table': {
        // Older sites lay whole pages out in tables: read those as containers, not as data.
        if (isLayoutTable(node)) break;
        flush();
        const read = readTable(node, path, codePrefix);
        for (const caption of read.captions) blocks.push(paragraph(caption, { path: `${path}/caption[1]` }));
        if (read.table) {
          blocks.push(read.table);
          stats.tables++;
        }
        messages.push(...read.messages);
        continue;
      }
      case 'a': {
        const href = node.attribs?.['href'] ?? '';
        if (ATTACHMENT_HREF.test(href)) stats.attachments.push(href);
        linkDepth++;
        break;
      }
    }
    if (BLOCK_ELEMENTS.has(node.name)) {
      flush();
      const level = HEADING.exec(node.name)?.[1];
      owners.push(level ? { path, headingTag: Number(level) } : { path });
    }
    stack.push({ node, path, leaving: true });
    for (const child of childFrames(node, path)) stack.push(child);
  }
  flush();
  rankHeadingLevels(blocks, headingTags);
  return { blocks, messages, stats };
}

/** Replace h-tag numbers by their rank among the tags used, so the top heading level is 1. */
function rankHeadingLevels(blocks: Block[], tags: number[]): void {
  const ranks = [...new Set(tags)].sort((a, b) => a - b);
  for (const b of blocks) if (b.type === 'heading') b.level = ranks.indexOf(b.level) + 1;
}
