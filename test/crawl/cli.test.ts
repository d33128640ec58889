// gongkai crawl's command line: argument and config errors exit 2 with the exact field; a one-shot run
// against a loopback site exits 0 and prints the summary on stderr.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/crawl.js';
import { AgencySite, corpusBytes, listPage } from './agency-site.js';

let dir: string;
let stderr: string[];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-crawl-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});
function captureStderr(): void {
  stderr = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    stderr.push(args.join(' '));
  });
}

async function configFile(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('gongkai crawl arguments', () => {
  it('exits 2 and names the exact field of an invalid config', async () => {
    captureStderr();
    const path = await configFile('bad.json', { userAgent: 'x', sites: [{ name: 'a', start: ['https://a.gov.cn/', 'not a url'] }], retries: 'three' });
    expect(await run(['--config', path, '--out', join(dir, 'out')])).toBe(2);
    const text = stderr.join('\n');
    expect(text).toMatch(/^sites\[0\]\.start\[1\]: /m);
    expect(text).toMatch(/^retries: /m);
  });

  it('exits 2 for a config that is not JSON, saying so', async () => {
    captureStderr();
    const path = await configFile('broken.json', '{ "userAgent": ');
    expect(await run(['--config', path, '--out', join(dir, 'out')])).toBe(2);
    expect(stderr.join('\n')).toContain('is not valid JSON');
  });

  it('exits 2 for a missing --out, an unknown flag, and an --every without a unit', async () => {
    captureStderr();
    const path = await configFile('ok.json', { userAgent: 'x', sites: [{ name: 'a', start: ['https://a.gov.cn/'] }] });
    expect(await run(['--config', path])).toBe(2);
    expect(await run(['--config', path, '--out', dir, '--evry', '1h'])).toBe(2);
    expect(await run(['--config', path, '--out', dir, '--every', '24'])).toBe(2);
    expect(stderr.join('\n')).toContain('--every 24: expected a number and a unit');
  });
});

describe('gongkai crawl --once', () => {
  const site = new AgencySite();
  beforeAll(async () => {
    await site.start();
    site.serve('/nb/index.html', listPage('年报', [{ href: 't1.htm', text: '平潭综合实验区2023年度政府信息公开工作年度报告' }], ''));
    site.serve('/nb/t1.htm', corpusBytes('real/pingtan-2023.html'));
  });
  afterAll(() => site.close());

  it('crawls once, exits 0 and prints the summary on stderr', async () => {
    captureStderr();
    const out = join(dir, 'once');
    const path = await configFile('site.json', { userAgent: 'gongkai-test (+test@example.org)', delayMs: 0, sites: [{ name: '平潭', start: [`${site.origin}/nb/index.html`] }] });
    expect(await run(['--config', path, '--out', out, '--once'])).toBe(0);
    expect(stderr.join('\n')).toMatch(/^crawl done: fetched 2, not-modified 0, blocked 0, errors 0, skipped 0, reports written 1 in \d+\.\d s$/m);
    const log = (await readFile(join(out, 'crawl.jsonl'), 'utf8')).trim().split('\n');
    expect(log).toHaveLength(3); // robots.txt (404: allow all), the list, the report
  });
});
