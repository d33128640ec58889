// Every limit is named, defaulted, explained, and echoed in the error it causes.
import { GongkaiError } from './messages.js';

export interface Limits {
  /** Largest input file read at all. Real reports are 5 KB–5 MB; 50 MB leaves room for scanned PDFs. */
  maxFileBytes: number;
  /** Total declared uncompressed size of a DOCX (zip) package; guards against decompression bombs. */
  maxUncompressedBytes: number;
  /** Deepest element nesting accepted in HTML/DOCX markup; real pages stay under 60. */
  maxNestingDepth: number;
  /** PDF pages read; a report has 3–20, a 200-page PDF is not a single annual report. */
  maxPages: number;
  /** Wall time per document, enforced by the batch runner (the worker is terminated). */
  timeoutMs: number;
  /** Heap of one worker thread in MB (resourceLimits.maxOldGenerationSizeMb). */
  maxWorkerMemoryMb: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxNestingDepth: 512,
  maxPages: 200,
  timeoutMs: 60_000,
  maxWorkerMemoryMb: 1024,
};

/** CLI flag for each limit, so that an error can tell the user how to raise it. */
export const LIMIT_FLAGS: Record<keyof Limits, string> = {
  maxFileBytes: '--max-file-mb',
  maxUncompressedBytes: '--max-uncompressed-mb',
  maxNestingDepth: '--max-nesting-depth',
  maxPages: '--max-pages',
  timeoutMs: '--timeout-s',
  maxWorkerMemoryMb: '--max-worker-mb',
};

const LIMIT_CODES: Record<keyof Limits, string> = {
  maxFileBytes: 'limit.file-size',
  maxUncompressedBytes: 'limit.uncompressed-size',
  maxNestingDepth: 'limit.nesting-depth',
  maxPages: 'limit.pages',
  timeoutMs: 'limit.timeout',
  maxWorkerMemoryMb: 'limit.memory',
};

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

function formatLimit(name: keyof Limits, value: number): string {
  if (name === 'maxFileBytes' || name === 'maxUncompressedBytes') return formatBytes(value);
  if (name === 'timeoutMs') return `${value / 1000} s`;
  if (name === 'maxWorkerMemoryMb') return `${value} MB`;
  return String(value);
}

/** "File is 83.2 MB; the limit maxFileBytes is 50.0 MB (set --max-file-mb)" */
export function limitError(name: keyof Limits, actual: string, limits: Limits): GongkaiError {
  return new GongkaiError(
    LIMIT_CODES[name],
    `${actual}; the limit ${name} is ${formatLimit(name, limits[name])} (set ${LIMIT_FLAGS[name]})`,
  );
}
