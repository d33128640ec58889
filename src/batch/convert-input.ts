// One input → one report: read and hash on the main thread, then either reuse an identical earlier result
// (a twin: same sha256) or convert in a worker. Never throws for a bad input.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { formatBytes, limitError, type Limits } from '../limits.js';
import { GongkaiError } from '../messages.js';
import { failedReport } from '../failed-report.js';
import type { Report } from '../schema/report.js';
import { detectFormat } from '../sources/detect.js';
import { errText, type Input } from './discover.js';
import type { WorkerPool } from './pool.js';

export interface ReadInput {
  /** Null when the input could not be read (missing, unreadable, over maxFileBytes): `failure` says why. */
  bytes: Uint8Array | null;
  source: Report['source'];
  failure: GongkaiError | null;
}

/** Read an input's bytes (unless it is missing or over the size limit) and fill in its source. */
export async function readInput(input: Input, limits: Limits): Promise<ReadInput> {
  const source: Report['source'] = { path: input.path, url: null, format: 'unknown', sha256: '', bytes: 0, pages: null };
  if (input.problem) return { bytes: null, source, failure: new GongkaiError(input.problem.code, input.problem.message) };
  try {
    const { size } = await stat(input.path);
    source.bytes = size;
    // Checked before reading: a 5 GB file must not be loaded just to be refused.
    if (size > limits.maxFileBytes) return { bytes: null, source, failure: limitError('maxFileBytes', `File is ${formatBytes(size)}`, limits) };
    const buffer = await readFile(input.path);
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    source.bytes = bytes.byteLength;
    source.sha256 = createHash('sha256').update(bytes).digest('hex');
    source.format = detectFormat(bytes);
    return { bytes, source, failure: null };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'input.not-found' : 'input.unreadable';
    return { bytes: null, source, failure: new GongkaiError(code, `Cannot read ${input.path}: ${errText(err)}`) };
  }
}

/** Convert read bytes in the pool; a timeout, out-of-memory or crash becomes a failed report. */
export async function convertInPool(pool: WorkerPool, read: ReadInput & { bytes: Uint8Array }): Promise<Report> {
  // Transfer needs an ArrayBuffer of exactly these bytes; readFile's usually is, a pooled slice is copied.
  const { bytes } = read;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const buffer = whole ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer;
  const result = await pool.run(buffer, read.source.path ?? '');
  if (result.ok) return result.reply.report;
  return failedReport(read.source, result.error);
}

/** The report of a twin (identical bytes, other path): the first result with this input's own source.path. */
export function twinReport(first: Report, path: string): Report {
  return { ...first, source: { ...first.source, path } };
}
