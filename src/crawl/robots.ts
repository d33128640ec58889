// robots.txt, fetched once per origin per run and obeyed for our user agent. What a failed fetch means
// follows Google's documented handling (developers.google.com/search/docs/crawling-indexing/robots/robots_txt
// "Handling of errors and HTTP status codes"): unreachable → crawl as if there were no robots.txt;
// 4xx → no robots.txt, allow all; 5xx (and 429) → the site is in trouble, disallow everything for this run.
import { createRequire } from 'node:module';
import type { FetchOutcome, Fetcher, Permit } from './fetch.js';

// robots-parser is CommonJS (module.exports = fn) but its types declare `export default`, which nodenext
// types as `.default`; require() gives the function under the type it really has.
const robotsParser = createRequire(import.meta.url)('robots-parser') as typeof import('robots-parser').default;

/** robots.txt files larger than this are cut, as Google reads only the first 500 KiB. */
export const MAX_ROBOTS_BYTES = 500 * 1024;

export type RobotsRules =
  | { kind: 'parsed'; isAllowed(url: string): boolean; crawlDelayMs: number | undefined }
  | { kind: 'allow-all' }
  | { kind: 'disallow-all' };

export interface RobotsFetchRecord {
  url: string;
  outcome: FetchOutcome;
  /** What the outcome means for the crawl, for the log. */
  verdict: string;
}

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly userAgent: string,
    /** Called once per robots.txt fetched, so that the crawl log has a line for it. */
    private readonly onFetched: (record: RobotsFetchRecord) => void | Promise<void>,
  ) {}

  /** The rules of the origin of `url`, fetching its robots.txt the first time the origin is seen. */
  rulesFor(url: URL, hostPermit: Permit): Promise<RobotsRules> {
    let rules = this.byOrigin.get(url.origin);
    if (!rules) {
      rules = this.load(url.origin, hostPermit);
      this.byOrigin.set(url.origin, rules);
    }
    return rules;
  }

  async isAllowed(url: URL, hostPermit: Permit): Promise<boolean> {
    const rules = await this.rulesFor(url, hostPermit);
    if (rules.kind === 'allow-all') return true;
    if (rules.kind === 'disallow-all') return false;
    return rules.isAllowed(url.href);
  }

  private async load(origin: string, hostPermit: Permit): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    // robots.txt may redirect (http → https, www → bare host) but only within the allowed hosts.
    const outcome = await this.fetcher.fetch(robotsUrl, hostPermit);
    const rules = interpret(robotsUrl, outcome, this.userAgent);
    await this.onFetched({ url: robotsUrl, outcome, verdict: describeRules(rules) });
    return rules;
  }
}

/**
 * The product token robots.txt groups are matched against: "gongkai" from "gongkai/0.1 (+ops@…)" or
 * "gongkai (+contact)" (RFC 9309 §2.2.1; robots-parser itself cuts only at "/").
 */
export function productToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s(]/)[0] || userAgent;
}

export function interpret(robotsUrl: string, outcome: FetchOutcome, fullUserAgent: string): RobotsRules {
  const userAgent = productToken(fullUserAgent);
  switch (outcome.kind) {
    case 'ok': {
      const text = Buffer.from(outcome.bytes.subarray(0, MAX_ROBOTS_BYTES)).toString('utf8');
      const robots = robotsParser(robotsUrl, text);
      const delaySeconds = robots.getCrawlDelay(userAgent);
      return {
        kind: 'parsed',
        // undefined means "another origin": cannot happen, since rules are looked up by origin.
        isAllowed: (url: string) => robots.isAllowed(url, userAgent) !== false,
        crawlDelayMs: typeof delaySeconds === 'number' && delaySeconds > 0 ? delaySeconds * 1000 : undefined,
      };
    }
    case 'error':
      if (outcome.http !== null && (outcome.http >= 500 || outcome.http === 429)) return { kind: 'disallow-all' };
      return { kind: 'allow-all' }; // 4xx, timeout, network error, redirect trouble: unreachable
    case 'blocked': // a bot wall in front of robots.txt: the pages behind it will be blocked too
    case 'not-modified':
    case 'skipped':
      return { kind: 'allow-all' };
  }
}

function describeRules(rules: RobotsRules): string {
  if (rules.kind === 'allow-all') return 'robots.txt unavailable: everything allowed';
  if (rules.kind === 'disallow-all') return 'robots.txt answered 5xx: the whole host is disallowed for this run';
  return rules.crawlDelayMs ? `robots.txt read; Crawl-delay ${rules.crawlDelayMs} ms` : 'robots.txt read';
}
