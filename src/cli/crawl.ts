// gongkai crawl --config sites.json --out DIR [--every 24h] [--once]
import { parseArgs } from 'node:util';
import { WorkerPool } from '../batch/pool.js';
import { ConfigError, loadCrawlConfig } from '../crawl/config.js';
import { inProcessConverter, poolConverter, type Converter } from '../crawl/converter.js';
import { acquireLock } from '../crawl/lock.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { crawlOnce } from '../crawl/run.js';
import { parseInterval, runEvery } from '../crawl/schedule.js';
import { StateError } from '../crawl/state.js';

const USAGE = `gongkai crawl — find, archive and extract the annual reports of agency sites

Usage:
  gongkai crawl --config sites.json --out DIR [--every 24h] [--once]

Options:
  --config FILE   sites to crawl and politeness settings (JSON; see README "Crawling")
  --out DIR       DIR/raw/ (every body, by sha256), DIR/reports/ (one JSON per report version),
                  DIR/state.json (for conditional requests next time), DIR/crawl.jsonl (one line per URL per run)
  --every N       crawl again every N (s, m, h or d: 30m, 24h, 7d), ±10% jitter, until stopped
  --once          crawl once and exit (the default; for cron)
Ctrl-C / SIGTERM stops cleanly between requests; state is saved after every document.`;

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        config: { type: 'string' },
        out: { type: 'string' },
        every: { type: 'string' },
        once: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    console.error(`gongkai crawl: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.config || !values.out) {
    console.error(`gongkai crawl: --config and --out are required\n\n${USAGE}`);
    return 2;
  }
  if (values.every !== undefined && values.once) {
    console.error('gongkai crawl: --every and --once exclude each other');
    return 2;
  }
  const intervalMs = values.every === undefined ? undefined : parseInterval(values.every);
  if (values.every !== undefined && intervalMs === undefined) {
    console.error(`gongkai crawl: --every ${values.every}: expected a number and a unit s, m, h or d (e.g. 24h)`);
    return 2;
  }

  let config;
  try {
    config = await loadCrawlConfig(values.config);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`gongkai crawl: invalid config ${values.config}:\n${err.message}`);
    return 2;
  }

  const outDir = values.out;
  let release: () => Promise<void>;
  try {
    // Held for the life of the process: an --every loop owns its folder between runs too.
    release = await acquireLock(outDir);
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    console.error(`gongkai crawl: ${err.message}`);
    return 1;
  }

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: leave now
    console.error(`gongkai crawl: ${signal}: stopping after the requests in flight (state is saved)…`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const { convert, close } = await openConverter();
  const once = () => crawlOnce({ config, outDir, stop: controller.signal, convert, report: (line) => console.error(line) });
  try {
    if (intervalMs === undefined) await once();
    else {
      await runEvery(intervalMs, controller.signal, once, (ms) => {
        console.error(`gongkai crawl: next run at ${new Date(Date.now() + ms).toISOString()}`);
      });
    }
  } catch (err) {
    if (!(err instanceof StateError)) throw err;
    console.error(`gongkai crawl: ${err.message}`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await close();
    await release();
  }
  return 0;
}

/**
 * Convert in one worker thread of the batch engine, so that a document over limits.timeoutMs or
 * maxWorkerMemoryMb fails alone instead of stalling an unattended crawl. One worker: the crawl waits on
 * the network (delayMs) far longer than on conversion. From the .ts sources (no compiled worker), in-process.
 */
async function openConverter(): Promise<{ convert: Converter; close: () => Promise<void> }> {
  try {
    const pool = new WorkerPool(1, DEFAULT_LIMITS);
    return { convert: poolConverter(pool), close: () => pool.close() };
  } catch {
    return { convert: inProcessConverter(), close: async () => undefined };
  }
}
