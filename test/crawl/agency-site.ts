// A small agency site on 127.0.0.1 for the crawl tests: list pages written here, report pages and
// attachments from the shared corpus, and the hostile corners real sites have (robots.txt, a 加速乐 challenge,
// a flaky 500, a redirect loop, an endless body). Every request is counted, so tests can assert what the
// crawler never asked for and what it did not download twice.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const corpusBytes = (name: string) => readFileSync(CORPUS + name);

// The shape of a 加速乐 first answer (HTTP 521): the cookie name spelt one character at a time, then a reload.
export const JSL_CHALLENGE = "<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')+('c')+('e')+('=1732612345.123|0|')+(function(){var a=['Ww'];return a.join('')})()+';max-age=3600;path=/';location.href=location.pathname+location.search</script></body></html>";

export interface Hit {
  host: string;
  path: string;
  status: number;
  /** Body bytes the server wrote. */
  bytes: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse, site: AgencySite) => void | Promise<void>;

export interface Resource {
  body: Buffer;
  type: string;
  /** Which validator the server gives and honours: ETag, Last-Modified, or none (then the crawler re-downloads). */
  validator: 'etag' | 'last-modified' | 'none';
}

export class AgencySite {
  readonly hits: Hit[] = [];
  readonly resources = new Map<string, Resource>();
  readonly handlers = new Map<string, Handler>();
  /** Bytes written by the endless response before the client hung up. */
  hugeBytesWritten = 0;
  private server!: Server;
  port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  serve(path: string, body: string | Buffer, type = 'text/html; charset=utf-8', validator: Resource['validator'] = 'etag'): void {
    this.resources.set(path, { body: typeof body === 'string' ? Buffer.from(body) : body, type, validator });
  }

  hitsOf(path: string): Hit[] {
    return this.hits.filter((h) => h.path === path);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit: Hit = { host: req.headers.host ?? '', path, status: 0, bytes: 0 };
    this.hits.push(hit);
    res.on('finish', () => { hit.status = res.statusCode; });
    res.on('close', () => { hit.status ||= res.statusCode; });
    const handler = this.handlers.get(path);
    if (handler) return handler(req, res, this);
    const resource = this.resources.get(path);
    if (!resource) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    const etag = `"${createHash('sha256').update(resource.body).digest('hex').slice(0, 16)}"`;
    const lastModified = 'Mon, 05 Feb 2024 08:00:00 GMT';
    if (resource.validator === 'etag' && req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    if (resource.validator === 'last-modified' && req.headers['if-modified-since'] === lastModified) {
      res.writeHead(304, { 'last-modified': lastModified }).end();
      return;
    }
    const headers: Record<string, string> = { 'content-type': resource.type, 'content-length': String(resource.body.length) };
    if (resource.validator === 'etag') headers.etag = etag;
    if (resource.validator === 'last-modified') headers['last-modified'] = lastModified;
    hit.bytes = resource.body.length;
    res.writeHead(200, headers).end(resource.body);
  }
}

/** An endless body without Content-Length, written with backpressure; stops when the client hangs up. */
export const endlessBody: Handler = async (_req, res, site) => {
  res.writeHead(200, { 'content-type': 'application/pdf' });
  const chunk = Buffer.alloc(64 * 1024, 0x25);
  let open = true;
  res.on('close', () => { open = false; });
  while (open && site.hugeBytesWritten < 2 * 1024 * 1024 * 1024) {
    site.hugeBytesWritten += chunk.length;
    if (!res.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off('drain', done);
          res.off('close', done);
          resolve();
        };
        res.on('drain', done);
        res.on('close', done);
      });
    }
  }
  res.end();
};

/** Answers 500 the first time, then serves `body`. */
export function flaky(body: Buffer): Handler {
  let calls = 0;
  return (_req, res) => {
    calls++;
    if (calls === 1) {
      res.writeHead(500, { 'content-type': 'text/html' }).end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) }).end(body);
  };
}

export const redirectTo = (location: string): Handler => (_req, res) => {
  res.writeHead(302, { location }).end();
};

export const jslChallenge: Handler = (_req, res) => {
  res.writeHead(521, { 'content-type': 'text/html' }).end(JSL_CHALLENGE);
};

/** A list page as agency CMSs write them: <ul> of dated links, then the pagination controls. */
export function listPage(title: string, links: { href: string; text: string; title?: string }[], footer: string): string {
  const items = links.map((l) => `<li><a href="${l.href}"${l.title ? ` title="${l.title}"` : ''} target="_blank">${l.text}</a><span>2024-01-15</span></li>`).join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="./">政府信息公开年报</a></div>
<ul class="list">
${items}
</ul>
${footer}
</body></html>`;
}
