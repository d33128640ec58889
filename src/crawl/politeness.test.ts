import { describe, expect, it } from 'vitest';
import { HostScheduler, StoppedError } from './politeness.js';

describe('HostScheduler', () => {
  it('never runs more requests to one host at once than concurrencyPerHost', async () => {
    const scheduler = new HostScheduler(2, 0, new AbortController().signal);
    let inFlight = 0;
    let most = 0;
    const request = async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 8 }, () => scheduler.run('a.gov.cn', request)));
    expect(most).toBe(2);
  });

  it('keeps the delay of a host at its highest value', () => {
    const scheduler = new HostScheduler(1, 0, new AbortController().signal);
    scheduler.raiseDelay('a.gov.cn', 2000);
    scheduler.raiseDelay('a.gov.cn', 500);
    expect(scheduler.delayOf('a.gov.cn')).toBe(2000);
    expect(scheduler.delayOf('b.gov.cn')).toBe(0);
  });

  it('starts no queued request once stopped', async () => {
    const stop = new AbortController();
    const scheduler = new HostScheduler(1, 0, stop.signal);
    const started: number[] = [];
    const first = scheduler.run('a.gov.cn', async () => {
      started.push(1);
      stop.abort();
    });
    const second = scheduler.run('a.gov.cn', async () => {
      started.push(2);
    });
    await first;
    await expect(second).rejects.toBeInstanceOf(StoppedError);
    expect(started).toEqual([1]);
  });

  it('makes a waiting request give up as soon as the crawl stops, not after the delay', async () => {
    const stop = new AbortController();
    const scheduler = new HostScheduler(1, 3_600_000, stop.signal);
    scheduler.raiseDelay('a.gov.cn', 3_600_000);
    await scheduler.run('a.gov.cn', async () => undefined);
    const waiting = scheduler.run('a.gov.cn', async () => 'ran');
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(StoppedError);
  });
});
