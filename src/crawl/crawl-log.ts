// DIR/crawl.jsonl: one line per URL per run, appended as each URL is done, so the log of a stopped or
// crashed run is complete up to that point. The summary counts come from the same lines.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export type LogStatus = 'ok' | 'not-modified' | 'blocked' | 'error' | 'skipped';

export interface LogLine {
  url: string;
  status: LogStatus;
  /** HTTP status of the last response, null when no response came (robots, off-host, network error). */
  http: number | null;
  /** Stable code and sentence ("http.too-large: response passed …"), or what was done ("report written"). */
  reason: string;
  /** ISO time the URL was done. */
  at: string;
  /** ISO start time of the run, the same on every line of one run. */
  run: string;
  /** robots | list | report | attachment */
  kind: string;
  site: string;
  sha256?: string;
  /** Report file written, relative to DIR/reports. */
  report?: string;
}

export interface RunCounts {
  /** Bodies downloaded (HTTP 2xx), whatever became of them. */
  fetched: number;
  notModified: number;
  blocked: number;
  errors: number;
  skipped: number;
  reportsWritten: number;
}

export class CrawlLog {
  private writing: Promise<void> = Promise.resolve();
  readonly counts: RunCounts = { fetched: 0, notModified: 0, blocked: 0, errors: 0, skipped: 0, reportsWritten: 0 };

  constructor(
    private readonly path: string,
    private readonly run: string,
  ) {}

  /** Append one line (writes are serialised, lines never interleave). */
  write(entry: Omit<LogLine, 'run'>, downloaded: boolean): Promise<void> {
    const line: LogLine = { ...entry, run: this.run };
    if (downloaded) this.counts.fetched++;
    if (line.status === 'not-modified') this.counts.notModified++;
    if (line.status === 'blocked') this.counts.blocked++;
    if (line.status === 'error') this.counts.errors++;
    if (line.status === 'skipped') this.counts.skipped++;
    if (line.report) this.counts.reportsWritten++;
    this.writing = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true });
      await appendFile(this.path, `${JSON.stringify(line)}\n`);
    });
    return this.writing;
  }

  flush(): Promise<void> {
    return this.writing;
  }
}

export function formatSummary(counts: RunCounts, seconds: number, stopped: boolean): string {
  return `crawl ${stopped ? 'stopped' : 'done'}: fetched ${counts.fetched}, not-modified ${counts.notModified}, blocked ${counts.blocked}, `
    + `errors ${counts.errors}, skipped ${counts.skipped}, reports written ${counts.reportsWritten} in ${seconds.toFixed(1)} s`;
}
