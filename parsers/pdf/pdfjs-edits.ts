// Loading pdfjs's two modules (legacy build, pinned 5.6.205) — the display side (pdf.mjs) and the worker
// (pdf.worker.mjs), both run on this thread — with changes for reading text, for speed and memory. pdfjs has
// no options for them, so each module's source is edited before it is imported, the installed files
// untouched. Every edit keeps the module's line count (stack traces keep their line numbers). An edit whose
// anchor a pdfjs upgrade has moved is left out, and a module that does not load edited is loaded
// unchanged: output stays the same and only speed is lost (pdfjs.test.ts notices).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORKER_SPECIFIER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
const DISPLAY_SPECIFIER = 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfjsEdit =
  | 'text-only-fonts' | 'native-inflate' | 'no-transfer-lists' | 'sparse-cmap-walk' | 'flat-eval-state' | 'fresh-chunk-arrays'
  | 'no-fetch-polyfill' | 'shared-builtin-cmaps' | 'no-canvas' | 'quiet-load';

interface Replacement {
  /** Text that must occur exactly once in the module. */
  find: string;
  replace: string;
}

export interface SourceEdit {
  name: PdfjsEdit;
  /** Code put before the module's first line (a comment), on that same line. */
  prefix?: string;
  replacements: Replacement[];
}

/**
 * 1. Text-only fonts. pdfjs parses and repairs every embedded font program (Font → checkAndRepair: tables
 *    read, glyph locations sanitized, a new font file assembled) for canvas rendering. WPS and Word subset
 *    fonts keep every glyph slot of the full Chinese font (~30k): 25–30 % of the time on the WPS reports of
 *    the corpus. Reading text needs none of it for a TrueType (FontFile2) font with a ToUnicode map: in
 *    pdfjs's Font._charToGlyph a glyph's text is then toUnicode.get(charcode) and its width comes from the
 *    PDF's /W or /Widths; the program decides only the glyph drawn (fontChar), and its other uses
 *    (adjustTrueTypeToUnicode, a non-identity FontMatrix) do not apply to a TrueType font with a ToUnicode
 *    map. One difference: for a vertical font without its program pdfjs gives punctuation as vertical
 *    presentation forms (︵ for （), which text-items.ts turns back. Fonts without a ToUnicode map, Type1
 *    and CFF (FontFile/FontFile3) fonts are parsed as before.
 */
export const TEXT_ONLY_FONTS: SourceEdit = {
  name: 'text-only-fonts',
  replacements: [{
    find: 'return new Font(fontName.name, fontFile, newProperties, this.options);',
    replace: 'return new Font(fontName.name, descriptor.has("FontFile2") && newProperties.hasIncludedToUnicodeMap ? null : fontFile, newProperties, this.options);',
  }],
};

/** Largest stream (bytes, inflated) that zlib decodes here; a larger one goes to pdfjs's decoder as before. */
export const NATIVE_INFLATE_MAX_BYTES = 256 * 1024 * 1024;

/**
 * 2. Native inflate. pdfjs 5 inflates FlateDecode streams through the web DecompressionStream when there is
 *    one (in Node a zlib stream behind web-stream adapters, whose plumbing costs more than the inflating on
 *    a report's small streams), else with its own decoder in JavaScript (~9 % of a WPS report's time). Here
 *    a FlateStream reads synchronously (isAsync false) and its first readBlock inflates the whole stream
 *    with Node's zlib (inflateRawSync: pdfjs has read the 2-byte header; the Adler-32 trailer is not
 *    checked, as by pdfjs). Z_SYNC_FLUSH keeps what a truncated stream holds. Data zlib rejects, or more
 *    than NATIVE_INFLATE_MAX_BYTES, goes to pdfjs's own decoder from the same position, as before.
 *    pdfjs asks every embedded font program whether it is empty, which read one block with its decoder and
 *    would inflate the whole program here (1.4 MB a WPS report, ~10 % of its time, for programs mostly left
 *    unread by edit 1): isEmpty inflates the first 4 KB only.
 */
