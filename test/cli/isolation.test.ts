// Per-document isolation and crash safety of the batch engine, through the compiled CLI.
// Hanging, crashing and out-of-memory documents are made with the explicit test hook of src/batch/test-hooks.ts
// (GONGKAI_TEST_HOOKS=1 + a marker at the start of the file): no real document does that on demand.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, listFiles, readJson, readManifestLines, real, runCli, startCli, tempDir } from './helpers.js';

const HOOKS = { GONGKAI_TEST_HOOKS: '1' };
let main: string;
beforeAll(() => {
  main = buildCli('isolation');
});

interface ReportLike {
  status: string;
  error: { code: string; message: string } | null;
  source: { path: string };
}

function batchWith(marker: string): { dir: string; inputs: string[] } {
  const dir = tempDir('iso');
  writeFileSync(join(dir, 'bad.txt'), `${marker}\n`);
  // Small real reports after it, so that a loaded CI machine converts them well within the test's timeout.
  copyFileSync(real('pingdingshan-shangwu-2023.txt'), join(dir, 'after-1.txt'));
  copyFileSync(fixture('seed-2023.html'), join(dir, 'after-2.html'));
  return { dir, inputs: [join(dir, 'bad.txt'), join(dir, 'after-1.txt'), join(dir, 'after-2.html')] };
}

/** With --jobs 1 the documents after the bad one can only have been converted by a replacement worker. */
async function expectBatchGoesOn(out: string): Promise<void> {
  const manifest = readManifestLines(out);
  expect(manifest).toHaveLength(3);
  for (const line of manifest.slice(1)) {
    expect(line.status, `${line.path}: ${line.error?.code}`).toMatch(/^(ok|partial)$/);
    expect(readJson<ReportLike>(join(out, line.output)).source.path).toBe(line.path);
  }
}

describe('per-document isolation', () => {
  it('fails a document over --timeout-s with limit.timeout naming the flag, and a fresh worker converts the rest', async () => {
    const { dir, inputs } = batchWith('GONGKAI-TEST-HANG');
    const out = join(dir, 'out');
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--jobs', '1', '--timeout-s', '5'], HOOKS);
    expect(result.code).toBe(1);
    const report = readJson<ReportLike>(join(out, 'bad.txt.json'));
    expect(report.status).toBe('failed');
    expect(report.error?.code).toBe('limit.timeout');
    expect(report.error?.message).toContain('--timeout-s');
    await expectBatchGoesOn(out);
  });

  it('fails a document whose worker dies with internal.worker-crash, and the batch goes on', async () => {
    const { dir, inputs } = batchWith('GONGKAI-TEST-CRASH');
    const out = join(dir, 'out');
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--jobs', '1'], HOOKS);
    expect(result.code).toBe(1);
    const report = readJson<ReportLike>(join(out, 'bad.txt.json'));
    expect(report.error?.code).toBe('internal.worker-crash');
    expect(report.error?.message).toContain('exited with code 70');
    await expectBatchGoesOn(out);
  });

  it('fails a document that exhausts --max-worker-mb with limit.memory, and the batch goes on', async () => {
    const { dir, inputs } = batchWith('GONGKAI-TEST-OOM');
    const out = join(dir, 'out');
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--jobs', '1', '--max-worker-mb', '64'], HOOKS);
    expect(result.code).toBe(1);
    const report = readJson<ReportLike>(join(out, 'bad.txt.json'));
    expect(report.error?.code).toBe('limit.memory');
    expect(report.error?.message).toContain('--max-worker-mb');
    await expectBatchGoesOn(out);
  });

  it('fails a document whose conversion throws (a bug) with internal.error, and the batch goes on', async () => {
    const { dir, inputs } = batchWith('GONGKAI-TEST-THROW');
    const out = join(dir, 'out');
    const result = await runCli(main, ['extract', ...inputs, '--out', out, '--jobs', '1'], HOOKS);
    expect(result.code).toBe(1);
    const report = readJson<ReportLike>(join(out, 'bad.txt.json'));
    expect(report.error).toEqual({ code: 'internal.error', message: 'Internal error (a bug in gongkai): TypeError: test hook: a bug in the conversion' });
    await expectBatchGoesOn(out);
  });

  it('treats the hook markers as ordinary text when GONGKAI_TEST_HOOKS is not set', async () => {
    const { inputs } = batchWith('GONGKAI-TEST-CRASH');
    const result = await runCli(main, ['extract', inputs[0]!, '--timeout-s', '30']);
    const report = JSON.parse(result.stdout) as ReportLike;
    expect(report.error?.code ?? null).not.toBe('internal.worker-crash');
  });
});

