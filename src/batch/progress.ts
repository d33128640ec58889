// Progress on stderr: a redrawn bar on a terminal, a plain line every ~5 s otherwise (CI logs), and always the
// final one-line summary "ok 812, partial 40, failed 3 in 95 s".
import type { Status } from '../schema/report.js';

export interface Counts {
  ok: number;
  partial: number;
  failed: number;
  /** Inputs whose output from an earlier run was kept (resume); also counted in ok/partial. */
  resumed: number;
}

const TTY_REDRAW_MS = 200;
const PLAIN_EVERY_MS = 5_000;

export class Progress {
  readonly counts: Counts = { ok: 0, partial: 0, failed: 0, resumed: 0 };
  private discovered = 0;
  private discoveryDone = false;
  private readonly started = Date.now();
  private lastDraw = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly out: NodeJS.WriteStream, private readonly enabled: boolean) {
    if (enabled && !out.isTTY) {
      this.timer = setInterval(() => this.out.write(`${this.line()}\n`), PLAIN_EVERY_MS);
      this.timer.unref();
    }
  }

  found(): void {
    this.discovered++;
    this.draw();
  }

  discoveryFinished(): void {
    this.discoveryDone = true;
  }

  done(status: Status, resumed = false): void {
    this.counts[status]++;
    if (resumed) this.counts.resumed++;
    this.draw();
  }

  get seconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  /** Stop the progress display and print the summary line. */
  finish(): string {
    if (this.timer) clearInterval(this.timer);
    if (this.enabled && this.out.isTTY) this.out.write('\r\x1b[2K');
    const { ok, partial, failed, resumed } = this.counts;
    const summary = `ok ${ok}, partial ${partial}, failed ${failed} in ${formatSeconds(this.seconds)}${resumed ? ` (${resumed} unchanged since the last run, skipped)` : ''}`;
    this.out.write(`${summary}\n`);
    return summary;
  }

  private draw(): void {
    if (!this.enabled || !this.out.isTTY) return;
    const now = Date.now();
    if (now - this.lastDraw < TTY_REDRAW_MS) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 60));
    const done = this.doneCount();
    const filled = this.discoveryDone && this.discovered ? Math.round((done / this.discovered) * width) : 0;
    const bar = this.discoveryDone ? `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ` : '';
    this.out.write(`\r\x1b[2K${bar}${this.line()}`);
  }

  private doneCount(): number {
    return this.counts.ok + this.counts.partial + this.counts.failed;
  }

  private line(): string {
    const done = this.doneCount();
    const rate = done / Math.max(this.seconds, 0.001);
    const total = this.discoveryDone ? `${this.discovered}` : `${this.discovered}+`;
    const eta = this.discoveryDone && rate > 0 ? `, ETA ${formatSeconds((this.discovered - done) / rate)}` : '';
    return `${done}/${total} done, ${rate.toFixed(1)} docs/s${eta}, ${this.counts.failed} failed`;
  }
}

function formatSeconds(s: number): string {
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 600) return `${Math.round(s)} s`;
  return `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}