export const NATIVE_INFLATE: SourceEdit = {
  name: 'native-inflate',
  prefix: [
    'const gongkaiZlib = process.getBuiltinModule("zlib");',
    'function gongkaiInflate(flate) {',
    ' const source = flate.stream, start = source.pos;',
    ' try {',
    `  const out = gongkaiZlib.inflateRawSync(source.getBytes(), { finishFlush: gongkaiZlib.constants.Z_SYNC_FLUSH, maxOutputLength: ${NATIVE_INFLATE_MAX_BYTES} });`,
    // A small result shares Node's buffer pool: pdfjs may transfer a stream's buffer, so it gets its own.
    '  flate.buffer = out.byteOffset === 0 && out.byteLength === out.buffer.byteLength ? new Uint8Array(out.buffer) : new Uint8Array(out);',
    '  flate.bufferLength = out.length; flate.eof = true; return true;',
    ' } catch { source.pos = start; return false; }',
    '}',
    // isEmpty (pdfjs asks it of every font program) inflates the first 4 KB, which give some bytes unless
    // the stream is empty; output over 1 MB (Node then throws, slowly) also means it is not.
    'function gongkaiIsEmpty(flate) {',
    ' if (flate.gongkaiTried || flate.bufferLength > 0 || flate.eof) return undefined;',
    ' const source = flate.stream, start = source.pos;',
    ' try {',
    '  const bytes = source.getBytes();',
    '  const head = gongkaiZlib.inflateRawSync(bytes.subarray(0, 4096), { finishFlush: gongkaiZlib.constants.Z_SYNC_FLUSH, maxOutputLength: 1048576 });',
    '  if (head.length > 0) return false;',
    '  return bytes.length <= 4096 ? true : undefined;',
    ' } catch (e) { return e?.code === "ERR_BUFFER_TOO_LARGE" ? false : undefined; }',
    ' finally { source.pos = start; }',
    '} ',
  ].join(''),
  replacements: [
    {
      find: 'class FlateStream extends DecodeStream {\n  #isAsync = true;',
      replace: 'class FlateStream extends DecodeStream {\n  #isAsync = false; get isEmpty() { return gongkaiIsEmpty(this) ?? super.isEmpty; }',
    },
    {
      find: '  readBlock() {\n    let buffer, hdr, len;\n    const str = this.stream;',
      replace: '  readBlock() {\n    if (!this.gongkaiTried && (this.gongkaiTried = true) && gongkaiInflate(this)) return; let buffer, hdr, len;\n    const str = this.stream;',
    },
  ],
};

/**
 * 3. No transfer lists. Each operator-list chunk is posted with the list of its buffers to transfer, found by
 *    walking every operator of the chunk (OperatorList._transfers, ~2 % of the time). The in-process port
 *    (worker-port.ts) hands chunks over without copying, so it needs no such list.
 */
export const NO_TRANSFER_LISTS: SourceEdit = {
  name: 'no-transfer-lists',
  replacements: [{ find: '}, 1, this._transfers);', replace: '}, 1, []);' }],
};

/**
 * 4. Sparse CMap walks. CMap.forEach visits codes 0 … length−1 of its map, an array indexed by character
 *    code, to find the few hundred codes a ToUnicode map of a subset font holds (codes up to ~30,000 in WPS
 *    output): ~5 % of the time. Object.keys gives the same codes in the same (ascending) order. The
 *    ToUnicodeMap made from it is walked with for…in (~2.5 %); Array.prototype.forEach visits the same
 *    entries in the same order, three times as fast, passing each code as a number instead of a string
 *    (its four callers index arrays with it, or convert it with +).
 */
