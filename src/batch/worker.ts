// Worker thread: converts one document at a time. The main thread transfers the bytes (zero copy) and gets the
// outcome back; a worker that hangs, runs out of heap or dies is replaced by the pool (pool.ts).
import { parentPort } from 'node:worker_threads';
import { GongkaiError } from '../messages.js';
import { convertDocument, failedReport } from '../pipeline.js';
import { detectFormat } from '../sources/detect.js';
import { createHash } from 'node:crypto';
import type { WorkerReply, WorkerTask } from './protocol.js';
import { runTestHook } from './test-hooks.js';

if (!parentPort) throw new Error('src/batch/worker.ts must run in a worker thread');
const port = parentPort;

port.on('message', (task: WorkerTask) => {
  void convert(task).then((reply) => port.postMessage(reply));
});

async function convert(task: WorkerTask): Promise<WorkerReply> {
  const bytes = new Uint8Array(task.bytes);
  try {
    await runTestHook(bytes);
    const outcome = await convertDocument(bytes, { path: task.path, limits: task.limits });
    return { id: task.id, status: outcome.status, report: outcome.report, timingsMs: outcome.timingsMs };
  } catch (err) {
    // convertDocument never throws for a bad document: anything thrown is a bug. Record it and go on.
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    const source = {
      path: task.path, url: null, format: detectFormat(bytes),
      sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.byteLength, pages: null,
    };
    const report = failedReport(source, new GongkaiError('internal.error', `Internal error (a bug in gongkai): ${detail}`));
    return { id: task.id, status: 'failed', report, timingsMs: {} };
  }
}
