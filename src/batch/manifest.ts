// DIR/manifest.jsonl: one line per input. During a run each finished input is appended with a single write
// (a SIGKILL loses at most the line being written, which the next run ignores); at the end the file is
// rewritten atomically with one line per path, the latest winning.
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../writers/json.js';
import { MANIFEST_NAME } from './naming.js';

export interface ManifestEntry {
  /** The input, as in source.path. */
  path: string;
  /** The report file, relative to DIR ("/"-separated); null only when stdout was the output. */
  output: string;
  format: string;
  status: 'ok' | 'partial' | 'failed';
  error: { code: string; message: string } | null;
  /** Wall time spent on this input (read, convert, write); a resumed input keeps its earlier line. */
  ms: number;
  /** sha256 of the input bytes ("" when they could not be read): with `version`, the resume key. */
  sha256: string;
  /** generator.version of the gongkai that wrote the report. */
  version: string;
}

/** Read a manifest, tolerating a truncated or garbled line (a run killed mid-write). Missing file → []. */
export async function readManifest(dir: string): Promise<ManifestEntry[]> {
  let text: string;
  try {
    text = await readFile(join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    return [];
  }
  const entries: ManifestEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const value = JSON.parse(line) as Partial<ManifestEntry>;
      if (typeof value.path === 'string' && typeof value.output === 'string' && typeof value.status === 'string') {
        entries.push(value as ManifestEntry);
      }
    } catch {
      /* a line cut by a kill: the input will simply be converted again */
    }
  }
  return entries;
}

/** Latest entry per path, in first-seen order. */
export function latestByPath(entries: ManifestEntry[]): Map<string, ManifestEntry> {
  const byPath = new Map<string, ManifestEntry>();
  for (const entry of entries) {
    byPath.delete(entry.path);
    byPath.set(entry.path, entry);
  }
  return byPath;
}

export class ManifestAppender {
  private constructor(private readonly handle: FileHandle) {}

  static async open(dir: string): Promise<ManifestAppender> {
    const handle = await open(join(dir, MANIFEST_NAME), 'a');
    // A previous run killed mid-line left no newline at the end: start on a fresh line.
    const { size } = await handle.stat();
    if (size > 0) {
      const last = Buffer.alloc(1);
      const reader = await open(join(dir, MANIFEST_NAME), 'r');
      await reader.read(last, 0, 1, size - 1).finally(() => reader.close());
      if (last[0] !== 0x0a) await handle.write('\n');
    }
    return new ManifestAppender(handle);
  }

  /** One write call per line, so concurrent appends never interleave inside a line. */
  async append(entry: ManifestEntry): Promise<void> {
    await this.handle.write(`${JSON.stringify(entry)}\n`);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Rewrite the manifest atomically: earlier entries for paths not in this run first, then this run's in input order. */
export async function compactManifest(dir: string, earlier: Map<string, ManifestEntry>, thisRun: ManifestEntry[]): Promise<void> {
  const seen = new Set(thisRun.map((e) => e.path));
  const lines: string[] = [];
  for (const entry of earlier.values()) if (!seen.has(entry.path)) lines.push(JSON.stringify(entry));
  for (const entry of thisRun) lines.push(JSON.stringify(entry));
  await writeFileAtomic(join(dir, MANIFEST_NAME), lines.length ? `${lines.join('\n')}\n` : '');
}
