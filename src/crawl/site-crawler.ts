// One site: walk its list pages (with their pagination), then every report link found on them, and every
// attachment of the report pages. Each URL is fetched at most once per run, conditionally when state.json
// knows it, archived, extracted when new or changed, logged, and state.json is saved right after.
import { detectFormat } from '../sources/detect.js';
import { isAllowedHost, type Site } from './config.js';
import type { CrawlLog, LogLine, LogStatus } from './crawl-log.js';
import { looksLikeList, readPageLinks, type Link, type PageLinks } from './discover.js';
import type { Converter } from './converter.js';
import { extractDocument } from './extract-step.js';
import type { Fetcher, FetchOutcome, Permit } from './fetch.js';
import { StoppedError, type HostScheduler } from './politeness.js';
import type { RobotsCache } from './robots.js';
import { archiveExtension, UNREADABLE_EXTENSIONS, type StateStore, type UrlVersion } from './state.js';

export interface CrawlContext {
  outDir: string;
  state: StateStore;
  log: CrawlLog;
  fetcher: Fetcher;
  robots: RobotsCache;
  scheduler: HostScheduler;
  /** URLs already taken by some site in this run: each is fetched once. */
  claimed: Set<string>;
  convert: Converter;
  stop: AbortSignal;
}

/** A body in hand: downloaded now, or read back from the archive after a 304. */
interface Body {
  bytes: Uint8Array;
  finalUrl: string;
  http: number;
  downloaded: boolean;
  version: UrlVersion;
  /** The version was just added (new URL or new sha256), or its last extraction crashed: extract it. */
  needsExtraction: boolean;
}

type Kind = 'list' | 'report' | 'attachment';

export class SiteCrawler {
  private readonly listSeen = new Set<string>();
  /** Every visit started for this site; awaited until none is left (visits add more as they find links). */
  private readonly tasks: Promise<unknown>[] = [];
  private pagesRead = 0;

  constructor(
    private readonly ctx: CrawlContext,
    private readonly site: Site,
  ) {}

  async crawl(): Promise<void> {
    // All start URLs are lists, even when one links another with an annual-report title.
    for (const url of this.site.start) this.listSeen.add(url);
    for (const url of this.site.start) this.startList(url);
    for (let i = 0; i < this.tasks.length; i++) await this.tasks[i];
  }

  /** Visit a list page found by pagination; requests still go one at a time per host (HostScheduler). */
  private enqueueList(url: string): void {
    if (this.listSeen.has(url) || !isAllowedHost(new URL(url), this.site.allow)) return;
    this.listSeen.add(url);
    this.startList(url);
  }

  private startList(url: string): void {
    if (this.ctx.stop.aborted) return;
    if (!this.takeListBudget()) {
      this.tasks.push(this.logLine({ url, status: 'skipped', http: null, reason: `crawl.max-pages: more than ${this.site.maxPages} list pages (raise maxPages)`, kind: 'list' }, false));
      return;
    }
    this.tasks.push(this.visitList(url));
  }

  /** maxPages bounds the list pages read per site per run (a guard against endless calendars). */
  private takeListBudget(): boolean {
    if (this.pagesRead >= this.site.maxPages) return false;
    this.pagesRead++;
    return true;
  }

  /** Queue the pagination and the report links of a list page. */
  private followList(links: PageLinks): void {
    if (links.redirectTo) this.enqueueList(links.redirectTo);
    for (const page of links.pages) this.enqueueList(page);
    for (const link of links.reports) {
      if (!this.isListPage(link.url)) this.tasks.push(this.visitDocument(link, 'report'));
    }
  }

  /** A list page we know, also under its folder URL: the column's own nav link "政府信息公开年报" → "./". */
  private isListPage(url: string): boolean {
    if (this.listSeen.has(url)) return true;
    return url.endsWith('/') && ['index.html', 'index.htm', 'index.shtml'].some((name) => this.listSeen.has(url + name));
  }

