// npm run bench: throughput and memory of `gongkai extract --out` on unique copies of the real documents, next
// to `pdftotext -layout` (poppler) on the same PDFs with all cores, plus a soak run that shows memory stays flat.
// Writes a Markdown table to stdout and to output/bench.md. Flags: --pdfs N (120), --rounds N (3), --html N (60),
// --docx N (60), --soak N (5000), --jobs N (one per core), --keep (keep the temp folder).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeCopies } from './inputs.js';
import { measure, runPdftotext, type Measured } from './measure.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = findRepo(here);
const CLI = resolve(here, '../../src/cli/main.js'); // compiled: dist/test/bench → dist/src/cli
const CORPUS = resolve(REPO, '../shared/corpus');

const { values } = parseArgs({
  options: {
    pdfs: { type: 'string', default: '120' },
    rounds: { type: 'string', default: '3' },
    html: { type: 'string', default: '60' },
    docx: { type: 'string', default: '60' },
    soak: { type: 'string', default: '5000' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean', default: false },
  },
});
const count = (name: string, raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got '${raw}'`);
  return n;
};
const PDFS = count('pdfs', values.pdfs);
const ROUNDS = Math.max(1, count('rounds', values.rounds));
const HTMLS = count('html', values.html);
const DOCXS = count('docx', values.docx);
const SOAK = count('soak', values.soak);
const JOBS = Math.max(1, count('jobs', values.jobs));

function findRepo(from: string): string {
  let dir = from;
  for (let i = 0; i < 6; i++) {
    try {
      if ((JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string }).name === 'gongkai') return dir;
    } catch { /* go up */ }
    dir = dirname(dir);
  }
  throw new Error('cannot find the gongkai repository above the bench script');
}

const corpusFiles = (sub: string, ext: string) =>
  readdirSync(join(CORPUS, sub)).filter((f) => f.endsWith(ext)).sort().map((f) => join(CORPUS, sub, f));

function pageCount(pdf: string): number | null {
  try {
    const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

interface Statuses { ok: number; partial: number; failed: number; codes: Map<string, number> }

function statuses(outDir: string): Statuses {
  const s: Statuses = { ok: 0, partial: 0, failed: 0, codes: new Map() };
  for (const line of readFileSync(join(outDir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean)) {
    const e = JSON.parse(line) as { status: 'ok' | 'partial' | 'failed'; error: { code: string } | null };
    s[e.status]++;
    if (e.error) s.codes.set(e.error.code, (s.codes.get(e.error.code) ?? 0) + 1);
  }
  return s;
}

/** The element with the median key (the lower middle one for an even count). */
function median<T>(items: T[], key: (x: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[(items.length - 1) >> 1]!;
}

const fmtStatus = (s: Statuses) =>
  `${s.ok} ok, ${s.partial} partial, ${s.failed} failed${s.codes.size ? ` (${[...s.codes].map(([c, n]) => `${c} ×${n}`).join(', ')})` : ''}`;
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);
const mb = (v: number | null) => (v === null ? 'n/a' : `${Math.round(v)} MB`);

async function extract(dir: string, label: string): Promise<{ run: Measured; status: Statuses }> {
  const out = join(dir, '..', `out-${label}`);
  const run = await measure(process.execPath, ['--single-threaded-gc', CLI, 'extract', dir, '--out', out, '--quiet', '--jobs', String(JOBS)]);
  if (run.code === 2 || !existsSync(join(out, 'manifest.jsonl'))) throw new Error(`gongkai extract failed to run: ${run.stderr}`);
  return { run, status: statuses(out) };
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} not found: run "npm run build" first`);
  const work = mkdtempSync(join(tmpdir(), 'gongkai-bench-'));
  const rows: string[] = [];
  const notes: string[] = [];
  try {
    // ── PDFs: gongkai vs pdftotext on the same unique copies, two sets ──
    // The issue's set: copies of the real reports only (WPS exports); and copies of every corpus PDF.
    const sets = [
      { label: 'real reports', name: 'pdf-real', sources: corpusFiles('real', '.pdf') },
      { label: 'all corpus PDFs', name: 'pdf-all', sources: [...corpusFiles('real', '.pdf'), ...corpusFiles('fixtures', '.pdf')] },
    ];
    for (const set of sets) {
      if (PDFS === 0 || set.sources.length === 0) continue;
      const pdfDir = join(work, set.name);
      mkdirSync(pdfDir);
      const pdfs = writeCopies(pdfDir, set.sources, 'pdf', PDFS);
      const pagesOf = new Map(set.sources.map((s) => [s, pageCount(s)]));
      const pages = pdfs.reduce((sum, p) => sum + (pagesOf.get(p.source) ?? 0), 0);
      console.error(`bench: ${set.label}: ${PDFS} PDFs (${pages} pages) from ${set.sources.length} sources, jobs ${JOBS}, ${ROUNDS} rounds`);
      // Rounds alternate gongkai and pdftotext, so that both see the same state of a shared machine; the
      // table gives the median round of each, the ratio is of the medians.
      const gongkai: Awaited<ReturnType<typeof extract>>[] = [];
      const poppler: Awaited<ReturnType<typeof runPdftotext>>[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        gongkai.push(await extract(pdfDir, `${set.name}-${round}`));
        const textDir = join(work, `${set.name}-text-${round}`);
        mkdirSync(textDir);
        poppler.push(await runPdftotext(pdfs.map((f) => f.path), JOBS, textDir));
      }
      const g = median(gongkai, (x) => x.run.wallMs);
      const p = median(poppler, (x) => x.wallMs);
      const ratios = gongkai.map((x, i) => x.run.wallMs / poppler[i]!.wallMs);
      rows.push(`| gongkai extract, PDF (${set.label}) | ${PDFS} | ${pages} | ${(g.run.wallMs / 1000).toFixed(1)} s | ${rate(PDFS, g.run.wallMs)} | ${rate(pages, g.run.wallMs)} | ${mb(g.run.peakMb)} | ${fmtStatus(g.status)} |`);
      rows.push(`| pdftotext -layout, PDF (${set.label}, ${JOBS} at a time) | ${PDFS} | ${pages} | ${(p.wallMs / 1000).toFixed(1)} s | ${rate(PDFS, p.wallMs)} | ${rate(pages, p.wallMs)} | ${mb(p.peakMb)} | ${p.failures} failed |`);
      notes.push(`PDF wall-time ratio gongkai / pdftotext, ${set.label}: **${(g.run.wallMs / p.wallMs).toFixed(1)}×** (median of ${ROUNDS} alternating rounds; rounds ${ratios.map((r) => r.toFixed(1)).join(', ')})`);
    }

    // ── HTML and DOCX rates ──
    for (const [kind, n, sources] of [
      ['html', HTMLS, [...corpusFiles('real', '.html'), ...corpusFiles('fixtures', '.html')]],
      ['docx', DOCXS, corpusFiles('fixtures', '.docx')],
    ] as const) {
      if (n === 0 || sources.length === 0) continue;
      const dir = join(work, kind);
      mkdirSync(dir);
      writeCopies(dir, [...sources], kind, n);
      const r = await extract(dir, kind);
      rows.push(`| gongkai extract, ${kind.toUpperCase()} | ${n} | – | ${(r.run.wallMs / 1000).toFixed(1)} s | ${rate(n, r.run.wallMs)} | – | ${mb(r.run.peakMb)} | ${fmtStatus(r.status)} |`);
    }

    // ── Soak: many small documents, RSS sampled over time ──
    if (SOAK > 0) {
      const dir = join(work, 'soak');
      mkdirSync(dir);
      const small = [join(CORPUS, 'real', 'pingdingshan-shangwu-2023.txt'), join(CORPUS, 'fixtures', 'seed-2023.html'),
        join(CORPUS, 'fixtures', 'cmap-test-stsong-unigb.pdf'), join(CORPUS, 'fixtures', 'seed-2023.pdf')];
      const per = Math.ceil(SOAK / small.length);
      writeCopies(dir, [small[0]!], 'txt', per, 'a');
      writeCopies(dir, [small[1]!], 'html', per, 'b');
      writeCopies(dir, [small[2]!, small[3]!], 'pdf', SOAK - 2 * per, 'c');
      const r = await extract(dir, 'soak');
      const s = r.run.samples;
      const at = (f: number) => s[Math.min(s.length - 1, Math.floor(f * (s.length - 1)))];
      const fmt = (x: typeof s[number] | undefined) => (x ? `${Math.round(x.rssMb)} MB at ${(x.atMs / 1000).toFixed(0)} s` : 'n/a');
      rows.push(`| soak: TXT+HTML+PDF copies | ${SOAK} | – | ${(r.run.wallMs / 1000).toFixed(1)} s | ${rate(SOAK, r.run.wallMs)} | – | ${mb(r.run.peakMb)} | ${fmtStatus(r.status)} |`);
      const peak = s.reduce((m, x) => Math.max(m, x.rssMb), 0);
      notes.push(`Soak RSS (whole gongkai process): first ${fmt(at(0.05))} (after 5% of the run, workers warm), middle ${fmt(at(0.5))}, last ${fmt(at(1))}; highest sample ${Math.round(peak)} MB of ${s.length}`);
    }
  } finally {
    if (values.keep) console.error(`bench: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const md = [
    `# gongkai benchmark`,
    '',
    `${new Date().toISOString()} · ${cpu}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB · Node ${process.version} · jobs ${JOBS} · load average at the end ${loadavg()[0]!.toFixed(1)} (other processes share the cores: compare runs of one bench only)`,
    '',
    '| run | docs | pages | wall time | docs/s | pages/s | peak memory | result |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
    '',
    ...notes.map((n) => `- ${n}`),
    '- Inputs: unique copies of the corpus documents (a comment appended, so no two are identical). Pages counted with `pdfinfo`.',
    '- Peak memory, gongkai: the highest VmRSS/VmHWM of the gongkai process sampled from /proc every 100 ms; the worker threads share that process, so it is the sum over all workers and the main thread.',
    '- Peak memory, pdftotext: the sum of the largest per-process peaks (GNU time %M) over as many processes as run at once.',
    '',
  ].join('\n');
  process.stdout.write(md);
  mkdirSync(join(REPO, 'output'), { recursive: true });
  writeFileSync(join(REPO, 'output', 'bench.md'), md);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exitCode = 1;
});
