// Find the report inside the CMS page around it (nav, breadcrumbs, related links, footer).
import type { DomElement, DomNode } from './dom.js';
import { countHan, isElement, isSkipped } from './dom.js';

export interface ArticleSelector {
  selector: string;
  /**
   * Generic names (".content") also wrap chrome or side boxes: they only narrow the densest text block.
   * Specific CMS containers are taken when they hold any text or an image / attachment link.
   */
  generic: boolean;
}

/**
 * Article containers of the CMSes Chinese government sites run on, most specific first. Simple
 * selectors only (".class", "#id", "tag"). The first selector whose best match holds report text wins.
 */
export const ARTICLE_SELECTORS: readonly ArticleSelector[] = [
  // TRS WCM editor output; pingtan-2019.html, pingtan-2023.html, seed-2023*.html
  { selector: '.TRS_Editor', generic: false },
  // TRS UEditor variant of the same CMS (class "TRS_UEDITOR trs_paper_default"), common on provincial portals
  { selector: '.TRS_UEDITOR', generic: false },
  // Article body id of gov.cn-style templates ("字号：大 中 小" zoom links act on it); seed-2023*.html
  { selector: '#zoom', generic: false },
  // Ucap (开普云) CMS article body
  { selector: '#UCAP-CONTENT', generic: false },
  // TRS "trt" responsive templates without a TRS_Editor div; pingtan-2017.html, pingtan-2021.html
  { selector: '.article_content', generic: false },
  // www.gov.cn article pages
  { selector: '.pages_content', generic: false },
  // 政府信息公开 (xxgk) platform detail pages
  { selector: '.xxgk_content', generic: false },
  { selector: '#xxgk_content', generic: false },
  // Generic names many hand-made templates use; they may wrap chrome too
  { selector: '.article-content', generic: true },
  { selector: '#content', generic: true },
  { selector: '.content', generic: true },
  { selector: '.article', generic: true },
  { selector: 'article', generic: true },
];

/** Han characters a page needs before its densest block is taken as the report's text. */
const MIN_ARTICLE_HAN = 50;

/** A CMS container is the article when it holds at least this share of the page's non-link text. */
const SPECIFIC_MIN_SHARE = 0.3;

/** The fallback takes the smallest element that holds this share of the page's non-link text. */
const DENSEST_SHARE = 0.8;

/** Boilerplate by element name or by class/id (readability's "unlikely candidates"). */
const CHROME_ELEMENTS = new Set(['nav', 'header', 'footer', 'aside']);
const CHROME_NAMES = /(^|[\s_-])(nav|navbar|menu|footer|foot|header|head|sidebar|side|breadcrumb|crumb|share|comment|related|links?|position|location|copyright)([\s_-]|$)/i;

export const ATTACHMENT_HREF = /\.(pdf|docx?|wps|xlsx?|et|ofd)(?:[?#].*)?$/i;

function isChrome(el: DomElement): boolean {
  if (CHROME_ELEMENTS.has(el.name)) return true;
  const names = `${el.attribs?.['class'] ?? ''} ${el.attribs?.['id'] ?? ''}`;
  return names.trim() !== '' && CHROME_NAMES.test(names);
}

export interface HanCounts {
  /** Han characters outside links under each element (text of <a> is navigation, not report). */
  all: Map<DomElement, number>;
  /** The same, but chrome descendants (nav, footer, .breadcrumb …) contribute nothing. */
  content: Map<DomElement, number>;
}

/**
 * Count Han characters under every element: list the elements in document order (iteratively), then
 * sum them in reverse order, so that every child is counted before its parent.
 */
export function hanCounts(root: DomElement): HanCounts {
  const all = new Map<DomElement, number>();
  const content = new Map<DomElement, number>();
  const order: DomElement[] = [];
  const stack: DomElement[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isSkipped(node) || node.name === 'a') continue;
    order.push(node);
    for (const child of node.children) if (isElement(child)) stack.push(child);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    let sumAll = 0;
    let sumContent = 0;
    for (const child of node.children) {
      if (child.type === 'text') {
        const n = countHan(child.data);
        sumAll += n;
        sumContent += n;
      } else if (isElement(child)) {
        const n = all.get(child);
        if (n === undefined || n === 0) continue;
        sumAll += n;
        if (!isChrome(child)) sumContent += content.get(child) ?? 0;
      }
    }
    all.set(node, sumAll);
    content.set(node, sumContent);
  }
  return { all, content };
}

/** Whether the subtree holds an <img> or a link to an attachment file (iterative). */
export function hasMedia(root: DomElement): boolean {
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    if (node.name === 'img') return true;
    if (node.name === 'a' && ATTACHMENT_HREF.test(node.attribs?.['href'] ?? '')) return true;
    for (const child of node.children) stack.push(child);
  }
  return false;
}

