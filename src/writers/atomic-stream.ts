// A large output file written as a stream but published atomically: data goes to a temp file in the same
// folder, renamed over the target only by commit(). A crash or an abort() leaves the old file (or none).
import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { once } from 'node:events';

export class AtomicStreamWriter {
  /** The stream's first error (disk full, …): reported by the next write or commit, never left unhandled. */
  private failure: Error | undefined;

  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly stream: WriteStream,
  ) {
    stream.on('error', (err) => { this.failure ??= err; });
  }

  static async open(path: string): Promise<AtomicStreamWriter> {
    await mkdir(dirname(path), { recursive: true });
    // Same temp-name pattern as writeFileAtomic, so that stale-file cleanup recognises it.
    const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    const stream = createWriteStream(tmp);
    await once(stream, 'open');
    return new AtomicStreamWriter(path, tmp, stream);
  }

  /** Write text, waiting when the stream's buffer is full so that memory stays bounded. */
  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, 'drain'); // rejects on 'error'
  }

  async commit(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (this.failure) throw this.failure;
    await rename(this.tmp, this.path);
  }

  async abort(): Promise<void> {
    if (!this.stream.closed) {
      const closed = once(this.stream, 'close').catch(() => undefined);
      this.stream.destroy();
      await closed;
    }
    await rm(this.tmp, { force: true });
  }
}
