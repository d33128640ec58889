// One document over HTTP, politely and defensively: redirects followed by hand so that every hop is checked
// (allowed host, robots.txt), a cap on the body read as it streams, a timeout per request, retries with
// exponential backoff for timeouts, network errors and 5xx (never for 4xx), and anti-bot pages recognised
// before anything else looks at the body.
import { detectAntiBot } from './anti-bot.js';
import { sleep, StoppedError, type HostScheduler } from './politeness.js';

/** Redirects followed per request at most (Google's robots.txt spec and most crawlers stop at 5). */
export const MAX_REDIRECTS = 5;

export interface HttpOptions {
  userAgent: string;
  timeoutMs: number;
  maxResponseBytes: number;
  retries: number;
  retryDelayMs: number;
}

/** Why a URL may not be requested (off the allowed hosts, disallowed by robots.txt), or undefined. */
export type Permit = (url: URL) => Promise<{ code: string; reason: string } | undefined>;

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchOutcome =
  | { kind: 'ok'; url: string; http: number; bytes: Uint8Array; etag: string | null; lastModified: string | null }
  | { kind: 'not-modified'; url: string; http: 304 }
  | { kind: 'blocked'; url: string; http: number; reason: string }
  | { kind: 'error'; url: string; http: number | null; code: string; reason: string }
  | { kind: 'skipped'; url: string; http: null; code: string; reason: string };

type WithoutUrl<T> = T extends unknown ? Omit<T, 'url'> : never;

/** One HTTP exchange: a redirect to follow, or the final outcome (its URL is filled in by the caller). */
type Answer = { kind: 'redirect'; status: number; location: string } | { kind: 'final'; outcome: WithoutUrl<FetchOutcome> };

/** A failure that another attempt may cure (timeout, network error, 5xx). */
class RetryableError extends Error {
  constructor(readonly code: string, message: string, readonly http: number | null, readonly retryAfterMs = 0) {
    super(message);
  }
}

class FinalError extends Error {
  constructor(readonly code: string, message: string, readonly http: number | null) {
    super(message);
  }
}

export class Fetcher {
  constructor(
    private readonly options: HttpOptions,
    private readonly scheduler: HostScheduler,
    private readonly stop: AbortSignal,
  ) {}

  /** Fetch `url`, conditionally when validators are given. Throws only StoppedError. */
  async fetch(url: string, permit: Permit, validators: Validators = {}): Promise<FetchOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.followRedirects(new URL(url), permit, validators);
      } catch (err) {
        if (err instanceof StoppedError) throw err;
        if (err instanceof FinalError) return { kind: 'error', url, http: err.http, code: err.code, reason: err.message };
        if (!(err instanceof RetryableError)) throw err;
        if (attempt >= this.options.retries) {
          const tries = attempt + 1;
          return { kind: 'error', url, http: err.http, code: err.code, reason: `${err.message} (after ${tries} attempt${tries > 1 ? 's' : ''})` };
        }
        // Exponential backoff: retryDelayMs, 2×, 4×, … (or the server's Retry-After when it asks for longer).
        await sleep(Math.max(this.options.retryDelayMs * 2 ** attempt, err.retryAfterMs), this.stop);
      }
    }
  }

  private async followRedirects(start: URL, permit: Permit, validators: Validators): Promise<FetchOutcome> {
    const seen = new Set<string>();
    let url = start;
    for (let hop = 0; ; hop++) {
      const refusal = await permit(url);
      if (refusal) return { kind: 'skipped', url: start.href, http: null, ...refusal };
      if (seen.has(url.href)) throw new FinalError('http.redirect-loop', `redirect loop back to ${url.href}`, null);
      seen.add(url.href);
      const answer = await this.requestOnce(url, validators);
      if (answer.kind === 'final') return { ...answer.outcome, url: url.href } as FetchOutcome;
      if (hop >= MAX_REDIRECTS) throw new FinalError('http.too-many-redirects', `more than ${MAX_REDIRECTS} redirects (last to ${answer.location})`, answer.status);
      try {
        url = new URL(answer.location, url);
      } catch {
        throw new FinalError('http.bad-redirect', `redirect to an invalid URL: ${answer.location}`, answer.status);
      }
    }
  }

  private async requestOnce(url: URL, validators: Validators): Promise<Answer> {
    return this.scheduler.run(url.host, async () => {
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, this.options.timeoutMs);
      try {
        const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept: '*/*' };
        if (validators.etag) headers['if-none-match'] = validators.etag;
        if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
        const response = await fetch(url, { headers, redirect: 'manual', signal: controller.signal });
        const status = response.status;
        if (status === 304) {
          await response.body?.cancel();
          return { kind: 'final', outcome: { kind: 'not-modified', http: 304 } };
        }
        if (status >= 300 && status < 400) {
          await response.body?.cancel();
          const location = response.headers.get('location');
          if (!location) throw new FinalError('http.bad-redirect', `HTTP ${status} without a Location header`, status);
          return { kind: 'redirect', status, location };
        }
        const bytes = await readCapped(response, this.options.maxResponseBytes, controller);
        const blocked = detectAntiBot(status, bytes);
        if (blocked) return { kind: 'final', outcome: { kind: 'blocked', http: status, reason: `${blocked.rule}: ${blocked.reason}` } };
        if (status >= 500) throw new RetryableError('http.status', `HTTP ${status}`, status, retryAfterMs(response));
        if (status === 429) throw new RetryableError('http.status', 'HTTP 429 Too Many Requests', status, retryAfterMs(response));
        if (status >= 400) throw new FinalError('http.status', `HTTP ${status}`, status);
        return {
          kind: 'final',
          outcome: { kind: 'ok', http: status, bytes, etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
        };
      } catch (err) {
        if (err instanceof FinalError || err instanceof RetryableError) throw err;
        if (timedOut) throw new RetryableError('http.timeout', `no complete answer within ${this.options.timeoutMs} ms`, null);
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        throw new RetryableError('http.network', `network error: ${cause?.code ?? cause?.message ?? (err as Error).message}`, null);
      } finally {
        clearTimeout(timer);
      }
    });
  }
}

/** Read the body, abandoning it (and the connection) as soon as it passes `max` bytes. */
async function readCapped(response: Response, max: number, controller: AbortController): Promise<Uint8Array> {
  const tooLarge = (what: string) => new FinalError('http.too-large', `${what}; the limit maxResponseBytes is ${max} bytes`, response.status);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    controller.abort();
    throw tooLarge(`response declares ${declared} bytes`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      controller.abort();
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`response passed ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function retryAfterMs(response: Response): number {
  const value = response.headers.get('retry-after');
  if (!value) return 0;
  const seconds = Number(value);
  // Honour short waits only; a site asking for hours is better retried on the next scheduled run.
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 60) * 1000 : 0;
}
