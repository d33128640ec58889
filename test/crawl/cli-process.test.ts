// The compiled CLI as operators run it: `--every` loops until SIGTERM and exits 0 with state saved; the
// output folder's lock turns a second crawl away; documents are converted in the batch worker pool.
import type { ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlState } from '../../src/crawl/state.js';
import { buildCli, readJson, runCli, startCli, tempDir } from '../cli/helpers.js';
import { AgencySite, corpusBytes, listPage } from './agency-site.js';

let main: string;
const site = new AgencySite();
let dir: string;

beforeAll(async () => {
  main = buildCli('crawl');
  await site.start();
  site.serve('/nb/index.html', listPage('年报', [{ href: 't1.htm', text: '平潭综合实验区2021年度政府信息公开工作年度报告' }], ''));
  site.serve('/nb/t1.htm', corpusBytes('real/pingtan-2021.html'));
  dir = tempDir('crawl-cli');
}, 180_000);
let running: ChildProcess | undefined;
afterAll(async () => {
  if (running && running.exitCode === null) running.kill('SIGKILL');
  await site.close();
});

/** Resolves with everything the child wrote to stderr once `pattern` has appeared in it. */
function stderrUntil(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      if (pattern.test(text)) resolve(text);
    });
    child.on('close', () => reject(new Error(`exited before ${pattern}: ${text}`)));
  });
}

describe('gongkai crawl (compiled)', () => {
  it('repeats with --every, turns a second crawl on the same folder away, and stops cleanly on SIGTERM', async () => {
    const config = join(dir, 'sites.json');
    writeFileSync(config, JSON.stringify({ userAgent: 'gongkai-test (+test@example.org)', delayMs: 0, sites: [{ name: '平潭', start: [`${site.origin}/nb/index.html`] }] }));
    const out = join(dir, 'out');
    const child = startCli(main, ['crawl', '--config', config, '--out', out, '--every', '1s']);
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Two runs: the first extracts, the second finds everything unchanged (304).
    running = child;
    const text = await stderrUntil(child, /crawl done: fetched 0, not-modified 2, blocked 0, errors 0, skipped 0, reports written 0 in/);
    // robots.txt is 404 here (allowed, not counted as fetched): the list and the report were downloaded.
    expect(text).toMatch(/crawl done: fetched 2, not-modified 0, blocked 0, errors 0, skipped 0, reports written 1 in/);

    const second = await runCli(main, ['crawl', '--config', config, '--out', out, '--once']);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another crawl \(pid \d+\) is using/);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const state = readJson<CrawlState>(join(out, 'state.json'));
    const entry = state.urls[`${site.origin}/nb/t1.htm`]!;
    expect(entry.versions).toHaveLength(1);
    const report = JSON.parse(readFileSync(join(out, 'reports', entry.versions[0]!.report!), 'utf8'));
    expect(report.source).toMatchObject({ url: `${site.origin}/nb/t1.htm`, path: null });
    expect(report.report).toMatchObject({ agency: '平潭综合实验区', year: 2021 });
  });
});
