import { describe, expect, it } from 'vitest';
import { interpret } from './robots.js';

const URL_ = 'https://a.gov.cn/robots.txt';
const ok = (text: string) => ({ kind: 'ok' as const, url: URL_, http: 200, bytes: new TextEncoder().encode(text), etag: null, lastModified: null });
const err = (http: number | null, code = 'http.status') => ({ kind: 'error' as const, url: URL_, http, code, reason: '' });

describe('interpret robots.txt', () => {
  it('obeys the group of our user agent, matched by product token', () => {
    const rules = interpret(URL_, ok('User-agent: *\nDisallow: /\n\nUser-agent: gongkai\nDisallow: /private/\nCrawl-delay: 5\n'), 'gongkai/0.1 (+ops@example.org)');
    expect(rules.kind).toBe('parsed');
    if (rules.kind !== 'parsed') return;
    expect(rules.isAllowed('https://a.gov.cn/zfxxgknb/index.html')).toBe(true);
    expect(rules.isAllowed('https://a.gov.cn/private/x.htm')).toBe(false);
    expect(rules.crawlDelayMs).toBe(5000);
  });

  it('matches a user agent without a version by its first word', () => {
    const rules = interpret(URL_, ok('User-agent: gongkai\nDisallow: /x/\n'), 'gongkai (+ops@example.org)');
    expect(rules.kind === 'parsed' && rules.isAllowed('https://a.gov.cn/x/1.htm')).toBe(false);
  });

  it('falls back to the * group for other agents', () => {
    const rules = interpret(URL_, ok('User-agent: *\nDisallow: /\n'), 'gongkai (+ops)');
    expect(rules.kind === 'parsed' && rules.isAllowed('https://a.gov.cn/x')).toBe(false);
  });

  it('allows everything when robots.txt is 4xx or unreachable, and nothing when it is 5xx', () => {
    expect(interpret(URL_, err(404), 'gongkai').kind).toBe('allow-all');
    expect(interpret(URL_, err(null, 'http.timeout'), 'gongkai').kind).toBe('allow-all');
    expect(interpret(URL_, err(503), 'gongkai').kind).toBe('disallow-all');
    expect(interpret(URL_, err(429), 'gongkai').kind).toBe('disallow-all');
  });
});
