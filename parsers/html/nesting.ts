// Element nesting depth from a linear tag scan, before any tree is built. parse5 is quadratic on deep
// nesting (each start tag walks the open-element stack) and DOM walks recurse, so a 60,000-deep page must
// be refused here: this scan keeps an explicit stack that never grows past the limit.
import type { Limits } from '../../src/limits.js';
import { limitError } from '../../src/limits.js';

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'basefont', 'bgsound', 'frame', 'isindex',
]);

/** Elements whose content is raw text: tags inside them are not tags. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * Start tags that implicitly close an open element of the same family (HTML "optional end tags"),
 * so that `<p>a<p>b` or `<td>1<td>2` does not count as nesting.
 */
const IMPLICITLY_CLOSED_BY: Record<string, readonly string[]> = {
  p: ['p'],
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th'],
  thead: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tbody: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
  tfoot: ['thead', 'tbody', 'tfoot', 'tr', 'td', 'th'],
};

/** Elements that stop the search for an implicitly closed element (a <td> does not close a <td> of an outer table). */
const SCOPE_BOUNDARIES = new Set(['table', 'ul', 'ol', 'dl', 'select', 'html', 'body']);

/** Block start tags that close an open <p> (HTML "close a p element"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'ul',
]);

// Attributes are matched as [^>]*: a quoted ">" in an attribute is rare, and quote-aware patterns go
// quadratic on unterminated quotes.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:_-]*)([^>]*)>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g;

export interface NestingScan {
  /** Deepest element nesting met (≤ limit + 1: the scan stops as soon as the limit is passed). */
  maxDepth: number;
}

function popTo(stack: string[], index: number): void {
  stack.length = index;
}

/** Index of the outermost open element named in `names` above the nearest scope boundary, or -1. */
function findOpen(stack: string[], names: readonly string[]): number {
  let found = -1;
  for (let i = stack.length - 1; i >= 0; i--) {
    const name = stack[i]!;
    if (names.includes(name)) found = i;
    else if (SCOPE_BOUNDARIES.has(name)) break;
  }
  return found;
}

/**
 * Deepest nesting of the markup, counting as an HTML parser would for the common implied end tags.
 * `xml` mode (DOCX parts) knows no void or implied elements: only `/>` closes without an end tag.
 * Throws limit.nesting-depth as soon as the depth passes `limits.maxNestingDepth`.
 */
export function checkNestingDepth(markup: string, limits: Limits, mode: 'html' | 'xml' = 'html'): NestingScan {
  const limit = limits.maxNestingDepth;
  const stack: string[] = [];
  let maxDepth = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(markup); m !== null; m = TAG.exec(markup)) {
    const tagName = m[2];
    if (tagName === undefined) continue; // comment or CDATA
    const name = mode === 'html' ? tagName.toLowerCase() : tagName;
    const closing = m[1] === '/';
    const selfClosing = (m[3] ?? '').trimEnd().endsWith('/');
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) popTo(stack, at);
      continue;
    }
    if (mode === 'html') {
      if (VOID_ELEMENTS.has(name)) continue;
      const closes = IMPLICITLY_CLOSED_BY[name];
      if (closes) {
        const at = findOpen(stack, closes);
        if (at >= 0) popTo(stack, at);
      }
      if (CLOSES_P.has(name)) {
        const at = findOpen(stack, ['p']);
        if (at >= 0) popTo(stack, at);
      }
      if (RAW_TEXT_ELEMENTS.has(name)) {
        // Skip to the matching end tag; the content is text, not markup.
        const endTag = new RegExp(`</${name}`, 'gi');
        endTag.lastIndex = TAG.lastIndex;
        const end = endTag.exec(markup);
        TAG.lastIndex = end ? end.index : markup.length;
        continue;
      }
    }
    if (selfClosing) continue;
    stack.push(name);
    if (stack.length > maxDepth) {
      maxDepth = stack.length;
      if (maxDepth > limit) {
        throw limitError('maxNestingDepth', `Markup nests elements more than ${limit} deep (at <${name}>)`, limits);
      }
    }
  }
  return { maxDepth };
}
