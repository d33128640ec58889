// Per-host politeness: at most `concurrencyPerHost` requests in flight to one host (p-queue), and at least
// `delayMs` between two requests to it, counted from the start and from the end of the previous one.
// The delay of a host can only grow during a run (a site's delayMs, then robots.txt Crawl-delay).
import PQueue from 'p-queue';

export class StoppedError extends Error {
  constructor() {
    super('the crawl was stopped');
    this.name = 'StoppedError';
  }
}

interface HostSlot {
  queue: PQueue;
  delayMs: number;
  /** Earliest time (ms since epoch) at which the next request may start. */
  nextStartAt: number;
}

export class HostScheduler {
  private readonly hosts = new Map<string, HostSlot>();

  constructor(
    private readonly concurrencyPerHost: number,
    private readonly defaultDelayMs: number,
    private readonly stop: AbortSignal,
  ) {}

  /** Raise the delay of a host (site delayMs, robots Crawl-delay); a lower value is ignored. */
  raiseDelay(host: string, delayMs: number): void {
    const slot = this.slot(host);
    slot.delayMs = Math.max(slot.delayMs, delayMs);
  }

  delayOf(host: string): number {
    return this.slot(host).delayMs;
  }

  /** Run one request to `host` when its turn comes; throws StoppedError once the crawl is stopping. */
  async run<T>(host: string, request: () => Promise<T>): Promise<T> {
    const slot = this.slot(host);
    return slot.queue.add(async () => {
      // Wait for the host's turn. Checked again after every sleep: with concurrencyPerHost > 1 several
      // requests wait at once, and the first to wake takes the turn.
      for (let now = Date.now(); now < slot.nextStartAt; now = Date.now()) await sleep(slot.nextStartAt - now, this.stop);
      if (this.stop.aborted) throw new StoppedError();
      slot.nextStartAt = Date.now() + slot.delayMs;
      try {
        return await request();
      } finally {
        // Counted from the end of the request too, so a slow answer (or a busy event loop that sent the
        // request late) never shortens the pause the site gets.
        slot.nextStartAt = Math.max(slot.nextStartAt, Date.now() + slot.delayMs);
      }
    });
  }

  private slot(host: string): HostSlot {
    let slot = this.hosts.get(host);
    if (!slot) {
      slot = { queue: new PQueue({ concurrency: this.concurrencyPerHost }), delayMs: this.defaultDelayMs, nextStartAt: 0 };
      this.hosts.set(host, slot);
    }
    return slot;
  }
}

/** Wait `ms`, or throw StoppedError as soon as `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(new StoppedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new StoppedError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
