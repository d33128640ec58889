// One crawl run over every site of the config: set up the shared politeness (per-host queues, robots.txt
// cache, the run's claimed URLs), crawl the sites side by side, and summarise.
import { join } from 'node:path';
import { resolveSite, type CrawlConfig } from './config.js';
import { inProcessConverter, type Converter } from './converter.js';
import { CrawlLog, formatSummary, type RunCounts } from './crawl-log.js';
import { Fetcher } from './fetch.js';
import { HostScheduler } from './politeness.js';
import { RobotsCache } from './robots.js';
import { SiteCrawler, type CrawlContext } from './site-crawler.js';
import { StateStore } from './state.js';

export interface RunOptions {
  config: CrawlConfig;
  outDir: string;
  /** Aborted by SIGINT/SIGTERM: no new request starts; the run ends after the ones in flight. */
  stop: AbortSignal;
  /** How documents are converted; default: in this thread, with default limits. */
  convert?: Converter;
  /** Where the summary line goes (stderr in the CLI). */
  report?: (line: string) => void;
}

export interface RunSummary extends RunCounts {
  seconds: number;
  stopped: boolean;
}

/** One run. The caller holds DIR/crawl.lock (acquireLock) so that no other crawl writes the same folder. */
export async function crawlOnce(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const { config, outDir, stop } = options;
  const state = await StateStore.open(outDir);
  const log = new CrawlLog(join(outDir, 'crawl.jsonl'), new Date().toISOString());
  // Hosts start with no delay; each site raises its hosts to its own delayMs (and robots.txt to its Crawl-delay).
  const scheduler = new HostScheduler(config.concurrencyPerHost, 0, stop);
  const fetcher = new Fetcher(config, scheduler, stop);
  const robots = new RobotsCache(fetcher, config.userAgent, async ({ url, outcome, verdict }) => {
    // A missing robots.txt (4xx) is normal, not an error of the run.
    const absent = outcome.kind === 'error' && outcome.http !== null && outcome.http >= 400 && outcome.http < 500 && outcome.http !== 429;
    const status = absent ? 'ok' : outcome.kind;
    const detail = outcome.kind === 'error' || outcome.kind === 'skipped' ? `${outcome.code}: ${outcome.reason}; ` : '';
    await log.write({ url, status, http: outcome.http, reason: `${detail}${verdict}`, at: new Date().toISOString(), kind: 'robots', site: '' }, outcome.kind === 'ok');
  });
  const ctx: CrawlContext = { outDir, state, log, fetcher, robots, scheduler, claimed: new Set(), stop, convert: options.convert ?? inProcessConverter() };
  await Promise.all(config.sites.map((site) => new SiteCrawler(ctx, resolveSite(site, config)).crawl()));
  await log.flush();
  await state.save();
  const summary: RunSummary = { ...log.counts, seconds: (performance.now() - started) / 1000, stopped: stop.aborted };
  options.report?.(formatSummary(summary, summary.seconds, summary.stopped));
  return summary;
}