  private async visitList(url: string): Promise<void> {
    await this.guard(url, 'list', async () => {
      const body = await this.fetchBody(url, 'list');
      if (!body) return;
      if (detectFormat(body.bytes) !== 'html') {
        await this.finish(url, 'list', body, 'error', 'crawl.not-a-list: a start or list URL did not return an HTML page');
        return;
      }
      const links = readPageLinks(body.bytes, body.finalUrl, this.site.include);
      body.version.outcome = 'list';
      const moved = links.redirectTo ? `; redirects to ${links.redirectTo}` : '';
      await this.finish(url, 'list', body, body.downloaded ? 'ok' : 'not-modified', `list page: ${links.reports.length} report links, ${links.pages.length} other pages${moved}`);
      this.followList(links);
    });
  }

  private async visitDocument(link: Link, kind: 'report' | 'attachment'): Promise<void> {
    const { url } = link;
    if (this.ctx.claimed.has(url)) return;
    this.ctx.claimed.add(url);
    await this.guard(url, kind, async () => {
      const body = await this.fetchBody(url, kind);
      if (!body) return;
      const page = detectFormat(body.bytes) === 'html' ? readPageLinks(body.bytes, body.finalUrl, this.site.include) : undefined;
      // Attachments of a report page are documents of their own (the PDF is often the report itself).
      if (page && kind === 'report') {
        for (const attachment of page.attachments) this.tasks.push(this.visitDocument(attachment, 'attachment'));
      }
      let status: LogStatus = body.downloaded ? 'ok' : 'not-modified';
      let reason = describeUnchanged(body.version);
      let written = false;
      const unreadable = UNREADABLE_EXTENSIONS[body.version.ext];
      if (body.needsExtraction && unreadable) {
        // Sniffed before conversion: an Excel 97 file is OLE2 like a .doc, and would fail as a damaged .doc.
        body.version.outcome = 'unsupported';
        status = 'skipped';
        reason = `input.unsupported-format: ${unreadable} cannot be read yet; archived as raw/${body.version.sha256}.${body.version.ext}`;
      } else if (body.needsExtraction) {
        const previousReport = [...(this.ctx.state.get(url)?.versions ?? [])].reverse().find((v) => v !== body.version && v.report !== null)?.report ?? undefined;
        const result = await extractDocument({
          bytes: body.bytes, url, finalUrl: body.finalUrl, linkTitle: link.title, include: this.site.include,
          outDir: this.ctx.outDir, convert: this.ctx.convert, ...(page ? { page } : {}), ...(previousReport ? { previousReport } : {}),
        }, body.version.sha256);
        body.version.outcome = result.outcome;
        body.version.report = result.report;
        status = result.status;
        reason = result.reason;
        written = result.written;
      }
      // A report link to a stub page that redirects by script or meta refresh: the target is the document.
      if (page?.redirectTo && kind === 'report' && body.version.outcome === 'not-report') {
        this.tasks.push(this.visitDocument({ url: page.redirectTo, title: link.title }, 'report'));
        reason += `; its redirect to ${page.redirectTo} is followed`;
      }
      // A report link that leads to a list (a sub-column: "区直部门年报", "2023年度年报") is walked as a list.
      if (page && kind === 'report' && body.version.outcome === 'not-report' && looksLikeList(page)) {
        if (this.takeListBudget()) {
          this.listSeen.add(url);
          this.followList(page);
          reason += '; walked as a list';
        } else {
          reason += `; not walked as a list: crawl.max-pages (${this.site.maxPages}) reached`;
        }
      }
      await this.finish(url, kind, body, status, reason, written ? (body.version.report ?? undefined) : undefined);
    });
  }

