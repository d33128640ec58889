// Messages are how every stage reports what it met (mammoth's result + messages, vfile's ruleId).
import type { Provenance } from './model/document.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Message {
  /** error: this part of the value is unusable; warning: read, but the reader should know. */
  severity: Severity;
  /** Stable lowercase dotted code, e.g. 'label.fuzzy', 'html.image-only'. Documented in the README. */
  code: string;
  /** One sentence; quotes template labels verbatim. */
  text: string;
  /** Place in the document, or a path into the report (e.g. "data.requests.total.total"). */
  at?: Provenance;
  path?: string;
}

export interface Result<T> {
  value: T;
  messages: Message[];
}

export function warning(code: string, text: string, where: { at?: Provenance; path?: string } = {}): Message {
  return { severity: 'warning', code, text, ...where };
}

export function errorMessage(code: string, text: string, where: { at?: Provenance; path?: string } = {}): Message {
  return { severity: 'error', code, text, ...where };
}

export function info(code: string, text: string, where: { at?: Provenance; path?: string } = {}): Message {
  return { severity: 'info', code, text, ...where };
}

/**
 * A document-level failure with a stable code ('pdf.encrypted', 'limit.file-size', …).
 * Parsers throw it when nothing usable can come out of the document; the pipeline turns it into
 * `status: "failed"` with `error: { code, message }`. Anything else thrown is a bug.
 */
export class GongkaiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'GongkaiError';
  }
}
