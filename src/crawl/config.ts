// sites.json: what to crawl and how politely. Validated with zod so that a typo in a key or a bad URL is
// reported with its exact path ("sites[0].start[1]: …") before any request is made.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DEFAULT_LIMITS } from '../limits.js';

/** Titles of annual reports: 政府信息公开工作年度报告, 信息公开年报, 2023年度报告 … */
export const DEFAULT_INCLUDE = '年度报告|年报';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const regexSource = z.string().min(1).refine((source) => {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}, { error: 'must be a valid regular expression' });

/** A host name, "host:port", or "*.example.gov.cn" for every subdomain of example.gov.cn. */
const hostPattern = z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i, { error: 'must be a host name like www.example.gov.cn or *.example.gov.cn' });

const SiteSchema = z.strictObject({
  name: z.string().min(1),
  start: z.array(httpUrl).min(1),
  allow: z.array(hostPattern).min(1).optional(),
  include: regexSource.optional(),
  maxPages: z.int().min(1).optional(),
  delayMs: z.int().min(0).optional(),
});

export const CrawlConfigSchema = z.strictObject({
  /** Sent on every request and matched against robots.txt groups; put a contact in it. */
  userAgent: z.string().min(1),
  /** Pause between two requests to the same host (from the end of one to the start of the next). */
  delayMs: z.int().min(0).default(2000),
  /** Per request (all of it, body included). */
  timeoutMs: z.int().min(1).default(30_000),
  /** A response larger than this is abandoned mid-stream (error http.too-large). Same default as maxFileBytes. */
  maxResponseBytes: z.int().min(1).default(DEFAULT_LIMITS.maxFileBytes),
  /** Extra attempts after a timeout, a network error or a 5xx (not after a 4xx). */
  retries: z.int().min(0).max(10).default(3),
  /** First retry waits this long, then twice as long each time (exponential backoff). */
  retryDelayMs: z.int().min(0).default(1000),
  /** Requests in flight at once to one host. */
  concurrencyPerHost: z.int().min(1).max(16).default(1),
  /** List pages read per site at most (pagination included); a guard against endless calendars. */
  maxPages: z.int().min(1).default(50),
  sites: z.array(SiteSchema).min(1),
});

export type CrawlConfig = z.infer<typeof CrawlConfigSchema>;
export type SiteConfig = z.infer<typeof SiteSchema>;

/** One site with every default filled in, as the crawler uses it. */
export interface Site {
  name: string;
  start: string[];
  /** Host patterns as in the config (default: the hosts of the start URLs). */
  allow: string[];
  include: RegExp;
  maxPages: number;
  delayMs: number;
}

export function resolveSite(site: SiteConfig, config: CrawlConfig): Site {
  return {
    name: site.name,
    start: site.start,
    allow: site.allow ?? [...new Set(site.start.map((u) => new URL(u).host))],
    include: new RegExp(site.include ?? DEFAULT_INCLUDE, 'u'),
    maxPages: site.maxPages ?? config.maxPages,
    delayMs: site.delayMs ?? config.delayMs,
  };
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** "sites[0].start[1]" from a zod issue path. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || '(top level)';
}

export function parseCrawlConfig(value: unknown): CrawlConfig {
  const result = CrawlConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  throw new ConfigError(lines.join('\n'));
}

export async function loadCrawlConfig(path: string): Promise<CrawlConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new ConfigError(`cannot read ${path}: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  return parseCrawlConfig(value);
}

/** Does a URL's host match one of the site's host patterns? */
export function isAllowedHost(url: URL, allow: readonly string[]): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.host.toLowerCase();
  const hostname = url.hostname.toLowerCase();
  return allow.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) {
      const suffix = p.slice(1); // ".example.gov.cn"
      return hostname.endsWith(suffix) || host.endsWith(suffix);
    }
    return p === host || p === hostname;
  });
}
