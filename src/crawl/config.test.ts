import { describe, expect, it } from 'vitest';
import { ConfigError, isAllowedHost, parseCrawlConfig, resolveSite } from './config.js';

const minimal = { userAgent: 'gongkai (+ops@example.org)', sites: [{ name: '平潭', start: ['https://www.pingtan.gov.cn/zfxxgknb/index.html'] }] };

function errorOf(value: unknown): string {
  try {
    parseCrawlConfig(value);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseCrawlConfig', () => {
  it('fills in the documented defaults', () => {
    const config = parseCrawlConfig(minimal);
    expect(config).toMatchObject({ delayMs: 2000, timeoutMs: 30_000, retries: 3, concurrencyPerHost: 1, maxPages: 50 });
    expect(config.maxResponseBytes).toBe(50 * 1024 * 1024);
  });

  it('names the exact path of a bad start URL', () => {
    const message = errorOf({ ...minimal, sites: [{ name: 'a', start: ['https://a.gov.cn/', 'ftp://a.gov.cn/x'] }] });
    expect(message).toMatch(/^sites\[0\]\.start\[1\]: must be an http\(s\) URL/m);
  });

  it('rejects a misspelt key instead of ignoring it', () => {
    const message = errorOf({ ...minimal, sites: [{ name: 'a', start: ['https://a.gov.cn/'], inclde: '年报' }] });
    expect(message).toMatch(/^sites\[0\]/m);
    expect(message).toContain('inclde');
  });

  it('rejects an include pattern that is not a regular expression', () => {
    expect(errorOf({ ...minimal, sites: [{ name: 'a', start: ['https://a.gov.cn/'], include: '(年报' }] }))
      .toMatch(/^sites\[0\]\.include: must be a valid regular expression/m);
  });

  it('rejects a negative delay at the top level', () => {
    expect(errorOf({ ...minimal, delayMs: -1 })).toMatch(/^delayMs: /m);
  });
});

describe('resolveSite', () => {
  it('allows the hosts of the start URLs and matches annual-report titles by default', () => {
    const config = parseCrawlConfig({ ...minimal, sites: [{ name: 'a', start: ['https://a.gov.cn/1', 'http://b.gov.cn:8080/2'] }] });
    const site = resolveSite(config.sites[0]!, config);
    expect(site.allow).toEqual(['a.gov.cn', 'b.gov.cn:8080']);
    expect(site.include.test('平潭综合实验区2021年度政府信息公开工作年度报告')).toBe(true);
    expect(site.include.test('关于印发工作要点的通知')).toBe(false);
  });
});

describe('isAllowedHost', () => {
  it('matches exact hosts, host:port and *.suffix patterns only', () => {
    expect(isAllowedHost(new URL('https://a.gov.cn/x'), ['a.gov.cn'])).toBe(true);
    expect(isAllowedHost(new URL('https://evil-a.gov.cn/x'), ['a.gov.cn'])).toBe(false);
    expect(isAllowedHost(new URL('http://127.0.0.1:81/x'), ['127.0.0.1:80'])).toBe(false);
    expect(isAllowedHost(new URL('https://www.b.gov.cn/x'), ['*.b.gov.cn'])).toBe(true);
    expect(isAllowedHost(new URL('https://b.gov.cn.evil.com/x'), ['*.b.gov.cn'])).toBe(false);
    expect(isAllowedHost(new URL('file:///etc/passwd'), ['a.gov.cn'])).toBe(false);
  });
});
