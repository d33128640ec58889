// gongkai extract <paths…> [--out DIR]: convert files and folders; exit 0 all ok/partial, 1 any failed, 2 usage.
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { runBatch } from '../batch/run.js';
import { Progress } from '../batch/progress.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, type Limits } from '../limits.js';

export const EXTRACT_HELP = `Usage: gongkai extract <paths…> [--out DIR] [options]

Converts report files (PDF, Word, HTML, text; the format is sniffed from the bytes) and folders (walked
recursively, sorted by name; hidden files and the --out folder are skipped).

Without --out, reports go to stdout as JSON Lines, in input order. With --out DIR, each input gets
DIR/<input file name>.json (sub-folders under a folder argument are kept; names that would collide get
-2, -3 … before .json in input order) and DIR/manifest.jsonl gets one line per input. A rerun over the
same DIR skips inputs whose bytes and gongkai version are unchanged since an ok or partial output.

Options:
  --out DIR                  write one JSON file per input and DIR/manifest.jsonl
  --jobs N                   worker threads (default: ${availableParallelism()}, one per core)
  --force                    convert every input again, even when its output is up to date
  --quiet                    no progress display (the final summary line is still printed)
  --help                     this text

Limits (a document over a limit fails with a limit.* code; the batch goes on):
  --max-file-mb N            largest input file (default ${DEFAULT_LIMITS.maxFileBytes / 1024 / 1024})
  --max-uncompressed-mb N    DOCX unpacked size (default ${DEFAULT_LIMITS.maxUncompressedBytes / 1024 / 1024})
  --max-nesting-depth N      HTML/DOCX element nesting (default ${DEFAULT_LIMITS.maxNestingDepth})
  --max-pages N              PDF pages read (default ${DEFAULT_LIMITS.maxPages})
  --timeout-s N              wall time per document, seconds (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --max-worker-mb N          heap of one worker thread, MB (default ${DEFAULT_LIMITS.maxWorkerMemoryMb})

Exit status: 0 every input ok or partial; 1 at least one failed (all others are still written);
2 usage error. A path that does not exist is a failed input (error code input.not-found), not a usage error.`;

/** How each limit flag's number becomes the limit's unit. */
const LIMIT_UNITS: Record<keyof Limits, { scale: number; integer: boolean }> = {
  maxFileBytes: { scale: 1024 * 1024, integer: false },
  maxUncompressedBytes: { scale: 1024 * 1024, integer: false },
  maxNestingDepth: { scale: 1, integer: true },
  maxPages: { scale: 1, integer: true },
  timeoutMs: { scale: 1000, integer: false },
  maxWorkerMemoryMb: { scale: 1, integer: true },
};

class UsageError extends Error {}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseExtractArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError || (err as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS'))) throw err;
    console.error(`gongkai extract: ${(err as Error).message}\nRun "gongkai extract --help" for usage.`);
    return 2;
  }
  if (parsed === 'help') {
    console.log(EXTRACT_HELP);
    return 0;
  }
  if (parsed.outDir !== undefined && (await stat(parsed.outDir).catch(() => undefined))?.isDirectory() === false) {
    console.error(`gongkai extract: --out ${parsed.outDir} exists and is not a folder`);
    return 2;
  }
  const progress = new Progress(process.stderr, !parsed.quiet);
  await runBatch({ ...parsed, progress, stdout: process.stdout });
  progress.finish();
  return progress.counts.failed > 0 ? 1 : 0;
}

interface ExtractArgs {
  paths: string[];
  outDir?: string;
  jobs: number;
  force: boolean;
  quiet: boolean;
  limits: Limits;
}

export function parseExtractArgs(args: string[]): ExtractArgs | 'help' {
  const limitOptions = Object.fromEntries(Object.values(LIMIT_FLAGS).map((f) => [f.slice(2), { type: 'string' as const }]));
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      jobs: { type: 'string' },
      force: { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      ...limitOptions,
    },
  });
  if (values.help) return 'help';
  if (positionals.length === 0) throw new UsageError('no input paths given');
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const [name, flag] of Object.entries(LIMIT_FLAGS) as [keyof Limits, string][]) {
    const raw = values[flag.slice(2) as keyof typeof values];
    if (raw === undefined) continue;
    const { scale, integer } = LIMIT_UNITS[name];
    limits[name] = Math.round(positiveNumber(flag, String(raw), integer) * scale);
  }
  const jobs = values.jobs === undefined ? availableParallelism() : positiveNumber('--jobs', values.jobs, true);
  if (values.out === '') throw new UsageError('--out needs a folder');
  return {
    paths: positionals,
    ...(values.out !== undefined ? { outDir: values.out } : {}),
    jobs,
    force: values.force ?? false,
    quiet: values.quiet ?? false,
    limits,
  };
}

function positiveNumber(flag: string, raw: string, integer: boolean): number {
  const n = Number(raw);
  if (!raw.trim() || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
    throw new UsageError(`${flag} needs a positive ${integer ? 'whole ' : ''}number, got '${raw}'`);
  }
  return n;
}
