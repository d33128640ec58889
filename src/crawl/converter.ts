// How the crawl converts a document: in this thread (tests, running from the .ts sources), or in the batch
// engine's worker pool (the compiled CLI), which adds what an unattended crawl needs: a per-document
// timeout (limits.timeoutMs) and memory cap (limits.maxWorkerMemoryMb), and a crash that cannot take the
// crawl down.
import { createHash } from 'node:crypto';
import type { PoolResult } from '../batch/pool.js';
import type { Limits } from '../limits.js';
import { convertDocument, failedReport } from '../pipeline.js';
import type { Report, Status } from '../schema/report.js';
import { detectFormat } from '../sources/detect.js';

export interface Converted {
  status: Status;
  report: Report;
}

/** Convert one crawled document; source.url is `url`, source.path null. Throws only for a gongkai bug. */
export type Converter = (bytes: Uint8Array, url: string) => Promise<Converted>;

/** Error codes that mean "gongkai broke", not "the document is bad": the document is retried next run. */
export const CRASH_CODES = new Set(['internal.error', 'internal.worker-crash']);

export function inProcessConverter(limits: Partial<Limits> = {}): Converter {
  return async (bytes, url) => {
    const outcome = await convertDocument(bytes, { path: null, url, limits });
    return { status: outcome.status, report: outcome.report };
  };
}

/** What the crawl needs of src/batch/pool.ts's WorkerPool. */
export interface ConversionPool {
  run(bytes: ArrayBuffer, path: string): Promise<PoolResult>;
}

export function poolConverter(pool: ConversionPool): Converter {
  return async (bytes, url) => {
    // The pool transfers (detaches) the buffer it is given: hand it a copy, the crawl still holds `bytes`.
    // new Uint8Array(bytes) copies into an ArrayBuffer of exactly these bytes; Buffer#slice would not copy,
    // and a small response body is a view into Node's shared 8 KB buffer pool.
    const result = await pool.run(new Uint8Array(bytes).buffer, '');
    if (result.ok) {
      const report = { ...result.reply.report, source: { ...result.reply.report.source, path: null, url } };
      if (report.status === 'failed' && CRASH_CODES.has(report.error?.code ?? '')) throw new Error(`${report.error?.code}: ${report.error?.message}`);
      return { status: result.reply.status, report };
    }
    if (CRASH_CODES.has(result.error.code)) throw new Error(`${result.error.code}: ${result.error.message}`);
    // Timeout or out of memory: a fact about this document (the same bytes would fail again).
    const source: Report['source'] = {
      path: null, url, format: detectFormat(bytes), sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, pages: null,
    };
    return { status: 'failed', report: failedReport(source, result.error) };
  };
}
