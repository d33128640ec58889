// The port between pdfjs's display side and its worker, both on this thread. In Node pdfjs runs its worker
// in-process through a LoopbackPort that structured-clones every message; this one does the same except
// for operator-list chunks, whose cloning was 7 % of the time on the WPS reports of the corpus, and for
// messages of primitive fields only (stream control), which are copied.
// pdfjs accepts such a port as a public option: new PDFWorker({ port }) on the display side,
// WorkerMessageHandler.initializeFromPort(port) on the worker side.

type Listener = (event: { data: unknown }) => void;

/** pdfjs message protocol (src/shared/message_handler.js): a stream chunk is posted with stream = ENQUEUE. */
const STREAM_ENQUEUE = 4;

/** Both message handlers listen on one port and keep the messages addressed to them (as LoopbackPort). */
export class InProcessPort {
  private readonly listeners = new Set<Listener>();
  private readonly deferred = Promise.resolve();

  /** `chunksHandedOver`: the worker leaves posted chunk arrays alone (pdfjs-edits.ts, fresh-chunk-arrays). */
  constructor(private readonly chunksHandedOver = false) {}

  postMessage(message: unknown, transfer?: Transferable[]): void {
    const data = operatorListChunk(message, this.chunksHandedOver)
      ?? (primitiveFieldsOnly(message) ? { ...message } : structuredClone(message, transfer ? { transfer } : undefined));
    void this.deferred.then(() => {
      for (const listener of this.listeners) listener.call(this, { data });
    });
  }

  addEventListener(_type: string, listener: Listener, options?: { signal?: AbortSignal }): void {
    const signal = options?.signal;
    if (signal?.aborted) return;
    this.listeners.add(listener);
    // pdfjs removes a document's handlers by aborting this signal when the document is destroyed.
    signal?.addEventListener('abort', () => this.listeners.delete(listener), { once: true });
  }

  removeEventListener(_type: string, listener: Listener): void {
    this.listeners.delete(listener);
  }

  terminate(): void {
    this.listeners.clear();
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

/**
 * An operator-list chunk (OperatorList.flush in the worker) passed without cloning its operator
 * arguments: they (glyph objects cached by the font, argument arrays, path buffers that it transfers)
 * are never touched by the worker once flushed — a real worker could not share them, an in-process one
 * can. Unmodified pdfjs empties fnArray/argsArray right after posting, so those two arrays are copied,
 * unless `handedOver` (the worker gives itself new arrays instead). Any other message: undefined
 * (cloned as usual).
 */
export function operatorListChunk(message: unknown, handedOver = false): unknown {
  const m = message as { stream?: unknown; chunk?: { fnArray?: unknown; argsArray?: unknown; length?: unknown } } | null;
  const chunk = m?.chunk;
  if (m?.stream !== STREAM_ENQUEUE || !chunk || !Array.isArray(chunk.fnArray) || !Array.isArray(chunk.argsArray) || typeof chunk.length !== 'number') {
    return undefined;
  }
  if (handedOver) return message;
  return { ...m, chunk: { ...chunk, fnArray: chunk.fnArray.slice(0, chunk.length), argsArray: chunk.argsArray.slice(0, chunk.length) } };
}

/**
 * A message whose fields are all strings, numbers, booleans or null: stream control (pull, close, …),
 * two thirds of the messages of a document. A shallow copy is all a clone would give; it costs less.
 */
export function primitiveFieldsOnly(message: unknown): message is Record<string, unknown> {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return false;
  for (const value of Object.values(message)) {
    if ((typeof value === 'object' && value !== null) || typeof value === 'function' || typeof value === 'symbol') return false;
  }
  return true;
}
