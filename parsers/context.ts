// What every parser receives besides the bytes.
import type { Limits } from '../src/limits.js';

export interface ParseContext {
  limits: Limits;
  /** The input's path or URL, for messages only; parsers never read files themselves. */
  name?: string;
}
