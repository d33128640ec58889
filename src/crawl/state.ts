// DIR/state.json: what the crawl knows about every URL it fetched, so that the next run asks
// conditionally (If-None-Match / If-Modified-Since) and extracts only what changed; and DIR/raw/, every
// fetched body once, named by its sha256 (about a fifth of policy documents vanish from agency sites
// within two years — NOTES.md — so the bytes are kept).
import { createHash } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { detectFormat } from '../sources/detect.js';
import { writeFileAtomic, writeJsonAtomic } from '../writers/json.js';

export const STATE_VERSION = 1;

/** What became of one version of a URL's body. */
export type VersionOutcome =
  | 'list' // a list page: links read, nothing extracted
  | 'report' // extracted and written to `report`
  | 'not-report' // read, but not a report (a list, or a page that only links to the attachment)
  | 'unsupported' // archived; gongkai cannot read the format yet
  | 'failed' // extraction stopped with a document error; the failed report is written
  | 'error'; // extraction crashed (a gongkai bug or a missing stage): retried on the next run

export interface UrlVersion {
  sha256: string;
  /** Extension of the archived body: DIR/raw/<sha256>.<ext>. */
  ext: string;
  fetchedAt: string;
  outcome: VersionOutcome;
  /** Path of the report file, relative to DIR/reports, when one was written. */
  report: string | null;
}

export interface UrlState {
  etag: string | null;
  lastModified: string | null;
  /** Of the current body. */
  sha256: string;
  /** Last time the URL answered 200 or 304. */
  fetchedAt: string;
  /** Oldest first; a new sha256 adds a version, an unchanged one updates nothing but fetchedAt. */
  versions: UrlVersion[];
}

export interface CrawlState {
  stateVersion: typeof STATE_VERSION;
  urls: Record<string, UrlState>;
}

/** state.json exists but cannot be used; never overwritten, so the operator decides. */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateError';
  }
}

export class StateStore {
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly state: CrawlState,
  ) {}

  static async open(dir: string): Promise<StateStore> {
    const path = join(dir, 'state.json');
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new StateStore(dir, { stateVersion: STATE_VERSION, urls: {} });
      throw err;
    }
    let state: CrawlState;
    try {
      state = JSON.parse(text) as CrawlState;
    } catch (err) {
      throw new StateError(`${path} is not valid JSON (${(err as Error).message}); move it away to start afresh`);
    }
    if (state?.stateVersion !== STATE_VERSION || typeof state.urls !== 'object' || state.urls === null) {
      throw new StateError(`${path} is not a gongkai crawl state (stateVersion ${STATE_VERSION}); move it away to start afresh`);
    }
    return new StateStore(dir, state);
  }

  get(url: string): UrlState | undefined {
    return this.state.urls[url];
  }

  latest(url: string): UrlVersion | undefined {
    return this.state.urls[url]?.versions.at(-1);
  }

  set(url: string, value: UrlState): void {
    this.state.urls[url] = value;
  }

  /** Write state.json atomically; calls are serialised so that the last write holds the latest state. */
  save(): Promise<void> {
    this.saving = this.saving.then(() => writeJsonAtomic(join(this.dir, 'state.json'), this.state));
    return this.saving;
  }

  rawPath(sha256: string, ext: string): string {
    return join(this.dir, 'raw', `${sha256}.${ext}`);
  }

  /** Store a body under its sha256 (once: the same bytes are never written twice). */
  async archive(bytes: Uint8Array, ext: string): Promise<string> {
    const sha256 = sha256Of(bytes);
    const path = this.rawPath(sha256, ext);
    if (!(await exists(path))) await writeFileAtomic(path, bytes);
    return sha256;
  }

  /** The archived body of a version, or undefined when raw/ lost it (then fetch unconditionally). */
  async readArchived(version: Pick<UrlVersion, 'sha256' | 'ext'>): Promise<Uint8Array | undefined> {
    try {
      const bytes = new Uint8Array(await readFile(this.rawPath(version.sha256, version.ext)));
      return sha256Of(bytes) === version.sha256 ? bytes : undefined;
    } catch {
      return undefined;
    }
  }
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Extension for the archive, from the sniffed bytes. An OLE2 container (Word 97, Excel 97, PowerPoint) is
 * told apart by the name of its main stream in the directory (UTF-16: "WordDocument", "Workbook"/"Book",
 * "PowerPoint Document"); the URL decides only what the bytes cannot (a Kingsoft .wps holds a WordDocument).
 */
export function archiveExtension(bytes: Uint8Array, url: string): string {
  const format = detectFormat(bytes);
  const fromUrl = /\.([a-z0-9]{1,5})$/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'doc') {
    if (buf.includes(utf16('WordDocument'))) return fromUrl === 'wps' ? 'wps' : 'doc';
    if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) return 'xls';
    if (buf.includes(utf16('PowerPoint Document'))) return 'ppt';
    return fromUrl === 'xls' || fromUrl === 'wps' ? fromUrl : 'doc';
  }
  if (format !== 'unknown') return format;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return buf.includes('xl/') ? 'xlsx' : 'zip';
  return 'bin';
}

/** Archived formats no gongkai reader handles: not converted, logged skipped (input.unsupported-format). */
export const UNREADABLE_EXTENSIONS: Record<string, string> = {
  xls: 'Excel workbooks (.xls)',
  xlsx: 'Excel workbooks (.xlsx)',
  ppt: 'PowerPoint files (.ppt)',
  zip: 'zip archives',
};

const utf16 = (s: string) => Buffer.from(s, 'utf16le');

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
