// What a fetched page links to: report links (by title), pagination of a list column, and document
// attachments. Agency sites run a handful of CMSs (拓尔思 TRS WCM, 大汉 JCMS, …); pagination shows up as
// 下一页/尾页 links, an `index_1.html` … series, or TRS's script `createPageHTML(countPage, currentPage, "index", "html")`.
// cheerio/slim parses with htmlparser2: links come out the same, five times faster than parse5 on a
// 360 KB CMS page (real/pingtan-2021.html: 42 ms against 203 ms), which matters when re-crawls re-read
// every report page for its attachments.
import * as cheerio from 'cheerio/slim';
import { decodeText } from '../sources/decode.js';

/** File extensions of downloadable documents (attachments) on agency sites. */
export const ATTACHMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'wps', 'xls', 'xlsx', 'zip'] as const;

/** Link texts of pagination controls. */
const PAGINATION_TEXT = /^(下一页|下页|后一页|尾页|末页|最后一页|next|next page|last|»|>>|›)$/i;

/** A page number series: index_1.html, list_12.shtml, … */
const PAGE_SERIES = /^(.*)_(\d+)\.(s?html?|jhtml|jsp)$/i;

const ATTACHMENT_RE = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');

export interface Link {
  url: string;
  /** Link text, or its title attribute when the text is cut ("平潭综合实验区2021年度政府信息…"). */
  title: string;
}

export interface PageLinks {
  /** The page's <title>. */
  title: string;
  /** Links whose text or title attribute matches the site's include pattern. */
  reports: Link[];
  /** Further pages of the same list. */
  pages: string[];
  /** Links (and embedded frames) to documents by extension: .pdf, .doc, … */
  attachments: Link[];
  /** The page paginates (下一页, countPage script): it is a list, whatever its title says. */
  paginated: boolean;
  /** Where a stub page sends the browser (<meta http-equiv="refresh">, or a bare location.href script). */
  redirectTo?: string;
}

/** Read the links of an HTML page; `bytes` may be UTF-8 or GBK, with or without a meta charset. */
export function readPageLinks(bytes: Uint8Array, pageUrl: string, include: RegExp): PageLinks {
  // The same decoding as the HTML parser (meta charset, else UTF-8 when valid, else GB18030), so a GBK page
  // without a meta tag reads right too (cheerio.loadBuffer would fall back to windows-1252).
  const $ = cheerio.load(decodeText(bytes, { html: true }).text);
  const base = baseUrl($, pageUrl);
  const reports = new Map<string, Link>();
  const attachments = new Map<string, Link>();
  const pages = new Set<string>();
  let paginated = false;

  const readAnchors = ($doc: cheerio.CheerioAPI) => $doc('a[href]').each((_i, el) => {
    const a = $doc(el);
    const url = resolve(a.attr('href') ?? '', base);
    if (!url || url === pageUrl) return;
    const text = squeeze(a.text());
    const titleAttr = squeeze(a.attr('title') ?? '');
    // The title attribute holds the full name when the visible text is cut with "…".
    const title = titleAttr.length > text.length ? titleAttr : text;
    if (isAttachment(url, `${text} ${titleAttr}`)) attachments.set(url, { url, title });
    if (include.test(text) || include.test(titleAttr)) {
      if (!reports.has(url)) reports.set(url, { url, title });
    } else if (PAGINATION_TEXT.test(text) || PAGINATION_TEXT.test(titleAttr)) {
      pages.add(url);
      paginated = true;
    } else if (isSeriesPageOf(url, pageUrl)) {
      pages.add(url);
    }
  });
  readAnchors($);
  // 大汉 JCMS lists: the items sit in <script type="text/xml"><datastore><record><![CDATA[<li><a …>]]></record>,
  // written into the page by script; read them as the HTML they are.
  const scriptText = $('script').text();
  for (const record of scriptText.matchAll(/<record>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/record>/g)) readAnchors(cheerio.load(record[1]!));

  // PDFs shown inline rather than linked.
  $('iframe[src], embed[src], object[data]').each((_i, el) => {
    const url = resolve($(el).attr('src') ?? $(el).attr('data') ?? '', base);
    if (url && isAttachment(url, '')) attachments.set(url, { url, title: '' });
  });

  const scripted = trsPages(scriptText, pageUrl);
  if (scripted.length > 0) paginated = true;
  for (const url of scripted) if (url !== pageUrl) pages.add(url);

  const links: PageLinks = { title: squeeze($('title').first().text()), reports: [...reports.values()], pages: [...pages], attachments: [...attachments.values()], paginated };
  const redirectTo = stubRedirect($, scriptText, base);
  if (redirectTo && redirectTo !== pageUrl && links.reports.length === 0 && links.pages.length === 0) links.redirectTo = redirectTo;
  return links;
}