  /** Fetch (conditionally when the archive still has the last body); log and return undefined on failure. */
  private async fetchBody(url: string, kind: Kind): Promise<Body | undefined> {
    const { state } = this.ctx;
    const known = state.get(url);
    const latest = known?.versions.at(-1);
    const archived = latest ? await state.readArchived(latest) : undefined;
    const validators = known && archived ? { etag: known.etag, lastModified: known.lastModified } : {};
    const outcome = await this.ctx.fetcher.fetch(url, this.permit, validators);
    const now = new Date().toISOString();
    if (outcome.kind === 'not-modified' && known && latest && archived) {
      known.fetchedAt = now;
      // A 304 for a body whose extraction crashed last time: extract it again from the archive.
      return { bytes: archived, finalUrl: outcome.url, http: 304, downloaded: false, version: latest, needsExtraction: latest.outcome === 'error' };
    }
    if (outcome.kind !== 'ok') {
      await this.logFailure(url, kind, outcome);
      return undefined;
    }
    const ext = archiveExtension(outcome.bytes, outcome.url);
    const sha256 = await state.archive(outcome.bytes, ext);
    const base = { etag: outcome.etag, lastModified: outcome.lastModified, sha256, fetchedAt: now };
    if (known && latest && latest.sha256 === sha256) {
      state.set(url, { ...base, versions: known.versions });
      return { bytes: outcome.bytes, finalUrl: outcome.url, http: outcome.http, downloaded: true, version: latest, needsExtraction: latest.outcome === 'error' };
    }
    // New URL or changed body: a new version ('error' until processed, so a crash mid-way retries it).
    const version: UrlVersion = { sha256, ext, fetchedAt: now, outcome: 'error', report: null };
    state.set(url, { ...base, versions: [...(known?.versions ?? []), version] });
    return { bytes: outcome.bytes, finalUrl: outcome.url, http: outcome.http, downloaded: true, version, needsExtraction: true };
  }

  /** Off the allowed hosts, or disallowed by robots.txt: never requested. Checked for every redirect hop too. */
  private readonly permit: Permit = async (url) => {
    if (!isAllowedHost(url, this.site.allow)) {
      return { code: 'crawl.off-host', reason: `${url.host} is not in the allowed hosts of site "${this.site.name}" (${this.site.allow.join(', ')})` };
    }
    this.ctx.scheduler.raiseDelay(url.host, this.site.delayMs);
    if (url.pathname === '/robots.txt') return undefined;
    const rules = await this.ctx.robots.rulesFor(url, this.hostPermit);
    if (rules.kind === 'parsed' && rules.crawlDelayMs !== undefined) this.ctx.scheduler.raiseDelay(url.host, rules.crawlDelayMs);
    const allowed = rules.kind === 'allow-all' || (rules.kind === 'parsed' && rules.isAllowed(url.href));
    return allowed ? undefined : { code: 'robots.disallowed', reason: `robots.txt of ${url.host} disallows ${url.pathname}${rules.kind === 'disallow-all' ? ' (robots.txt answered 5xx)' : ''}` };
  };

  /** For robots.txt itself: the host check only. */
  private readonly hostPermit: Permit = async (url) => isAllowedHost(url, this.site.allow)
    ? undefined
    : { code: 'crawl.off-host', reason: `${url.host} is not in the allowed hosts of site "${this.site.name}"` };

  private async logFailure(url: string, kind: Kind, outcome: Exclude<FetchOutcome, { kind: 'ok' }>): Promise<void> {
    if (outcome.kind === 'not-modified') {
      // Validators are sent only when the archive has the body, so this is a 304 to a plain request.
      await this.logLine({ url, status: 'error', http: 304, reason: 'http.unexpected-304: 304 Not Modified to a request without If-None-Match/If-Modified-Since', kind }, false);
      return;
    }
    const reason = outcome.kind === 'blocked' ? `anti-bot.${outcome.reason}` : `${outcome.code}: ${outcome.reason}`;
    await this.logLine({ url, status: outcome.kind, http: outcome.http, reason, kind }, false);
  }

  private async finish(url: string, kind: Kind, body: Body, status: LogStatus, reason: string, report?: string): Promise<void> {
    await this.logLine({ url, status, http: body.http, reason, kind, sha256: body.version.sha256, ...(report ? { report } : {}) }, body.downloaded);
    await this.ctx.state.save(); // after each document: stopping at any time loses nothing
  }

  private logLine(line: Omit<LogLine, 'at' | 'site' | 'run'>, downloaded: boolean): Promise<void> {
    return this.ctx.log.write({ ...line, at: new Date().toISOString(), site: this.site.name }, downloaded);
  }

  /** Run the work for one URL; a stop ends it quietly, anything else unexpected is logged as an error. */
  private async guard<T>(url: string, kind: Kind, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof StoppedError) return undefined;
      await this.logLine({ url, status: 'error', http: null, reason: `crawl.internal: ${(err as Error).message}`, kind }, false);
      return undefined;
    }
  }
}

function describeUnchanged(version: UrlVersion): string {
  const what = version.report ? `report ${version.report}` : version.outcome;
  return `unchanged since ${version.fetchedAt} (${what})`;
}