export const SPARSE_CMAP_WALK: SourceEdit = {
  name: 'sparse-cmap-walk',
  replacements: [
    {
      find: '    if (length <= 0x10000) {\n      for (let i = 0; i < length; i++) {\n        if (map[i] !== undefined) {\n          callback(i, map[i]);',
      replace: '    if (length <= 0x10000) {\n      for (const key of Object.keys(map)) { const i = Number(key); if (!(i < length)) continue;\n        if (map[i] !== undefined) {\n          callback(i, map[i]);',
    },
    {
      find: '  forEach(callback) {\n    for (const charCode in this._map) {\n      callback(charCode, this._map[charCode].codePointAt(0));\n    }\n  }',
      replace: '  forEach(callback) {\n    this._map.forEach((unicode, charCode) => {\n      callback(charCode, unicode.codePointAt(0));\n    });\n  }',
    },
  ],
};

/**
 * 5. Flat graphics states. The evaluator's EvalState.clone (every q, form XObject and soft mask) returns
 *    Object.create(this): a new object whose prototype is the state saved. Each state then has its own
 *    prototype, so V8 gives every one its own maps and the evaluator's property accesses on states go
 *    megamorphic (~4 % in the colour-space setters and clone alone). A copy of the state's own fields on
 *    EvalState's prototype reads the same: a saved state is not written while its copy is in use (q pushes
 *    it, Q pops the copy; a form is evaluated before its page goes on), and the arrays the two share by
 *    reference (path buffer, bounds) are shared by the prototype chain just the same.
 */
export const FLAT_EVAL_STATE: SourceEdit = {
  name: 'flat-eval-state',
  replacements: [{
    find: '  } = {}) {\n    const clone = Object.create(this);',
    replace: '  } = {}) {\n    const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);',
  }],
};

/**
 * 6. Fresh chunk arrays. OperatorList.flush posts its fnArray/argsArray and then empties them in place
 *    (length = 0), so a port that does not copy must slice them first (worker-port.ts). Giving the list new
 *    arrays instead leaves the posted ones to the receiver, and the port passes chunks on as they are.
 */
export const FRESH_CHUNK_ARRAYS: SourceEdit = {
  name: 'fresh-chunk-arrays',
  replacements: [{
    find: '    this.fnArray.length = 0;\n    this.argsArray.length = 0;\n    this.weight = 0;',
    replace: '    this.fnArray = [];\n    this.argsArray = [];\n    this.weight = 0;',
  }],
};

/**
 * 7. No fetch polyfill (both modules). Each module adds Response.prototype.bytes where it is missing (Node
 *    20); merely naming Response makes Node load its fetch implementation (undici), ~30 ms per thread.
 *    Documents reach pdfjs as bytes and its files through our BinaryDataFactory: nothing is fetched.
 */
export const NO_FETCH_POLYFILL: SourceEdit = {
  name: 'no-fetch-polyfill',
  replacements: [{ find: 'if (typeof Response.prototype.bytes !== "function") {', replace: 'if (false) { // gongkai: nothing is fetched' }],
};

/**
 * 8. Shared built-in CMaps. A document whose Chinese fonts are not embedded names one of the CMaps that
 *    ship with pdfjs (UniGB-UCS2-H and the like, tens of thousands of codes); for every document pdfjs
 *    parses it again, and parses Adobe-GB1-UCS2 to turn it into a ToUnicode map (together 60 % of the time
 *    on such a one-page document). Both depend only on the CMaps' names and the installed files, and pdfjs
 *    only reads a CMap once made: each parse is kept for the thread (pdfjs ships ~170 CMaps), and each
 *    derived ToUnicode map too, handed out as a copy (pdfjs amends some).
 */