/**
 * A column moved: index.html holds only <meta http-equiv="refresh" content="0;url=index.shtml"> or
 * <script>location.href="…"</script>. Followed like an HTTP redirect (the host check applies).
 */
function stubRedirect($: cheerio.CheerioAPI, scriptText: string, base: string): string | undefined {
  const refresh = $('meta[http-equiv]').filter((_i, el) => /^refresh$/i.test($(el).attr('http-equiv') ?? '')).attr('content');
  const fromMeta = refresh ? /url\s*=\s*['"]?([^'";\s]+)/i.exec(refresh)?.[1] : undefined;
  const fromScript = /(?:window\.|document\.)?location(?:\.href)?\s*=\s*['"]([^'"]+)['"]/.exec(scriptText)?.[1]
    ?? /location\.replace\(\s*['"]([^'"]+)['"]\s*\)/.exec(scriptText)?.[1];
  const target = fromMeta ?? fromScript;
  return target ? resolve(target, base) : undefined;
}

/** The pages a TRS `createPageHTML(…)` / `var countPage = N` script writes links to: index.html, index_1.html … */
export function trsPages(script: string, pageUrl: string): string[] {
  const vars = new Map<string, number>();
  for (const m of script.matchAll(/\bvar\s+(\w+)\s*=\s*(\d+)\s*[;\n]/g)) vars.set(m[1]!, Number(m[2]));
  const call = /createPageHTML\s*\(([^)]*)\)/.exec(script);
  let count: number | undefined;
  let name: string | undefined;
  let ext: string | undefined;
  if (call) {
    const args = call[1]!.split(',').map((s) => s.trim());
    // Versions differ: (countPage, currentPage, "index", "html") and ('page_div', 5, 1, 'index', 'htm', 100).
    const numbers = args.map((a) => (/^\d+$/.test(a) ? Number(a) : vars.get(a))).filter((n): n is number => n !== undefined);
    const strings = args.map((a) => /^["']([^"']*)["']$/.exec(a)?.[1]).filter((s): s is string => s !== undefined);
    const extAt = strings.findIndex((s) => /^(s?html?|jhtml|jsp)$/i.test(s));
    count = numbers[0];
    if (extAt > 0) {
      name = strings[extAt - 1];
      ext = strings[extAt];
    }
  } else if (vars.has('countPage')) {
    count = vars.get('countPage');
  }
  if (count === undefined || count < 2) return [];
  if (!name || !ext) {
    // No names in the call: the series is named after this page (index.html or index_3.html).
    const file = new URL(pageUrl).pathname.split('/').pop() ?? '';
    const m = /^(.*?)(?:_\d+)?\.([a-z]+)$/i.exec(file);
    name = m?.[1] || 'index';
    ext = m?.[2] || 'html';
  }
  const urls: string[] = [];
  for (let i = 0; i < count; i++) urls.push(new URL(i === 0 ? `${name}.${ext}` : `${name}_${i}.${ext}`, pageUrl).href);
  return urls;
}

/** Is `url` another page of the series `pageUrl` belongs to (same folder, index.html ↔ index_N.html)? */
function isSeriesPageOf(url: string, pageUrl: string): boolean {
  const a = new URL(url);
  const b = new URL(pageUrl);
  if (a.host !== b.host || a.search !== b.search) return false;
  const dir = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
  if (dir(a.pathname) !== dir(b.pathname)) return false;
  const file = a.pathname.slice(a.pathname.lastIndexOf('/') + 1);
  const own = b.pathname.slice(b.pathname.lastIndexOf('/') + 1) || 'index.html';
  const series = PAGE_SERIES.exec(file);
  if (!series) return false;
  const ownStem = PAGE_SERIES.exec(own)?.[1] ?? own.replace(/\.[^.]*$/, '');
  return series[1] === ownStem;
}

function isAttachment(url: string, text: string): boolean {
  const path = decodeURIComponentSafe(new URL(url).pathname);
  return ATTACHMENT_RE.test(path) || ATTACHMENT_RE.test(text.trim());
}

function baseUrl($: cheerio.CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').attr('href');
  return href ? (resolve(href, pageUrl) ?? pageUrl) : pageUrl;
}

/** Absolute http(s) URL without its #fragment, or undefined for javascript:, mailto:, junk. */
function resolve(href: string, base: string): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function squeeze(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Report links on a list are many; a report page has at most a breadcrumb ("政府信息公开年报") and
 * 上一篇/下一篇 links to its neighbours. Links to its own attachments do not count.
 */
export const MIN_LIST_REPORT_LINKS = 4;

/** Does this page read as a list of reports (it paginates, or links several reports)? */
export function looksLikeList(page: PageLinks): boolean {
  const attachments = new Set(page.attachments.map((a) => a.url));
  return page.paginated || page.reports.filter((r) => !attachments.has(r.url)).length >= MIN_LIST_REPORT_LINKS;
}
