// gongkai extract end to end, on real corpus documents, through the compiled CLI (see helpers.ts for why).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, listFiles, mtimeMs, readJson, readManifestLines, real, runCli, tempDir } from './helpers.js';

let main: string;
beforeAll(() => {
  main = buildCli('extract');
});

/** Small real reports (HTML, text) that convert fast: the tests below run many batches of them. */
const GOOD = [real('pingtan-2023.html'), real('pingdingshan-shangwu-2023.txt'), real('pingtan-2019.html')];

interface ReportLike {
  status: string;
  error: { code: string; message: string } | null;
  source: { path: string; sha256: string; format: string };
  generator: { version: string };
}

describe('gongkai extract --out', () => {
  it('names outputs after the input file, keeps sub-folders of a folder input and numbers collisions in input order', async () => {
    const work = tempDir('naming');
    mkdirSync(join(work, 'a'));
    mkdirSync(join(work, 'b'));
    mkdirSync(join(work, 'tree', 'sub'), { recursive: true });
    copyFileSync(real('pingtan-2023.html'), join(work, 'a', 'x.html'));
    copyFileSync(real('pingtan-2021.html'), join(work, 'b', 'x.html'));
    copyFileSync(real('pingdingshan-shangwu-2023.txt'), join(work, 'tree', 'sub', 'x.html'));
    copyFileSync(fixture('seed-2023.html'), join(work, 'tree', 'x.html.json.html'));
    const out = join(work, 'out');
    const inputs = [join(work, 'a', 'x.html'), join(work, 'b', 'x.html'), join(work, 'tree')];
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--quiet']);
    expect(result.stderr).toMatch(/^ok \d+, partial \d+, failed \d+ in [\d.]+ s\n$/m);

    expect(listFiles(out)).toEqual(['manifest.jsonl', 'sub/x.html.json', 'x.html-2.json', 'x.html.json', 'x.html.json.html.json']);
    const manifest = readManifestLines(out);
    expect(manifest.map((m) => [m.path, m.output])).toEqual([
      [join(work, 'a', 'x.html'), 'x.html.json'],
      [join(work, 'b', 'x.html'), 'x.html-2.json'],
      [join(work, 'tree', 'sub', 'x.html'), 'sub/x.html.json'],
      [join(work, 'tree', 'x.html.json.html'), 'x.html.json.html.json'],
    ]);
    for (const line of manifest) {
      expect(Object.keys(line)).toEqual(['path', 'output', 'format', 'status', 'error', 'ms', 'sha256', 'version']);
      const report = readJson<ReportLike>(join(out, line.output));
      expect(report.source.path).toBe(line.path);
      expect(report.status).toBe(line.status);
      expect(report.source.sha256).toBe(line.sha256);
      expect(line.ms).toBeGreaterThanOrEqual(0);
    }
    // Format comes from the bytes: the text file named .html is text.
    expect(manifest[2]!.format).toBe('txt');
    expect(manifest[0]!.format).toBe('html');
  });

  it('exits 0 when every input of real reports is ok or partial', async () => {
    const out = join(tempDir('good'), 'out');
    const result = await runCli(main, ['extract', ...GOOD, real('huaian-hongze-2023.pdf'), fixture('seed-2023.docx'), '--out', out]);
    const statuses = readManifestLines(out).map((m) => `${m.path}: ${m.status} ${m.error?.code ?? ''}`);
    expect(statuses.every((s) => / (ok|partial) $/.test(s)), statuses.join('\n')).toBe(true);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`ok \\d+, partial \\d+, failed 0 in`));
  });

  it('fails an empty file, garbage bytes and a truncated PDF with specific codes, writes every report and exits 1', async () => {
    const work = tempDir('bad');
    writeFileSync(join(work, 'empty.pdf'), '');
    writeFileSync(join(work, 'garbage.pdf'), Buffer.from([0x00, 0x01, 0xff, 0xfe, 0x00, 0x13, 0x37, 0x00, 0x42]));
    // The first 20 KB of a real report PDF: a download cut short.
    writeFileSync(join(work, 'truncated.pdf'), readFileSync(fixture('seed-2023.pdf')).subarray(0, 20_000));
    const out = join(work, 'out');
    const inputs = [GOOD[0]!, join(work, 'empty.pdf'), join(work, 'garbage.pdf'), join(work, 'truncated.pdf'), join(work, 'missing.pdf'), GOOD[1]!];
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--jobs', '2']);
    expect(result.code).toBe(1);
    const byName = new Map(readManifestLines(out).map((m) => [m.output, m]));
    expect(byName.get('empty.pdf.json')?.error?.code).toBe('input.empty');
    expect(byName.get('garbage.pdf.json')?.error?.code).toBe('input.unsupported-format');
    expect(byName.get('garbage.pdf.json')?.format).toBe('unknown');
    expect(byName.get('truncated.pdf.json')?.format).toBe('pdf');
    expect(byName.get('truncated.pdf.json')?.error?.code).toMatch(/^pdf\./);
    expect(byName.get('missing.pdf.json')?.error?.code).toBe('input.not-found');
    for (const good of ['pingtan-2023.html.json', 'pingdingshan-shangwu-2023.txt.json']) {
      expect(byName.get(good)?.status).toMatch(/^(ok|partial)$/);
    }
    // A failed input still has its report file, with status and error.
    const failed = readJson<ReportLike>(join(out, 'missing.pdf.json'));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toContain('missing.pdf');
    expect(listFiles(out)).toHaveLength(inputs.length + 1);
    expect(result.stderr).toMatch(/failed 4 in/);
  });

  it('exits 2 on usage errors and says why', async () => {
    const unknown = await runCli(main, ['extract', GOOD[0]!, '--frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--frobnicate');
    const none = await runCli(main, ['extract', '--out', tempDir('usage')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no input paths');
    const outIsFile = await runCli(main, ['extract', GOOD[1]!, '--out', GOOD[0]!]);
    expect(outIsFile.code).toBe(2);
    expect(outIsFile.stderr).toContain('is not a folder');
    const badLimit = await runCli(main, ['extract', GOOD[0]!, '--timeout-s', 'soon']);
    expect(badLimit.code).toBe(2);
    expect(badLimit.stderr).toContain("--timeout-s needs a positive number, got 'soon'");
  });

  it('prints the options with --help and exits 0', async () => {
    const help = await runCli(main, ['extract', '--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--out', '--jobs', '--force', '--quiet', '--max-file-mb', '--max-uncompressed-mb', '--max-nesting-depth', '--max-pages', '--timeout-s', '--max-worker-mb']) {
      expect(help.stdout).toContain(flag);
    }
  });

  it('applies a limit flag: --max-file-mb refuses a larger file with limit.file-size naming the flag', async () => {
    const result = await runCli(main, ['extract', real('pingtan-2021.html'), '--max-file-mb', '0.1']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as ReportLike;
    expect(report.error?.code).toBe('limit.file-size');
    expect(report.error?.message).toContain('--max-file-mb');
  });
});

describe('gongkai extract without --out', () => {
  it('prints one compact report per line on stdout, in input order', async () => {
    const inputs = [...GOOD, join(tempDir('none'), 'nope.txt'), ...GOOD.slice().reverse()];
    const result = await runCli(main, ['extract', ...inputs, '--jobs', '3', '--quiet']);
    const lines = result.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(inputs.length);
    const reports = lines.map((l) => JSON.parse(l) as ReportLike);
    expect(reports.map((r) => r.source.path)).toEqual(inputs);
    expect(reports[3]!.error?.code).toBe('input.not-found');
    expect(result.code).toBe(1);
  });
});

describe('resume', () => {
  it('skips unchanged inputs without rewriting their reports, converts changed ones, and --force redoes all', async () => {
    const work = tempDir('resume');
    const inDir = join(work, 'in');
    mkdirSync(inDir);
    for (const g of GOOD) copyFileSync(g, join(inDir, g.split('/').pop()!));
    writeFileSync(join(inDir, 'empty.txt'), '');
    const out = join(work, 'out');
    await runCli(main, ['extract', inDir, '--out', out]);
    const first = readManifestLines(out);
    expect(first).toHaveLength(4);
    const before = new Map(first.map((m) => [m.output, mtimeMs(join(out, m.output))]));

    // Change one input; the failed (empty) one is retried, the unchanged ok/partial ones are kept.
    writeFileSync(join(inDir, 'pingdingshan-shangwu-2023.txt'), `${readFileSync(GOOD[1]!, 'utf8')}\n`);
    await new Promise((r) => setTimeout(r, 20)); // mtime granularity: a rewrite must be visible
    const second = await runCli(main, ['extract', inDir, '--out', out]);
    expect(second.stderr).toContain('unchanged since the last run, skipped');
    for (const name of ['pingtan-2023.html.json', 'pingtan-2019.html.json']) {
      expect(mtimeMs(join(out, name))).toBe(before.get(name));
    }
    expect(mtimeMs(join(out, 'pingdingshan-shangwu-2023.txt.json'))).not.toBe(before.get('pingdingshan-shangwu-2023.txt.json'));
    expect(mtimeMs(join(out, 'empty.txt.json'))).not.toBe(before.get('empty.txt.json'));
    const manifest = readManifestLines(out);
    expect(manifest.map((m) => m.output)).toEqual(first.map((m) => m.output)); // compacted: one line per input

    const afterSecond = new Map(manifest.map((m) => [m.output, mtimeMs(join(out, m.output))]));
    await new Promise((r) => setTimeout(r, 20));
    await runCli(main, ['extract', inDir, '--out', out, '--force']);
    for (const [name, t] of afterSecond) expect(mtimeMs(join(out, name))).not.toBe(t);
  });

  it('converts identical files once per batch: the twin gets the same report with its own source.path', async () => {
    const work = tempDir('twins');
    const twin = join(work, 'copy-of-pingtan.html');
    copyFileSync(GOOD[0]!, twin);
    const out = join(work, 'out');
    await runCli(main, ['extract', GOOD[0]!, twin, '--out', out]);
    const a = readJson<ReportLike>(join(out, 'pingtan-2023.html.json'));
    const b = readJson<ReportLike>(join(out, 'copy-of-pingtan.html.json'));
    expect(b.source.path).toBe(twin);
    expect({ ...b, source: { ...b.source, path: a.source.path } }).toEqual(a);
  });

  it('does not copy an earlier output whose input has since changed into a twin of the old bytes', async () => {
    const work = tempDir('stale-twin');
    const a = join(work, 'a.html');
    const b = join(work, 'b.html');
    const out = join(work, 'out');
    copyFileSync(GOOD[0]!, a);
    await runCli(main, ['extract', a, '--out', out]);
    copyFileSync(GOOD[2]!, a); // a.html.json will be rewritten for the new bytes…
    copyFileSync(GOOD[0]!, b); // …while b.html has a.html's old bytes
    await runCli(main, ['extract', a, b, '--out', out, '--jobs', '1']);
    const sha = (p: string) => readJson<ReportLike>(p).source.sha256;
    const manifest = new Map(readManifestLines(out).map((m) => [m.output, m.sha256]));
    expect(sha(join(out, 'a.html.json'))).toBe(manifest.get('a.html.json'));
    expect(sha(join(out, 'b.html.json'))).toBe(manifest.get('b.html.json'));
    expect(manifest.get('a.html.json')).not.toBe(manifest.get('b.html.json'));
  });

  it('never takes its own output folder inside an input folder, nor hidden files, as inputs', async () => {
    const inDir = tempDir('inside');
    copyFileSync(GOOD[0]!, join(inDir, 'report.html'));
    writeFileSync(join(inDir, '.DS_Store'), 'junk');
    const out = join(inDir, 'out');
    await runCli(main, ['extract', inDir, '--out', out]);
    await runCli(main, ['extract', inDir, '--out', out]);
    expect(readManifestLines(out).map((m) => m.output)).toEqual(['report.html.json']);
    expect(existsSync(join(out, '.DS_Store.json'))).toBe(false);
  });
});
