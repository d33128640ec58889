// The few shapes of the parsed DOM (domhandler, as cheerio builds it) that the HTML reader uses, and
// text helpers shared by the block and table readers. Walks are iterative: depth is checked before
// parsing, but a recursion-free walk cannot overflow whatever the parser built.

export interface DomText {
  type: 'text';
  data: string;
  parent: DomElement | null;
}

export interface DomElement {
  type: 'tag' | 'script' | 'style' | 'root';
  name: string;
  /** Absent on the document root. */
  attribs?: Record<string, string>;
  children: DomNode[];
  parent: DomElement | null;
}

export interface DomOther {
  type: 'comment' | 'directive' | 'cdata';
  parent: DomElement | null;
}

export type DomNode = DomText | DomElement | DomOther;

export function isElement(n: DomNode): n is DomElement {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style' || n.type === 'root';
}

/** Elements whose content is never report text. */
export const SKIPPED_ELEMENTS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'select', 'button',
  'input', 'textarea', 'svg', 'canvas', 'map', 'audio', 'video',
]);

export function isHidden(el: DomElement): boolean {
  const style = el.attribs?.['style'];
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

export function isSkipped(el: DomElement): boolean {
  return SKIPPED_ELEMENTS.has(el.name) || isHidden(el);
}

/** Han ideographs (incl. extension A and compatibility) and CJK/full-width punctuation. */
const CJK_CHAR = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const HAN_G = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;

export function countHan(text: string): number {
  return text.match(HAN_G)?.length ?? 0;
}

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/**
 * Collapse whitespace (incl. &nbsp;) to one space, drop zero-width characters, trim ASCII and
 * full-width (U+3000) spaces at both ends, and drop spaces between two CJK characters: they come
 * from line breaks in the markup (pingtan-2019.html wraps labels inside <span>s), never from the text.
 */
export function normaliseText(raw: string): string {
  const collapsed = raw
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return collapsed.replace(/ (?=[^ ])/g, (space, offset: number, whole: string) =>
    isCjk(whole[offset - 1]) && isCjk(whole[offset + 1]) ? '' : space,
  );
}

/** Join the lines of one cell or paragraph: nothing between CJK text, a space between Latin/digit runs. */
export function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (line === '') continue;
    if (out !== '' && !isCjk(out[out.length - 1]) && !isCjk(line[0])) out += ' ';
    out += line;
  }
  return out;
}

/** Elements that end a line of text: block-level boxes and <br>. */
export const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Text lines of a subtree in document order: block elements and <br> start a new line. Each line is
 * normalised; empty lines are dropped. `onTable` is told about nested <table>s (they are read as text).
 */
export function textLines(root: DomElement, onTable?: (table: DomElement) => void): string[] {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = normaliseText(current);
    if (line !== '') lines.push(line);
    current = '';
  };
  // Explicit stack of [node, leaving?] so that block ends are seen after their children.
  const stack: [DomNode, boolean][] = root.children.map((c): [DomNode, boolean] => [c, false]).reverse();
  while (stack.length > 0) {
    const [node, leaving] = stack.pop()!;
    if (node.type === 'text') {
      current += node.data;
      continue;
    }
    if (!isElement(node)) continue;
    if (leaving) {
      if (BLOCK_ELEMENTS.has(node.name)) flush();
      continue;
    }
    if (isSkipped(node)) continue;
    if (node.name === 'br') {
      flush();
      continue;
    }
    if (node.name === 'table' && onTable) onTable(node);
    if (BLOCK_ELEMENTS.has(node.name)) flush();
    stack.push([node, true]);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, false]);
  }
  flush();
  return lines;
}
