// The batch engine behind `gongkai extract`: discover inputs lazily, convert them on a worker pool fed by
// p-queue, write each report (atomically) and a manifest line, resume what an earlier run already did.
import { access, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import PQueue from 'p-queue';
import type { Limits } from '../limits.js';
import { failedReport } from '../failed-report.js';
import type { Report } from '../schema/report.js';
import { GENERATOR_VERSION } from '../schema/version.js';
import { writeJsonAtomic } from '../writers/json.js';
import { convertInPool, readInput, twinReport } from './convert-input.js';
import { discoverInputs, type Input } from './discover.js';
import { compactManifest, latestByPath, ManifestAppender, readManifest, type ManifestEntry } from './manifest.js';
import { OutputNamer } from './naming.js';
import { WorkerPool } from './pool.js';
import type { Progress } from './progress.js';
import { removeStaleTempFiles } from './stale.js';

export interface BatchOptions {
  paths: string[];
  /** Write DIR/<name>.json + DIR/manifest.jsonl; without it, JSON Lines on `stdout` in input order. */
  outDir?: string;
  jobs: number;
  /** Convert again even when an earlier run's output is up to date. */
  force: boolean;
  limits: Limits;
  progress: Progress;
  stdout: NodeJS.WritableStream;
}

/** In stdout mode twins are found among the most recent results only, so memory stays bounded. */
const STDOUT_TWIN_MEMORY = 256;
/** In stdout mode at most this many finished reports wait for an earlier, slower one to be printed. */
const STDOUT_HELD_LINES = 256;

export async function runBatch(options: BatchOptions): Promise<void> {
  const { outDir, limits, progress } = options;
  let earlier = new Map<string, ManifestEntry>();
  let appender: ManifestAppender | undefined;
  if (outDir) {
    await mkdir(outDir, { recursive: true });
    await removeStaleTempFiles(outDir);
    earlier = latestByPath(await readManifest(outDir));
    appender = await ManifestAppender.open(outDir);
  }
  const namer = new OutputNamer([...earlier.values()].map((e) => [e.path, e.output] as [string, string]));
  // sha256 → where an identical input's result can be had: a report file (--out) or the report itself (stdout).
  const twins = new Map<string, Promise<{ file: string } | { report: Report } | null>>();
  // --force redoes every conversion, so it must not copy earlier outputs either.
  for (const e of options.force ? [] : earlier.values()) {
    if (e.status !== 'failed' && e.version === GENERATOR_VERSION && e.sha256) twins.set(e.sha256, Promise.resolve({ file: e.output }));
  }
  const entries: ManifestEntry[] = [];
  const printer = new OrderedPrinter(options.stdout);
  const pool = new WorkerPool(options.jobs, limits);
  // Twice as many inputs in flight as workers: while the workers convert, the main thread reads and hashes the
  // next inputs and writes finished reports, so no worker waits for it between two documents.
  const queue = new PQueue({ concurrency: options.jobs * 2 });
  let fatal: unknown;

  async function handle(input: Input, output: string): Promise<void> {
    const started = performance.now();
    const read = await readInput(input, limits);
    const { source } = read;
    const prev = earlier.get(input.path);
    if (outDir && !options.force && prev && prev.status !== 'failed' && prev.sha256 === source.sha256
      && prev.version === GENERATOR_VERSION && prev.output === output && await exists(join(outDir, output))) {
      entries[input.index] = prev; // up to date: the report file is not rewritten
      progress.done(prev.status, true);
      return;
    }
    let report: Report;
    if (read.failure || !read.bytes) {
      report = failedReport(source, read.failure!);
    } else {
      const known = twins.get(source.sha256);
      const first = known ? await loadTwin(await known, outDir, source.sha256) : null;
      if (first) {
        report = twinReport(first, input.path);
      } else {
        // Twins wait until this result is written, then copy it.
        let shareResult: (found: { file: string } | { report: Report } | null) => void = () => {};
        twins.set(source.sha256, new Promise((resolve) => { shareResult = resolve; }));
        if (!outDir && twins.size > STDOUT_TWIN_MEMORY) twins.delete(twins.keys().next().value!);
        try {
          report = await convertInPool(pool, { ...read, bytes: read.bytes });
          await emit(input, output, report);
          shareResult(outDir ? { file: output } : { report });
        } catch (err) {
          shareResult(null);
          throw err;
        }
        return record(input, output, report, source.sha256, started);
      }
    }
    await emit(input, output, report);
    return record(input, output, report, source.sha256, started);
  }

  async function emit(input: Input, output: string, report: Report): Promise<void> {
    if (outDir) await writeJsonAtomic(join(outDir, output), report);
    else printer.put(input.index, JSON.stringify(report));
  }

  async function record(input: Input, output: string, report: Report, sha256: string, started: number): Promise<void> {
    const entry: ManifestEntry = {
      path: input.path, output, format: report.source.format, status: report.status, error: report.error,
      ms: Math.round(performance.now() - started), sha256, version: GENERATOR_VERSION,
    };
    entries[input.index] = entry;
    await appender?.append(entry);
    progress.done(report.status);
  }

  try {
    for await (const input of discoverInputs(options.paths, { excludeDirs: outDir ? [outDir] : [] })) {
      progress.found();
      const output = outDir ? namer.nameFor(input.path, input.relPath) : '';
      // Backpressure: discovery runs only a little ahead of conversion.
      await queue.onSizeLessThan(options.jobs * 2);
      await printer.roomFor(STDOUT_HELD_LINES); // stdout: a slow document must not make later reports pile up
      queue.add(() => handle(input, output)).catch((err: unknown) => { fatal ??= err; });
    }
    progress.discoveryFinished();
    await queue.onIdle();
    await printer.drained();
    if (fatal !== undefined) throw fatal; // e.g. the output disk is full: not a document's fault
  } finally {
    await pool.close();
    await appender?.close();
  }
  if (outDir) await compactManifest(outDir, earlier, entries.filter(Boolean));
}

async function loadTwin(found: { file: string } | { report: Report } | null, outDir: string | undefined, sha256: string): Promise<Report | null> {
  if (!found) return null;
  if ('report' in found) return found.report;
  if (!outDir) return null;
  try {
    const report = JSON.parse(await readFile(join(outDir, found.file), 'utf8')) as Report;
    // An earlier run's file may since have been rewritten for a changed input of that path: check the bytes.
    return report.source?.sha256 === sha256 && report.generator?.version === GENERATOR_VERSION ? report : null;
  } catch {
    return null; // the earlier output went missing: convert again
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}

/** Writes lines to stdout in input order although documents finish out of order. */
class OrderedPrinter {
  private readonly ready = new Map<number, string>();
  private next = 0;
  private writing: Promise<void> = Promise.resolve();
  private waiters: (() => void)[] = [];

  constructor(private readonly out: NodeJS.WritableStream) {}

  put(index: number, line: string): void {
    this.ready.set(index, line);
    while (this.ready.has(this.next)) {
      const text = this.ready.get(this.next)!;
      this.ready.delete(this.next++);
      this.writing = this.writing.then(() => write(this.out, `${text}\n`));
    }
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  /** Resolves once fewer than `limit` lines wait for an earlier one. */
  async roomFor(limit: number): Promise<void> {
    while (this.ready.size >= limit) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  drained(): Promise<void> {
    return this.writing;
  }
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (err) => (err ? reject(err) : resolve()));
  });
}
