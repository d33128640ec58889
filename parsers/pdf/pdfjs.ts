// Loading pdfjs-dist (legacy build, Node) once per process, with CMaps and standard fonts read from the
// installed package and cached across documents.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { importDisplayModule, importWorkerModule, workerEdits } from './pdfjs-edits.js';
import { InProcessPort } from './worker-port.js';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

const packageDir = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
/** Folder URLs must end in "/": pdfjs appends file names to them. */
const CMAP_URL = join(packageDir, 'cmaps') + '/';
const STANDARD_FONT_URL = join(packageDir, 'standard_fonts') + '/';
const WASM_URL = join(packageDir, 'wasm') + '/';

// Bytes of CMaps (a Chinese one is ~45 KB, loaded by every document with non-embedded Chinese fonts),
// standard fonts and wasm decoders, shared by all documents of the process. Bounded by the package's files.
const binaryCache = new Map<string, Promise<Uint8Array>>();

/**
 * pdfjs 5 asks its BinaryDataFactory for CMaps, standard font data and wasm (api.js getDocument). This one
 * reads them from the installed package once per process. The bytes are copied when pdfjs posts them to
 * its (in-process) worker, so the cached array is never detached.
 */
class CachedBinaryDataFactory {
  private readonly urls: Record<string, string | null>;
  constructor(options: { cMapUrl?: string | null; standardFontDataUrl?: string | null; wasmUrl?: string | null }) {
    this.urls = { cMapUrl: options.cMapUrl ?? null, standardFontDataUrl: options.standardFontDataUrl ?? null, wasmUrl: options.wasmUrl ?? null };
  }
  fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const base = this.urls[kind];
    if (!base) return Promise.reject(new Error(`No folder configured for pdfjs ${kind}`));
    const path = base + filename;
    let data = binaryCache.get(path);
    if (!data) {
      data = readFile(path).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
      data.catch(() => binaryCache.delete(path));
      binaryCache.set(path, data);
    }
    return data;
  }
}

/** A FontLoader that loads nothing: what pdfjs's own does for a font with disableFontFace set. */
const NO_FONT_LOADING = { bind: (): Promise<void> => Promise.resolve(), clear: (): void => undefined };

/**
 * With disableFontFace false, the display side of pdfjs would install every font it receives into the
 * DOM document as a @font-face (FontLoader.bind: ~100 KB of font per WPS font turned into base64 by the
 * core-js toBase64 polyfill, 10 % of the time on the corpus) — and, with no document in Node, fail and
 * ask the worker to build the glyph outlines after all (FontFallback). Nothing is rendered here, so the
 * document's loader is replaced by one that loads nothing, before any page (and so any font) is read.
 * A pure speed measure over a pdfjs internal (pinned 5.6.205): if a pdfjs upgrade renames it, fonts
 * fall back to outlines as above and only speed is lost (pdfjs.test.ts notices).
 */
function skipFontLoading(doc: PDFDocumentProxy): void {
  const transport = (doc as unknown as { _transport?: { fontLoader?: unknown } })._transport;
  if (transport?.fontLoader) transport.fontLoader = NO_FONT_LOADING;
}

/** For tests: whether the speed measure of skipFontLoading is in place on `doc`. */
export function fontLoadingSkipped(doc: PDFDocumentProxy): boolean {
  return (doc as unknown as { _transport?: { fontLoader?: unknown } })._transport?.fontLoader === NO_FONT_LOADING;
}

let loading: Promise<Pdfjs> | undefined;
/** One in-process pdfjs worker serves every document of the process (pdfjs keeps them apart by docId). */
let sharedWorker: { worker: InstanceType<Pdfjs['PDFWorker']>; port: InProcessPort } | undefined;

/**
 * The legacy build installs core-js polyfills over Array.prototype.push and JSON.parse/stringify, in
 * pdf.mjs and again in pdf.worker.mjs (measured: the polyfilled push alone was 17 % of the time spent on
 * the WPS reports of the corpus, and it slows every other module of the process too). Node 20 has
 * conforming natives, so they are put back once both modules are loaded.
 */
async function importPdfjs(): Promise<Pdfjs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  // Both modules load with the edits of pdfjs-edits.ts (display: no canvas library; worker: reading text),
  // before the natives are restored; the worker runs on this thread behind a port that skips copies of
  // operator lists (worker-port.ts).
  const pdfjs = await importDisplayModule();
  const { WorkerMessageHandler } = await importWorkerModule();
  const port = new InProcessPort(workerEdits.includes('fresh-chunk-arrays'));
  WorkerMessageHandler.initializeFromPort(port);
  // verbosity: the worker takes its level from here, not from getDocument.
  sharedWorker = { worker: new pdfjs.PDFWorker({ port: port as never, verbosity: pdfjs.VerbosityLevel.ERRORS }), port };
  Array.prototype.push = natives.push;
  JSON.parse = natives.parse;
  JSON.stringify = natives.stringify;
  return pdfjs;
}

export function loadPdfjs(): Promise<Pdfjs> {
  loading ??= importPdfjs();
  return loading;
}

/**
 * Open a PDF; rejects with pdfjs's PasswordException / InvalidPDFException / … (index.ts maps them).
 * Images are left out of the operator lists unless `images` is set: pdfjs decodes every image it meets
 * there (a 300 dpi A4 scan: ~0.5 s and 35 MB a page), and text and rules need none of them.
 */
export async function openPdf(bytes: Uint8Array, options: { images?: boolean } = {}): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfjs();
  const task = pdfjs.getDocument({
    // pdfjs transfers (detaches) the buffer it is given: always hand it a private copy.
    data: new Uint8Array(bytes),
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_URL,
    wasmUrl: WASM_URL,
    BinaryDataFactory: CachedBinaryDataFactory,
    isEvalSupported: false,
    // pdfjs drops an image of more pixels than this before decoding it (0: all of them); -1: no limit.
    maxImageSize: options.images ? -1 : 0,
    // false, so that pdfjs does not build an outline for every glyph shown (PartialEvaluator.handleText →
    // buildFontPaths runs when disableFontFace is true: a copy of the font, its glyf table cut into
    // subarrays, each glyph compiled and posted): outlines only serve canvas rendering, which never
    // happens here. The display side's @font-face loading is switched off in skipFontLoading.
    disableFontFace: false,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    worker: sharedWorker!.worker,
  });
  try {
    const doc = await task.promise;
    skipFontLoading(doc);
    return doc;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw err;
  }
}

/** For tests: listeners on the shared worker's port (two, the worker's and the display side's, when no document is open). */
export function workerListenerCount(): number {
  return sharedWorker?.port.listenerCount ?? 0;
}

/** For tests: how many binary files (CMaps, fonts) the process has read so far. */
export function cachedBinaryCount(): number {
  return binaryCache.size;
}
