// Messages between the batch pool (main thread) and its worker threads.
import type { Limits } from '../limits.js';
import type { Report, Status } from '../schema/report.js';

export interface WorkerTask {
  id: number;
  /** Transferred, not copied: the main thread must not touch it after posting. */
  bytes: ArrayBuffer;
  path: string;
  limits: Limits;
}

export interface WorkerReply {
  id: number;
  status: Status;
  report: Report;
  timingsMs: Record<string, number>;
}