export const SHARED_BUILTIN_CMAPS: SourceEdit = {
  name: 'shared-builtin-cmaps',
  prefix: [
    'const gongkaiCMaps = new Map(), gongkaiToUnicodes = new WeakMap();',
    'function gongkaiSharedCMap(name, make) {',
    ' let cMap = gongkaiCMaps.get(name);',
    ' if (!cMap) { cMap = make(); gongkaiCMaps.set(name, cMap); cMap.catch(() => gongkaiCMaps.delete(name)); }',
    ' return cMap;',
    '}',
    'function gongkaiSharedToUnicode(cMap, ordering) { return cMap.builtInCMap ? gongkaiToUnicodes.get(cMap)?.get(ordering)?.slice() : undefined; }',
    'function gongkaiKeepToUnicode(cMap, ordering, toUnicode) {',
    ' if (!cMap.builtInCMap) return;',
    ' if (!gongkaiToUnicodes.has(cMap)) gongkaiToUnicodes.set(cMap, new Map());',
    ' gongkaiToUnicodes.get(cMap).set(ordering, toUnicode.slice());',
    '} ',
  ].join(''),
  replacements: [
    {
      find: 'async function createBuiltInCMap(name, fetchBuiltInCMap) {',
      replace: 'function createBuiltInCMap(name, fetchBuiltInCMap) { return gongkaiSharedCMap(name, () => parseBuiltInCMap(name, fetchBuiltInCMap)); } async function parseBuiltInCMap(name, fetchBuiltInCMap) {',
    },
    {
      find: '      const toUnicode = [],\n        buf = [];\n      properties.cMap.forEach(function (charcode, cid) {',
      replace: '      const shared = gongkaiSharedToUnicode(properties.cMap, `${registry}-${ordering}`); if (shared) return new ToUnicodeMap(shared); const toUnicode = [],\n        buf = [];\n      properties.cMap.forEach(function (charcode, cid) {',
    },
    {
      find: '      return new ToUnicodeMap(toUnicode);\n    }\n    return new IdentityToUnicodeMap(properties.firstChar, properties.lastChar);',
      replace: '      gongkaiKeepToUnicode(properties.cMap, `${registry}-${ordering}`, toUnicode); return new ToUnicodeMap(toUnicode);\n    }\n    return new IdentityToUnicodeMap(properties.firstChar, properties.lastChar);',
    },
  ],
};

export const WORKER_EDITS: readonly SourceEdit[] = [TEXT_ONLY_FONTS, NATIVE_INFLATE, NO_TRANSFER_LISTS, SPARSE_CMAP_WALK, FLAT_EVAL_STATE, FRESH_CHUNK_ARRAYS, NO_FETCH_POLYFILL, SHARED_BUILTIN_CMAPS];

/**
 * 9. No canvas (display module). In Node pdf.mjs loads @napi-rs/canvas, a 33 MB native library, for the
 *    DOMMatrix, ImageData and Path2D that canvas rendering needs: ~60 ms per thread and 32 MB of memory.
 *    Nothing is rendered here; the one DOMMatrix the module makes at load time is the canvas code's.
 */
export const NO_CANVAS: SourceEdit = {
  name: 'no-canvas',
  replacements: [
    { find: '      canvas = require("@napi-rs/canvas");', replace: '      canvas = null; // gongkai: nothing is rendered' },
    { find: 'const SCALE_MATRIX = new DOMMatrix();', replace: 'const SCALE_MATRIX = null; // gongkai: canvas rendering only' },
  ],
};

/**
 * 10. Quiet load (display module). Without the canvas library pdf.mjs warns at load time that rendering may
 *    be broken, before any verbosity can be set; it starts at the level openPdf sets anyway (errors only).
 */
export const QUIET_LOAD: SourceEdit = {
  name: 'quiet-load',
  replacements: [{ find: 'let verbosity = VerbosityLevel.WARNINGS;', replace: 'let verbosity = VerbosityLevel.ERRORS;' }],
};

export const DISPLAY_EDITS: readonly SourceEdit[] = [NO_CANVAS, QUIET_LOAD, NO_FETCH_POLYFILL];

export interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

/** The edits the loaded modules carry (for tests). */
export let workerEdits: readonly PdfjsEdit[] = [];
export let displayEdits: readonly PdfjsEdit[] = [];