describe('stdout mode behind a slow document', () => {
  it('prints every report in input order although 300 later ones finished while the first hung', async () => {
    const dir = tempDir('held');
    writeFileSync(join(dir, 'a-hang.txt'), 'GONGKAI-TEST-HANG\n');
    const text = readFileSync(real('pingdingshan-shangwu-2023.txt'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `b-${String(i).padStart(3, '0')}.txt`), Buffer.concat([text, Buffer.from(`\n${i}\n`)]));
    const result = await runCli(main, ['extract', dir, '--timeout-s', '5', '--quiet'], HOOKS);
    const reports = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReportLike);
    expect(reports).toHaveLength(301);
    expect(reports[0]!.error?.code).toBe('limit.timeout');
    expect(reports.map((r) => r.source.path)).toEqual([join(dir, 'a-hang.txt'), ...Array.from({ length: 300 }, (_, i) => join(dir, `b-${String(i).padStart(3, '0')}.txt`))]);
  });
});

describe('--force', () => {
  it('converts again in a worker instead of copying the earlier output', async () => {
    const { dir, inputs } = batchWith('GONGKAI-TEST-CRASH');
    const out = join(dir, 'out');
    await runCli(main, ['extract', inputs[0]!, '--out', out]); // hooks off: an ordinary text file
    expect(readJson<ReportLike>(join(out, 'bad.txt.json')).error?.code ?? null).not.toBe('internal.worker-crash');
    await runCli(main, ['extract', inputs[0]!, '--out', out, '--force'], HOOKS);
    expect(readJson<ReportLike>(join(out, 'bad.txt.json')).error?.code).toBe('internal.worker-crash');
  });
});

describe('SIGKILL mid-batch', () => {
  it('loses nothing: after a rerun every input has a valid report, one manifest line, and no temp file remains', async () => {
    const dir = tempDir('kill');
    const inDir = join(dir, 'in');
    mkdirSync(inDir);
    const sources = [fixture('seed-2023.html'), fixture('seed-2023-gbk.html'), real('pingdingshan-shangwu-2023.txt')];
    const count = 30;
    for (let i = 0; i < count; i++) {
      const src = sources[i % sources.length]!;
      // Unique bytes per copy (a trailing comment/line), so that no two are twins.
      const ext = src.endsWith('.txt') ? 'txt' : 'html';
      const tail = ext === 'html' ? `\n<!-- copy ${i} -->\n` : `\n（副本 ${i}）\n`;
      writeFileSync(join(inDir, `doc-${String(i).padStart(3, '0')}.${ext}`), Buffer.concat([readFileSync(src), Buffer.from(tail)]));
    }
    // The last input hangs, so the first run is certainly still busy when it is killed.
    writeFileSync(join(inDir, 'zz-hang.txt'), 'GONGKAI-TEST-HANG\n');
    const out = join(dir, 'out');
    const args = ['extract', inDir, '--out', out, '--jobs', '2'];

    const child = startCli(main, [...args, '--timeout-s', '600'], HOOKS);
    await new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => {
        let lines = 0;
        try {
          lines = readFileSync(join(out, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).length;
        } catch { /* not created yet */ }
        if (lines >= 1) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', () => { clearInterval(poll); reject(new Error('the first run ended before it could be killed')); });
    });
    await new Promise((r) => child.once('close', r));

    const rerun = await runCli(main, [...args, '--timeout-s', '1'], HOOKS);
    expect(rerun.code).toBe(1); // only the hanging input failed
    const files = listFiles(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const manifest = readManifestLines(out);
    expect(manifest).toHaveLength(count + 1);
    expect(new Set(manifest.map((m) => m.path)).size).toBe(count + 1);
    for (const line of manifest) {
      const report = readJson<ReportLike>(join(out, line.output)); // parses: no half-written file
      expect(report.source.path).toBe(line.path);
      expect(report.status).toBe(line.status);
    }
    expect(manifest.find((m) => m.output === 'zz-hang.txt.json')?.error?.code).toBe('limit.timeout');
    expect(files.filter((f) => f.endsWith('.json'))).toHaveLength(count + 1);
  });
});
