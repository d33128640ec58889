import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAllowedHost } from './config.js';
import { Fetcher, MAX_REDIRECTS, type HttpOptions, type Permit } from './fetch.js';
import { HostScheduler } from './politeness.js';

// A loopback server whose routes the tests set; every request is counted by path.
let server: Server;
let origin = '';
const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => void>();
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (route) route(req, res);
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const options: HttpOptions = { userAgent: 'gongkai-test', timeoutMs: 2000, maxResponseBytes: 1000, retries: 2, retryDelayMs: 1 };
function fetcherWith(overrides: Partial<HttpOptions> = {}) {
  const stop = new AbortController().signal;
  return new Fetcher({ ...options, ...overrides }, new HostScheduler(1, 0, stop), stop);
}
const sameHost: Permit = async (url) => (isAllowedHost(url, [new URL(origin).host]) ? undefined : { code: 'crawl.off-host', reason: url.host });

describe('Fetcher', () => {
  it('retries a 503 with backoff and gives up after the configured retries', async () => {
    routes.set('/down', (_req, res) => res.writeHead(503).end('<html><body>Service Unavailable</body></html>'));
    const outcome = await fetcherWith().fetch(`${origin}/down`, sameHost);
    expect(outcome).toMatchObject({ kind: 'error', http: 503, code: 'http.status' });
    expect(outcome.kind === 'error' && outcome.reason).toContain('after 3 attempts');
    expect(hits.get('/down')).toBe(3);
  });

  it('does not retry a 404', async () => {
    routes.set('/gone', (_req, res) => res.writeHead(404).end('gone'));
    expect(await fetcherWith().fetch(`${origin}/gone`, sameHost)).toMatchObject({ kind: 'error', http: 404 });
    expect(hits.get('/gone')).toBe(1);
  });

  it('times out a server that never answers, and retries it', async () => {
    routes.set('/silent', () => undefined);
    const outcome = await fetcherWith({ timeoutMs: 50, retries: 1 }).fetch(`${origin}/silent`, sameHost);
    expect(outcome).toMatchObject({ kind: 'error', code: 'http.timeout', http: null });
    expect(hits.get('/silent')).toBe(2);
  });

  it('refuses a body whose Content-Length is over the cap before reading it', async () => {
    routes.set('/big', (_req, res) => res.writeHead(200, { 'content-length': '5000' }).end(Buffer.alloc(5000)));
    const outcome = await fetcherWith().fetch(`${origin}/big`, sameHost);
    expect(outcome).toMatchObject({ kind: 'error', code: 'http.too-large' });
  });

  it(`follows up to ${MAX_REDIRECTS} redirects and fails on the next`, async () => {
    for (let i = 0; i < 7; i++) routes.set(`/hop${i}`, (_req, res) => res.writeHead(301, { location: `/hop${i + 1}` }).end());
    routes.set('/hop7', (_req, res) => res.writeHead(200).end('<p>end</p>'));
    routes.set('/hop5', (_req, res) => res.writeHead(200).end('<p>five</p>'));
    const ok = await fetcherWith().fetch(`${origin}/hop0`, sameHost);
    expect(ok).toMatchObject({ kind: 'ok', url: `${origin}/hop5` });
    routes.set('/hop5', (_req, res) => res.writeHead(302, { location: '/hop6' }).end());
    const tooMany = await fetcherWith().fetch(`${origin}/hop0`, sameHost);
    expect(tooMany).toMatchObject({ kind: 'error', code: 'http.too-many-redirects' });
    expect(hits.get('/hop6') ?? 0).toBe(0);
  });

  it('checks every redirect hop against the allowed hosts and never follows one off them', async () => {
    routes.set('/away', (_req, res) => res.writeHead(302, { location: origin.replace('127.0.0.1', 'localhost') + '/landing' }).end());
    routes.set('/landing', (_req, res) => res.writeHead(200).end('<p>landed</p>'));
    const outcome = await fetcherWith().fetch(`${origin}/away`, sameHost);
    expect(outcome).toMatchObject({ kind: 'skipped', code: 'crawl.off-host' });
    expect(hits.get('/landing') ?? 0).toBe(0);
  });

  it('sends the validators it is given and reports 304 as not-modified', async () => {
    routes.set('/cond', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Mon, 05 Feb 2024 08:00:00 GMT') res.writeHead(304).end();
      else res.writeHead(200, { etag: '"v1"' }).end('<p>body</p>');
    });
    const first = await fetcherWith().fetch(`${origin}/cond`, sameHost);
    expect(first).toMatchObject({ kind: 'ok', etag: '"v1"' });
    const again = await fetcherWith().fetch(`${origin}/cond`, sameHost, { etag: '"v1"', lastModified: 'Mon, 05 Feb 2024 08:00:00 GMT' });
    expect(again).toMatchObject({ kind: 'not-modified', http: 304 });
  });

  it('sends the configured User-Agent', async () => {
    let seen: string | undefined;
    routes.set('/ua', (req, res) => {
      seen = req.headers['user-agent'];
      res.end('<p>ok</p>');
    });
    await fetcherWith().fetch(`${origin}/ua`, sameHost);
    expect(seen).toBe('gongkai-test');
  });
});