/** Where each replacement of `edit` goes in `source`, or null when one of its anchors is not there exactly once. */
function locate(source: string, edit: SourceEdit): { at: number; find: string; replace: string }[] | null {
  const spots: { at: number; find: string; replace: string }[] = [];
  for (const { find, replace } of edit.replacements) {
    const at = source.indexOf(find);
    if (at < 0 || source.indexOf(find, at + 1) >= 0) return null;
    spots.push({ at, find, replace });
  }
  if (edit.prefix !== undefined && !source.startsWith('/*')) return null; // the prefix shares the licence comment's line
  return spots;
}

/**
 * The source with every edit that applies, and which ones did. Anchors are found in the unedited source
 * and the result is joined once: the worker module is 2.3 MB, and editing it step by step took 25–35 ms.
 */
export function editSource(source: string, edits: readonly SourceEdit[]): { source: string; edits: PdfjsEdit[] } {
  const applied: PdfjsEdit[] = [];
  const spots: { at: number; find: string; replace: string }[] = [];
  let prefix = '';
  for (const edit of edits) {
    const found = locate(source, edit);
    if (found === null) continue;
    applied.push(edit.name);
    spots.push(...found);
    prefix += edit.prefix ?? '';
  }
  spots.sort((a, b) => a.at - b.at);
  const parts: string[] = [prefix];
  let from = 0;
  for (const spot of spots) {
    // Two edits over the same text would not combine: importEdited then loads the module unedited.
    if (spot.at < from) throw new Error(`pdfjs edits overlap at offset ${spot.at}`);
    parts.push(source.slice(from, spot.at), spot.replace);
    from = spot.at + spot.find.length;
  }
  parts.push(source.slice(from));
  return { source: parts.join(''), edits: applied };
}

export async function importWorkerModule(): Promise<WorkerModule> {
  const { module, edits } = await importEdited<WorkerModule>(WORKER_SPECIFIER, WORKER_EDITS);
  workerEdits = edits;
  return module;
}

export async function importDisplayModule(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const { module, edits } = await importEdited<typeof import('pdfjs-dist/legacy/build/pdf.mjs')>(DISPLAY_SPECIFIER, DISPLAY_EDITS);
  displayEdits = edits;
  return module;
}

async function importEdited<M>(specifier: string, edits: readonly SourceEdit[]): Promise<{ module: M; edits: PdfjsEdit[] }> {
  const path = createRequire(import.meta.url).resolve(specifier);
  try {
    const edited = editSource(await readFile(path, 'utf8'), edits);
    if (edited.edits.length > 0) {
      // Stack traces name the installed file (same line numbers), not the temporary copy. The module's
      // relative sourceMappingURL (its last line) would point into the temp folder: dropped.
      const mapLine = edited.source.lastIndexOf('\n//# sourceMappingURL=');
      const source = mapLine >= 0 && !edited.source.slice(mapLine + 1).trimEnd().includes('\n') ? edited.source.slice(0, mapLine + 1) : edited.source;
      const module = await importFromTempFile<M>(`${source}\n//# sourceURL=${pathToFileURL(path).href}\n`, basename(path));
      return { module, edits: edited.edits };
    }
  } catch {
    // No writable temp folder, or edits that no longer fit this pdfjs: the unchanged module below.
  }
  return { module: (await import(specifier)) as M, edits: [] };
}

/**
 * Import module source from a file in a private temp folder (mkdtemp: mode 0700), removed once loaded.
 * Neither module imports anything, and neither takes paths from its own URL on the way gongkai uses it
 * (wasm and font data come from the folders openPdf passes; documents come as bytes), so each runs the same
 * from there. Not a data: URL: that kept ~30 MB more per worker thread (measured on a batch of 120 PDFs,
 * 2 workers: 423–428 MB against 353–370 MB).
 */
async function importFromTempFile<M>(source: string, name: string): Promise<M> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdfjs-'));
  try {
    const file = join(dir, name);
    await writeFile(file, source);
    return (await import(pathToFileURL(file).href)) as M;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
