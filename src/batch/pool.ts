// A fixed pool of worker threads, one document per worker at a time. Isolation per document:
// - a document over timeoutMs: its worker is terminated and replaced, the document fails with limit.timeout;
// - a worker out of heap (resourceLimits.maxOldGenerationSizeMb = maxWorkerMemoryMb): limit.memory;
// - a worker that dies any other way: internal.worker-crash. The pool always replaces the worker and goes on.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { limitError, type Limits } from '../limits.js';
import { GongkaiError } from '../messages.js';
import type { WorkerReply, WorkerTask } from './protocol.js';

export type PoolResult = { ok: true; reply: WorkerReply } | { ok: false; error: GongkaiError };

interface Slot {
  worker: Worker;
  job: { id: number; settle: (result: PoolResult) => void; timer: NodeJS.Timeout } | null;
  /** The last 'error' event of this worker (an uncaught exception, or ERR_WORKER_OUT_OF_MEMORY). */
  lastError: Error | null;
}

/** Compiled next to this file (dist/src/batch/worker.js); run the CLI from dist, not from the .ts sources. */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** setTimeout treats a longer delay as 1 ms: a huge --timeout-s must mean "about 24 days", not "at once". */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly idle: Slot[] = [];
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private nextId = 1;
  private closed = false;
  /** How many workers were replaced after a timeout, out-of-memory or crash. */
  replaced = 0;

  constructor(readonly size: number, private readonly limits: Limits) {
    if (!existsSync(fileURLToPath(WORKER_URL))) {
      throw new Error(`${fileURLToPath(WORKER_URL)} is missing: the batch engine runs from compiled JS (npm run build, then node dist/src/cli/main.js)`);
    }
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: this.spawn(), job: null, lastError: null };
      this.watch(slot);
      this.slots.push(slot);
      this.idle.push(slot);
    }
  }

  /** Convert one document in a worker. `bytes` is transferred: it is detached (unusable) afterwards. */
  async run(bytes: ArrayBuffer, path: string): Promise<PoolResult> {
    const slot = await this.acquire();
    return new Promise<PoolResult>((resolve) => {
      const id = this.nextId++;
      const settle = (result: PoolResult) => {
        if (slot.job?.id !== id) return;
        clearTimeout(slot.job.timer);
        slot.job = null;
        resolve(result);
      };
      const timer = setTimeout(() => {
        settle({ ok: false, error: limitError('timeoutMs', `Conversion did not finish in ${this.limits.timeoutMs / 1000} s`, this.limits) });
        void slot.worker.terminate(); // the 'exit' handler replaces it
      }, Math.min(this.limits.timeoutMs, MAX_TIMER_MS));
      slot.job = { id, settle, timer };
      const task: WorkerTask = { id, bytes, path, limits: this.limits };
      slot.worker.postMessage(task, [bytes]);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private acquire(): Promise<Slot> {
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxWorkerMemoryMb },
      // A library's console.log inside a worker must not land in the JSON Lines on stdout.
      stdout: true,
    });
    worker.stdout.pipe(process.stderr, { end: false });
    worker.unref();
    return worker;
  }

  private watch(slot: Slot): void {
    const worker = slot.worker;
    worker.on('message', (reply: WorkerReply) => {
      if (slot.job?.id !== reply.id) return;
      slot.job.settle({ ok: true, reply });
      this.release(slot);
    });
    worker.on('error', (err) => {
      slot.lastError = err;
    });
    worker.on('exit', (code) => {
      if (this.closed) return;
      if (slot.job) slot.job.settle({ ok: false, error: this.crashError(slot.lastError, code) });
      slot.lastError = null;
      slot.worker = this.spawn();
      this.replaced++;
      this.watch(slot);
      // A slot whose job was settled (timeout, crash) is not in the idle list: give it back now.
      if (!this.idle.includes(slot)) this.release(slot);
    });
  }

  private crashError(err: Error | null, exitCode: number): GongkaiError {
    if ((err as NodeJS.ErrnoException | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return limitError('maxWorkerMemoryMb', 'The conversion ran out of memory', this.limits);
    }
    const why = err ? `${err.name}: ${err.message}` : `the worker exited with code ${exitCode}`;
    return new GongkaiError('internal.worker-crash', `The worker converting this document died (${why}); it was replaced`);
  }
}