export interface ArticleChoice {
  root: DomElement;
  /** The selector that matched, 'densest-text' for the fallback, or 'body'. */
  via: string;
}

/** Elements matching each selector, found in one iterative walk (css-select walks once per selector). */
function matchSelectors(root: DomElement, selectors: readonly ArticleSelector[]): DomElement[][] {
  const found: DomElement[][] = selectors.map(() => []);
  const byClass = new Map<string, number>();
  const byId = new Map<string, number>();
  const byTag = new Map<string, number>();
  selectors.forEach(({ selector }, i) => {
    if (selector.startsWith('.')) byClass.set(selector.slice(1), i);
    else if (selector.startsWith('#')) byId.set(selector.slice(1), i);
    else byTag.set(selector, i);
  });
  const stack: DomNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node) || isSkipped(node)) continue;
    const hits = new Set<number>();
    const tag = byTag.get(node.name);
    if (tag !== undefined) hits.add(tag);
    const id = node.attribs?.['id'];
    const idHit = id === undefined ? undefined : byId.get(id);
    if (idHit !== undefined) hits.add(idHit);
    const classes = node.attribs?.['class'];
    if (classes) for (const c of classes.split(/\s+/)) {
      const hit = byClass.get(c);
      if (hit !== undefined) hits.add(hit);
    }
    for (const i of hits) found[i]!.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return found;
}

function isWithin(el: DomElement, ancestor: DomElement): boolean {
  for (let node: DomElement | null = el; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/**
 * The element holding the report: a specific CMS container with a fair share of the text (or, on a
 * page of pictures or attachment links, with those); else the densest text block, narrowed to a
 * generic container (".content", "article" …) inside it that still holds most of the text; else `body`.
 */
export function findArticle(body: DomElement): ArticleChoice {
  const counts = hanCounts(body);
  const matched = matchSelectors(body, ARTICLE_SELECTORS);
  const best = (i: number): [DomElement | undefined, number] => {
    let el: DomElement | undefined;
    let han = -1;
    for (const candidate of matched[i]!) {
      const n = counts.all.get(candidate) ?? 0;
      if (n > han) [el, han] = [candidate, n];
    }
    return [el, han];
  };
  const total = counts.content.get(body) ?? 0;
  const specific = ARTICLE_SELECTORS.flatMap(({ selector, generic }, i) => {
    const [el, han] = best(i);
    return !generic && el ? [{ el, han, selector }] : [];
  });
  // A CMS container holding a fair share of the page's text is the article; a small one (an abstract
  // box that reuses the editor's class) is not, unless the page has nothing but pictures or links.
  const holding = specific.find(({ han }) => han > 0 && han >= total * SPECIFIC_MIN_SHARE);
  if (holding) return { root: holding.el, via: holding.selector };
  const media = specific.find(({ el, han }) => han < MIN_ARTICLE_HAN && hasMedia(el));
  if (media) return { root: media.el, via: media.selector };
  if (total < MIN_ARTICLE_HAN) {
    const any = specific.find(({ han }) => han > 0);
    return any ? { root: any.el, via: any.selector } : { root: body, via: 'body' };
  }
  const dense = densest(body, counts.content, total * DENSEST_SHARE);
  // Generic names only narrow the densest block: a ".content" elsewhere is some other box.
  for (const [i, { selector, generic }] of ARTICLE_SELECTORS.entries()) {
    if (!generic) continue;
    const inside = matched[i]!.filter((el) => el !== dense && isWithin(el, dense) && (counts.content.get(el) ?? 0) >= total * DENSEST_SHARE);
    // Those form one chain of nested elements: take the innermost.
    const innermost = inside.sort((a, b) => (counts.content.get(a) ?? 0) - (counts.content.get(b) ?? 0))[0];
    if (innermost) return { root: innermost, via: selector };
  }
  return { root: dense, via: 'densest-text' };
}

/** Elements the densest-block walk may descend into: containers, and the layout tables of older sites. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'center', 'form', 'table', 'tbody', 'thead', 'tr', 'td', 'body', 'html']);
const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tr']);

/**
 * Walk down from body while one container child still holds at least `need` Han characters; never
 * stop inside a table's structure (a layout <td> is a container, a <tr> is not).
 */
function densest(body: DomElement, counts: Map<DomElement, number>, need: number): DomElement {
  let current = body;
  for (;;) {
    const next = current.children.find(
      (c): c is DomElement => isElement(c) && CONTAINERS.has(c.name) && !isChrome(c) && (counts.get(c) ?? 0) >= need,
    );
    if (!next) break;
    current = next;
  }
  while (TABLE_PARTS.has(current.name) && current.parent) current = current.parent;
  return current;
}
