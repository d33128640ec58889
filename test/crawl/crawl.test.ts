// gongkai crawl against a small agency site served on 127.0.0.1 by the test itself: discovery (下一页,
// TRS countPage script), robots.txt, anti-bot, retries, redirect loops, size cap, host fence, archive,
// conditional re-crawl and versions. Report pages and attachments are real corpus files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCrawlConfig, type CrawlConfig } from '../../src/crawl/config.js';
import type { LogLine } from '../../src/crawl/crawl-log.js';
import { inProcessConverter, type Converter } from '../../src/crawl/converter.js';
import { crawlOnce, type RunSummary } from '../../src/crawl/run.js';
import type { CrawlState } from '../../src/crawl/state.js';
import { AgencySite, corpusBytes, endlessBody, flaky, jslChallenge, listPage, redirectTo } from './agency-site.js';

const ZIP_ATTACHMENT = readFileSync(fileURLToPath(new URL('./fixtures/attachments.zip', import.meta.url)));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const MAX_RESPONSE_BYTES = 1024 * 1024;

function buildSite(site: AgencySite): void {
  const o = site.origin;
  site.serve('/robots.txt', 'User-agent: *\nDisallow: /private/\n', 'text/plain');
  site.serve('/zfxxgknb/index.html', listPage('政府信息公开年报_平潭综合实验区', [
    // Cut link text; the full title is in the title attribute.
    { href: '202202/t20220208_80613.htm', text: '平潭综合实验区2021年度政府信息…', title: '平潭综合实验区2021年度政府信息公开工作年度报告' },
    { href: '202401/t20240115_1.htm', text: '平顶山市商务局2023年政府信息公开工作年度报告' },
    { href: '/private/2019.htm', text: '平潭综合实验区2019年度政府信息公开工作年度报告' },
    { href: `http://localhost:${site.port}/zfxxgknb/offhost.htm`, text: '平潭综合实验区2022年度政府信息公开工作年度报告（镜像）' },
    { href: 'notice.htm', text: '关于开展政务公开工作的通知' },
  ], '<div class="page"><span>共2页</span><a href="index_1.html">下一页</a> <a href="index_1.html">尾页</a></div>'));
  site.serve('/zfxxgknb/index_1.html', listPage('政府信息公开年报_平潭综合实验区', [
    { href: 'jsl.htm', text: '平潭综合实验区2020年度政府信息公开工作年度报告' },
    { href: 'flaky.htm', text: '平潭综合实验区2017年政府信息公开工作年度报告' },
    { href: 'loop-a.htm', text: '2016年度政府信息公开年报' },
    { href: 'huge.pdf', text: '2015年度政府信息公开年报（PDF）' },
    { href: 'bm/index.html', text: '区直部门政府信息公开年报' },
  ], '<div class="page"><a href="index.html">首页</a> <a href="index.html">上一页</a></div>'));
  // A sub-column linked like a report: it lists reports itself.
  site.serve('/zfxxgknb/bm/index.html', listPage('区直部门政府信息公开年报', [
    { href: 't2023.htm', text: '平潭综合实验区2023年度政府信息公开工作年度报告' },
    { href: '../202202/t20220208_80613.htm', text: '平潭综合实验区2021年度政府信息公开工作年度报告' },
    { href: '../flaky.htm', text: '平潭综合实验区2017年政府信息公开工作年度报告' },
    { href: '../jsl.htm', text: '平潭综合实验区2020年度政府信息公开工作年度报告' },
  ], ''));
  site.serve('/zfxxgknb/bm/t2023.htm', corpusBytes('real/pingtan-2023.html'));
  site.serve('/zfxxgknb/202202/t20220208_80613.htm', corpusBytes('real/pingtan-2021.html'));
  // An article that only wraps its attachments: the PDF is the report.
  site.serve('/zfxxgknb/202401/t20240115_1.htm', `<!DOCTYPE html><html><head><meta charset="utf-8"><title>平顶山市商务局2023年政府信息公开工作年度报告</title></head><body>
<h1>平顶山市商务局2023年政府信息公开工作年度报告</h1><p>发布时间：2024-01-15</p>
<p>附件：<a href="P020240115.pdf">平顶山市商务局2023年政府信息公开工作年度报告.pdf</a></p>
<p>附件：<a href="P020240115_fb.doc">附表.doc</a></p>
<p>附件：<a href="P020240115_all.zip">全部附件.zip</a></p>
<p><a href="http://localhost:${site.port}/zfxxgknb/202401/copy.pdf">镜像.pdf</a></p></body></html>`);
  site.serve('/zfxxgknb/202401/P020240115.pdf', corpusBytes('fixtures/seed-2023.pdf'), 'application/pdf', 'none');
  site.serve('/zfxxgknb/202401/P020240115_fb.doc', corpusBytes('fixtures/seed-2023-distinct.doc'), 'application/msword', 'none');
  site.serve('/zfxxgknb/202401/P020240115_all.zip', ZIP_ATTACHMENT, 'application/zip', 'none');
  site.serve('/private/2019.htm', corpusBytes('real/pingtan-2019.html'));
  site.handlers.set('/zfxxgknb/jsl.htm', jslChallenge);
  site.handlers.set('/zfxxgknb/flaky.htm', flaky(corpusBytes('real/pingtan-2017.html')));
  site.handlers.set('/zfxxgknb/loop-a.htm', redirectTo('loop-b.htm'));
  site.handlers.set('/zfxxgknb/loop-b.htm', redirectTo(`${o}/zfxxgknb/loop-a.htm`));
  site.handlers.set('/zfxxgknb/huge.pdf', endlessBody);

  // A TRS WCM column: page 2 is reachable only through the countPage script.
  const trs = (current: number, links: { href: string; text: string }[]) => listPage('年报_TRS', links,
    `<div class="page"><script>var countPage = 2;//共多少页\nvar currentPage = ${current};//当前页\ncreatePageHTML(countPage, currentPage, "index", "html");</script></div>`);
  // The configured start URL is a stub left behind when the column moved.
  site.serve('/trs/index.htm', '<html><head><meta http-equiv="refresh" content="0;url=index.html"></head><body></body></html>');
  site.serve('/trs/index.html', trs(0, [{ href: './gbk/t20240120_7.htm', text: '平顶山市商务局2023年政府信息公开工作年度报告' }]));
  site.serve('/trs/index_1.html', trs(1, [{ href: './P020240201.docx', text: '平顶山市商务局2023年政府信息公开工作年度报告（Word版）' }]));
  // A GB2312 article page (meta charset); its own attachment link points at /u/cms/2024/ndbg.docx.
  site.serve('/trs/gbk/t20240120_7.htm', corpusBytes('fixtures/seed-2023-gbk.html'), 'text/html');
  site.serve('/u/cms/2024/ndbg.docx', corpusBytes('fixtures/seed-2023.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'last-modified');
  site.serve('/trs/P020240201.docx', corpusBytes('fixtures/seed-2023-distinct.docx'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'last-modified');
}

function configFor(site: AgencySite): CrawlConfig {
  return parseCrawlConfig({
    userAgent: 'gongkai-test (+crawl-test@example.org)',
    delayMs: 0,
    timeoutMs: 10_000,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    retries: 2,
    retryDelayMs: 10,
    sites: [
      { name: '平潭综合实验区', start: [`${site.origin}/zfxxgknb/index.html`] },
      { name: 'TRS 站', start: [`${site.origin}/trs/index.htm`] },
    ],
  });
}

async function readLog(dir: string): Promise<LogLine[]> {
  return (await readFile(join(dir, 'crawl.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as LogLine);
}

async function listReports(dir: string): Promise<string[]> {
  try {
    return (await readdir(join(dir, 'reports'), { recursive: true })).filter((f) => f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

describe('a crawl of a small agency site', () => {
  const site = new AgencySite();
  let out: string;
  let config: CrawlConfig;
  let first: RunSummary;
  let firstLog: LogLine[];
  let firstReports: string[];
  let firstHits: number;
  const lineFor = (log: LogLine[], path: string) => log.filter((l) => l.url === site.origin + path);

  beforeAll(async () => {
    await site.start();
    buildSite(site);
    out = await mkdtemp(join(tmpdir(), 'gongkai-crawl-'));
    config = configFor(site);
    first = await crawlOnce({ config, outDir: out, stop: new AbortController().signal });
    firstLog = await readLog(out);
    firstReports = await listReports(out);
    firstHits = site.hits.length;
  }, 180_000);

  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('follows 下一页 pagination, a moved column\'s meta refresh and the TRS countPage script to every list page', () => {
    expect(lineFor(firstLog, '/trs/index.htm')[0]!.reason).toMatch(/redirects to .*\/trs\/index\.html$/);
    for (const path of ['/trs/index.htm', '/zfxxgknb/index.html', '/zfxxgknb/index_1.html', '/trs/index.html', '/trs/index_1.html']) {
      expect(site.hitsOf(path), path).toHaveLength(1);
      expect(lineFor(firstLog, path)[0]).toMatchObject({ status: 'ok', kind: 'list', http: 200 });
    }
  });

  it('walks a sub-column linked like a report as a list, and fetches each report once', async () => {
    const [sub] = lineFor(firstLog, '/zfxxgknb/bm/index.html');
    expect(sub).toMatchObject({ status: 'ok', kind: 'report' });
    expect(sub!.report).toBeUndefined();
    expect(sub!.reason).toMatch(/^not a report: a list page.*; walked as a list$/);
    const [line] = lineFor(firstLog, '/zfxxgknb/bm/t2023.htm');
    const report = await readJson(join(out, 'reports', line!.report!));
    expect(report.report).toMatchObject({ agency: '平潭综合实验区', year: 2023 });
    expect(site.hitsOf('/zfxxgknb/202202/t20220208_80613.htm')).toHaveLength(1);
    expect(site.hitsOf('/zfxxgknb/bm/')).toHaveLength(0); // its breadcrumb back to itself
  });

  it('does not fetch links whose title is not an annual report', () => {
    expect(site.hitsOf('/zfxxgknb/notice.htm')).toHaveLength(0);
    expect(site.hitsOf('/zfxxgknb/')).toHaveLength(0); // the column's own breadcrumb "政府信息公开年报" → ./
  });

  it('obeys robots.txt: the disallowed folder is never requested', () => {
    expect(site.hitsOf('/robots.txt')).toHaveLength(1);
    expect(site.hits.filter((h) => h.path.startsWith('/private/'))).toEqual([]);
    expect(lineFor(firstLog, '/private/2019.htm')[0]).toMatchObject({ status: 'skipped', http: null });
    expect(lineFor(firstLog, '/private/2019.htm')[0]!.reason).toMatch(/^robots\.disallowed/);
  });

  it('never requests a link off the allowed hosts, report or attachment', () => {
    expect(site.hits.filter((h) => !h.host.startsWith('127.0.0.1'))).toEqual([]);
    const offHost = firstLog.filter((l) => l.url.startsWith(`http://localhost:${site.port}/`));
    expect(offHost.map((l) => l.url).sort()).toEqual([
      `http://localhost:${site.port}/zfxxgknb/202401/copy.pdf`,
      `http://localhost:${site.port}/zfxxgknb/offhost.htm`,
    ]);
    for (const line of offHost) expect(line.reason).toMatch(/^crawl\.off-host/);
  });

  it('records the 加速乐 521 challenge as blocked and writes no report for it', () => {
    const [line] = lineFor(firstLog, '/zfxxgknb/jsl.htm');
    expect(line).toMatchObject({ status: 'blocked', http: 521 });
    expect(line!.reason).toContain('jsl-clearance');
    expect(site.hitsOf('/zfxxgknb/jsl.htm')).toHaveLength(1); // not retried, not worked around
    expect(firstReports.filter((f) => f.includes('jsl'))).toEqual([]);
  });

  it('retries a 500 and extracts the page that comes on the second attempt', async () => {
    expect(site.hitsOf('/zfxxgknb/flaky.htm').map((h) => h.status)).toEqual([500, 200]);
    const [line] = lineFor(firstLog, '/zfxxgknb/flaky.htm');
    expect(line).toMatchObject({ status: 'ok', http: 200 });
    // pingtan-2017 is a free-form report (no template tables) with an annual-report title: still a report.
    const report = await readJson(join(out, 'reports', line!.report!));
    expect(report.report).toMatchObject({ year: 2017, template: 'none' });
    expect(report.source.url).toBe(`${site.origin}/zfxxgknb/flaky.htm`);
  });

  it('stops a redirect loop with an error instead of following it forever', () => {
    const [line] = lineFor(firstLog, '/zfxxgknb/loop-a.htm');
    expect(line).toMatchObject({ status: 'error' });
    expect(line!.reason).toMatch(/^http\.redirect-loop/);
    expect(site.hitsOf('/zfxxgknb/loop-a.htm')).toHaveLength(1);
    expect(site.hitsOf('/zfxxgknb/loop-b.htm')).toHaveLength(1);
  });

  it('abandons an endless response past maxResponseBytes without reading it all', () => {
    const [line] = lineFor(firstLog, '/zfxxgknb/huge.pdf');
    expect(line).toMatchObject({ status: 'error', http: 200 });
    expect(line!.reason).toMatch(/^http\.too-large/);
    // The server stopped writing soon after the client hung up: the body was never buffered whole.
    expect(site.hugeBytesWritten).toBeLessThan(64 * 1024 * 1024);
    expect(site.hitsOf('/zfxxgknb/huge.pdf')).toHaveLength(1); // too large is final, not retried
  });

  it('writes the HTML report page as a report with source.url, agency and year', async () => {
    const [line] = lineFor(firstLog, '/zfxxgknb/202202/t20220208_80613.htm');
    expect(line).toMatchObject({ status: 'ok', kind: 'report', http: 200 });
    expect(line!.report).toMatch(new RegExp(`^127\\.0\\.0\\.1_${site.port}/zfxxgknb__202202__t20220208_80613\\.htm\\.[0-9a-f]{8}\\.json$`));
    const report = await readJson(join(out, 'reports', line!.report!));
    expect(report.source.url).toBe(`${site.origin}/zfxxgknb/202202/t20220208_80613.htm`);
    expect(report.report).toMatchObject({ agency: '平潭综合实验区', year: 2021, template: '2021' });
  });

  it('reads a GB2312 report page and writes it as a report', async () => {
    const [line] = lineFor(firstLog, '/trs/gbk/t20240120_7.htm');
    expect(line).toMatchObject({ status: 'ok', kind: 'report' });
    const report = await readJson(join(out, 'reports', line!.report!));
    expect(report.report).toMatchObject({ agency: '平顶山市商务局', year: 2023, template: '2021' });
  });

  it('extracts a DOCX linked straight from a TRS list page, values and all', async () => {
    const [line] = lineFor(firstLog, '/trs/P020240201.docx');
    expect(line).toMatchObject({ status: 'ok', kind: 'report', http: 200 });
    const report = await readJson(join(out, 'reports', line!.report!));
    const truth = JSON.parse(corpusBytes('truth/seed-2023-distinct.json').toString('utf8'));
    expect(report.source).toMatchObject({ url: `${site.origin}/trs/P020240201.docx`, format: 'docx', path: null });
    expect(report.report).toMatchObject(truth.report);
    expect(report.data.requests.newReceived).toEqual(truth.data.requests.newReceived);
  });

  it('does not write an article that only wraps its attachment, but extracts the attachment', async () => {
    const [page] = lineFor(firstLog, '/zfxxgknb/202401/t20240115_1.htm');
    expect(page).toMatchObject({ status: 'ok', kind: 'report' });
    expect(page!.report).toBeUndefined();
    expect(page!.reason).toMatch(/^not a report/);
    const [pdf] = lineFor(firstLog, '/zfxxgknb/202401/P020240115.pdf');
    expect(pdf).toMatchObject({ status: 'ok', kind: 'attachment', http: 200, sha256: sha256(corpusBytes('fixtures/seed-2023.pdf')) });
    const report = await readJson(join(out, 'reports', pdf!.report!));
    const truth = JSON.parse(corpusBytes('truth/seed-2023.json').toString('utf8'));
    expect(report.source).toMatchObject({ url: `${site.origin}/zfxxgknb/202401/P020240115.pdf`, format: 'pdf' });
    expect(report.report).toMatchObject(truth.report);
    expect(report.data.requests.total).toEqual(truth.data.requests.total);
  });

  it('archives every attachment, and logs the ones gongkai cannot read as skipped', async () => {
    const [zip] = lineFor(firstLog, '/zfxxgknb/202401/P020240115_all.zip');
    expect(zip).toMatchObject({ status: 'skipped', kind: 'attachment', http: 200, sha256: sha256(ZIP_ATTACHMENT) });
    expect(zip!.reason).toMatch(/^input\.unsupported-format/);
    expect(zip!.report).toBeUndefined();
    const docSha = sha256(corpusBytes('fixtures/seed-2023-distinct.doc'));
    const pdfSha = sha256(corpusBytes('fixtures/seed-2023.pdf'));
    const raw = await readdir(join(out, 'raw'));
    expect(raw).toContain(`${sha256(ZIP_ATTACHMENT)}.zip`);
    expect(raw).toContain(`${docSha}.doc`); // read through LibreOffice where it is installed; archived either way
    expect(raw).toContain(`${pdfSha}.pdf`);
    expect(await readFile(join(out, 'raw', `${pdfSha}.pdf`))).toEqual(corpusBytes('fixtures/seed-2023.pdf'));
  });

  it('keeps validators and versions per URL in state.json', async () => {
    const state = await readJson(join(out, 'state.json')) as CrawlState;
    const entry = state.urls[`${site.origin}/zfxxgknb/202202/t20220208_80613.htm`]!;
    expect(entry.etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(entry.sha256).toBe(sha256(corpusBytes('real/pingtan-2021.html')));
    expect(entry.versions).toHaveLength(1);
    expect(entry.versions[0]).toMatchObject({ ext: 'html', outcome: 'report' });
    expect(state.urls[`${site.origin}/u/cms/2024/ndbg.docx`]!.lastModified).toBe('Mon, 05 Feb 2024 08:00:00 GMT');
  });

  it('logs one line per URL and sums them up', () => {
    const urls = firstLog.map((l) => l.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(first.blocked).toBe(1);
    expect(first.reportsWritten).toBe(firstReports.length);
    expect(first.errors).toBe(firstLog.filter((l) => l.status === 'error').length);
    for (const line of firstLog) expect(Date.parse(line.at)).not.toBeNaN();
    expect(new Set(firstLog.map((l) => l.run)).size).toBe(1);
  });

  describe('run again with nothing changed', () => {
    let second: RunSummary;
    let secondLog: LogLine[];
    beforeAll(async () => {
      second = await crawlOnce({ config, outDir: out, stop: new AbortController().signal });
      secondLog = (await readLog(out)).slice(firstLog.length);
    }, 180_000);

    it('gets 304 for every page that has a validator and downloads none of them again', () => {
      const again = site.hits.slice(firstHits);
      const validated = [...site.resources].filter(([, r]) => r.validator !== 'none').map(([p]) => p).filter((p) => p !== '/robots.txt');
      for (const path of validated) {
        for (const hit of again.filter((h) => h.path === path)) expect(hit, path).toMatchObject({ status: 304, bytes: 0 });
      }
      expect(lineFor(secondLog, '/zfxxgknb/202202/t20220208_80613.htm')[0]).toMatchObject({ status: 'not-modified', http: 304 });
      expect(second.notModified).toBeGreaterThanOrEqual(6);
    });

    it('does not extract a re-downloaded body whose sha256 is unchanged', () => {
      // The zip has no ETag or Last-Modified: it comes again in full, but its sha256 has not changed.
      const [zip] = lineFor(secondLog, '/zfxxgknb/202401/P020240115_all.zip');
      expect(zip).toMatchObject({ status: 'ok', http: 200 });
      expect(zip!.reason).toMatch(/^unchanged since .* \(unsupported\)$/);
      const [pdf] = lineFor(secondLog, '/zfxxgknb/202401/P020240115.pdf');
      expect(pdf).toMatchObject({ status: 'ok', http: 200 });
      expect(pdf!.reason).toMatch(/^unchanged since .* \(report 127\.0\.0\.1_\d+\/zfxxgknb__202401__P020240115\.pdf\.[0-9a-f]{8}\.json\)$/);
      expect(pdf!.report).toBeUndefined();
    });

    it('writes no report file twice', async () => {
      expect(second.reportsWritten).toBe(0);
      expect(await listReports(out)).toEqual(firstReports);
    });
  });

  describe('run again after the site changed', () => {
    const path = '/zfxxgknb/202202/t20220208_80613.htm';
    const other = '/zfxxgknb/bm/t2023.htm';
    let third: RunSummary;
    let thirdLog: LogLine[];
    beforeAll(async () => {
      const logged = (await readLog(out)).length;
      // An edit of the report's text, and a page whose bytes change outside the report (a counter in a comment).
      site.serve(path, Buffer.from(corpusBytes('real/pingtan-2021.html').toString('utf8').replace('坚持以人民为中心深化政务公开', '坚持以人民为中心，深化政务公开')));
      site.serve(other, Buffer.concat([corpusBytes('real/pingtan-2023.html'), Buffer.from('\n<!-- 访问量：1024 -->\n')]));
      third = await crawlOnce({ config, outDir: out, stop: new AbortController().signal });
      thirdLog = (await readLog(out)).slice(logged);
    }, 180_000);

    it('keeps one report file when only the bytes outside the report changed', async () => {
      const [line] = lineFor(thirdLog, other);
      expect(line).toMatchObject({ status: 'ok', http: 200 });
      expect(line!.reason).toMatch(/^report unchanged: the page changed outside the report/);
      expect(line!.report).toBeUndefined();
      const state = await readJson(join(out, 'state.json')) as CrawlState;
      const versions = state.urls[site.origin + other]!.versions;
      expect(versions).toHaveLength(2);
      expect(versions[1]!.report).toBe(versions[0]!.report);
    });

    it('writes a new version beside the old one', async () => {
      expect(third.reportsWritten).toBe(1);
      const state = await readJson(join(out, 'state.json')) as CrawlState;
      const versions = state.urls[site.origin + path]!.versions;
      expect(versions).toHaveLength(2);
      expect(versions[0]!.report).not.toBe(versions[1]!.report);
      const reports = await listReports(out);
      expect(reports).toEqual(expect.arrayContaining([...firstReports, versions[1]!.report!]));
      expect(reports).toHaveLength(firstReports.length + 1);
    });
  });
});

describe('stopping a crawl', () => {
  const site = new AgencySite();
  let out: string;
  beforeAll(async () => {
    await site.start();
    out = await mkdtemp(join(tmpdir(), 'gongkai-crawl-stop-'));
  });
  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('starts no new request after the stop signal and leaves a valid state.json', async () => {
    const stop = new AbortController();
    site.serve('/list/index.html', listPage('年报', [1, 2, 3].map((n) => ({ href: `r${n}.htm`, text: `某县${2020 + n}年政府信息公开工作年度报告` })), ''));
    for (const n of [1, 2, 3]) site.serve(`/list/r${n}.htm`, corpusBytes('real/pingtan-2023.html'));
    const serveR1 = site.handlers.get('/list/r1.htm');
    expect(serveR1).toBeUndefined();
    site.handlers.set('/list/r1.htm', (_req, res) => {
      stop.abort(); // SIGINT arrives while the first report is in flight
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(corpusBytes('real/pingtan-2023.html'));
    });
    const config = parseCrawlConfig({ userAgent: 'gongkai-test', delayMs: 0, retryDelayMs: 10, sites: [{ name: 't', start: [`${site.origin}/list/index.html`] }] });
    const summary = await crawlOnce({ config, outDir: out, stop: stop.signal });
    expect(summary.stopped).toBe(true);
    expect(site.hitsOf('/list/r2.htm')).toHaveLength(0);
    expect(site.hitsOf('/list/r3.htm')).toHaveLength(0);
    const state = await readJson(join(out, 'state.json')) as CrawlState;
    expect(Object.keys(state.urls)).toContain(`${site.origin}/list/r1.htm`);
  });
});

describe('a crawl whose extraction crashed', () => {
  const site = new AgencySite();
  let out: string;
  beforeAll(async () => {
    await site.start();
    out = await mkdtemp(join(tmpdir(), 'gongkai-crawl-crash-'));
  });
  afterAll(async () => {
    await site.close();
    await rm(out, { recursive: true, force: true });
  });

  it('extracts the document again on the next run, from the archive, without downloading it again', async () => {
    site.serve('/nb/index.html', listPage('年报', [{ href: 't1.htm', text: '平潭综合实验区2021年度政府信息公开工作年度报告' }], ''));
    site.serve('/nb/t1.htm', corpusBytes('real/pingtan-2021.html'));
    // The real pipeline behind a converter that crashes once, as a gongkai bug would.
    const real = inProcessConverter();
    let calls = 0;
    const convert: Converter = async (bytes, url) => {
      calls++;
      if (calls === 1) throw new Error('simulated bug in a recognizer');
      return real(bytes, url);
    };
    const config = parseCrawlConfig({ userAgent: 'gongkai-test', delayMs: 0, sites: [{ name: 't', start: [`${site.origin}/nb/index.html`] }] });
    const first = await crawlOnce({ config, outDir: out, stop: new AbortController().signal, convert });
    expect(first).toMatchObject({ errors: 1, reportsWritten: 0 });
    const second = await crawlOnce({ config, outDir: out, stop: new AbortController().signal, convert });
    expect(second).toMatchObject({ errors: 0, reportsWritten: 1, fetched: 0 });
    expect(site.hitsOf('/nb/t1.htm').map((h) => h.status)).toEqual([200, 304]);
    const log = await readLog(out);
    expect(log.filter((l) => l.url.endsWith('/nb/t1.htm')).map((l) => [l.status, l.http, l.reason.split(':')[0]])).toEqual([
      ['error', 200, 'extract.crashed'],
      ['ok', 304, 'report written'], // 304: read back from raw/, extracted, written
    ]);
  });
});
