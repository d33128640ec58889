// --every: run the crawl again and again, each wait jittered by ±10% so that many operators' crawls
// started by the same cron minute do not hit the agency sites in step.
import { sleep, StoppedError } from './politeness.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "24h", "90m", "1d", "30s" → milliseconds; undefined when the text is not such a duration. */
export function parseInterval(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([smhd])$/i.exec(text.trim());
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  return ms > 0 ? ms : undefined;
}

/** The interval ±10%, uniformly. */
export function jitter(intervalMs: number, random: () => number = Math.random): number {
  return Math.round(intervalMs * (0.9 + 0.2 * random()));
}

/** Run `once` now, then every `intervalMs` (jittered) until `stop` aborts. */
export async function runEvery(intervalMs: number, stop: AbortSignal, once: () => Promise<unknown>, onWait?: (ms: number) => void): Promise<void> {
  while (!stop.aborted) {
    await once();
    if (stop.aborted) return;
    const wait = jitter(intervalMs);
    onWait?.(wait);
    try {
      await sleep(wait, stop);
    } catch (err) {
      if (err instanceof StoppedError) return;
      throw err;
    }
  }
}
