// convertDocument: the only place where the stages meet.
// bytes → detect → parse (document model) → recognize (sections, tables, data) → checks → validated report.
import { createHash } from 'node:crypto';
import { parserFor } from '../parsers/index.js';
import { runChecks } from './checks/index.js';
import { DEFAULT_LIMITS, formatBytes, limitError, type Limits } from './limits.js';
import { GongkaiError, type Message } from './messages.js';
import type { DocumentModel, Format } from './model/document.js';
import { recognizeReport } from './recognize/index.js';
import { Report, SCHEMA_VERSION, type Status } from './schema/report.js';
import { GENERATOR_VERSION } from './schema/version.js';
import { failedReport } from './failed-report.js';
import { detectFormat } from './sources/detect.js';

// Re-exported for the callers that convert as well (worker, crawler); the batch's main thread imports
// failed-report.ts itself, without this module's dependencies.
export { failedReport };

export interface ConvertOptions {
  /** As given on the command line; recorded in source.path. */
  path?: string | null;
  /** Where a crawled document came from; recorded in source.url. */
  url?: string | null;
  limits?: Partial<Limits>;
}

export interface Outcome {
  status: Status;
  /** Always present: a failed document still gets a report with source and error filled in. */
  report: Report;
  messages: Message[];
  timingsMs: Record<string, number>;
  /** The intermediate document model, when parsing succeeded (for golden .ir.txt files and debugging). */
  model?: DocumentModel;
}

const FORMAT_NAMES: Record<Format, string> = {
  pdf: 'PDF', docx: 'DOCX', doc: 'legacy Word .doc', html: 'HTML', txt: 'text', unknown: 'unknown',
};

export async function convertDocument(bytes: Uint8Array, options: ConvertOptions = {}): Promise<Outcome> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const timingsMs: Record<string, number> = {};
  const started = performance.now();
  const source: Report['source'] = {
    path: options.path ?? null,
    url: options.url ?? null,
    format: 'unknown',
    sha256: createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.byteLength,
    pages: null,
  };
  try {
    if (bytes.byteLength === 0) throw new GongkaiError('input.empty', 'The file is empty (0 bytes)');
    if (bytes.byteLength > limits.maxFileBytes) throw limitError('maxFileBytes', `File is ${formatBytes(bytes.byteLength)}`, limits);
    const format = detectFormat(bytes);
    source.format = format;
    const parse = await parserFor(format);
    if (!parse) {
      throw new GongkaiError('input.unsupported-format', format === 'unknown'
        ? 'The bytes are not a PDF, DOCX, DOC, HTML or text document'
        : `${FORMAT_NAMES[format]} files cannot be read yet`);
    }
    const parsed = await parse(bytes, { limits, ...(options.path ? { name: options.path } : {}) });
    timingsMs.parse = performance.now() - started;
    return finish(parsed.value, parsed.messages, source, timingsMs, started);
  } catch (err) {
    if (!(err instanceof GongkaiError)) throw err;
    timingsMs.total = performance.now() - started;
    return { status: 'failed', report: failedReport(source, err), messages: [], timingsMs };
  }
}

function finish(doc: DocumentModel, parseMessages: Message[], source: Report['source'], timingsMs: Record<string, number>, started: number): Outcome {
  if (doc.pages !== undefined) source.pages = doc.pages;
  const t0 = performance.now();
  const recognized = recognizeReport(doc);
  const messages = [...parseMessages, ...recognized.messages];
  const checks = runChecks(recognized.value.data);
  timingsMs.recognize = performance.now() - t0;
  const status: Status = messages.some((m) => m.severity === 'error') ? 'partial' : 'ok';
  const report = Report.parse({
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'gongkai', version: GENERATOR_VERSION },
    status,
    error: null,
    source,
    ...recognized.value,
    checks,
    warnings: messages.filter((m) => m.severity !== 'info').map((m) => ({ code: m.code, message: m.text, path: m.path ?? null })),
  });
  timingsMs.total = performance.now() - started;
  return { status, report, messages, timingsMs, model: doc };
}
