// Loading pdfjs's worker module (legacy build, pinned 5.6.205) with two speed changes for reading text.
// pdfjs has no options for them, so the module's source is edited before it is imported, the installed file
// untouched. An edit whose anchor a pdfjs upgrade has moved is left out, and a module that does not load
// edited is loaded unchanged: output stays the same and only speed is lost (pdfjs.test.ts notices).
//
// 1. Text-only fonts. pdfjs parses and repairs every embedded font program (Font → checkAndRepair: tables
//    read, glyph locations sanitized, a new font file assembled) for canvas rendering. WPS and Word subset
//    fonts keep every glyph slot of the full Chinese font (~30k): 25–30 % of the time on the WPS reports of
//    the corpus. Reading text needs none of it for a TrueType (FontFile2) font with a ToUnicode map: in
//    pdfjs's Font._charToGlyph a glyph's text is then toUnicode.get(charcode) and its width comes from the
//    PDF's /W or /Widths; the program decides only the glyph drawn (fontChar), and its other uses
//    (adjustTrueTypeToUnicode, a non-identity FontMatrix) do not apply to a TrueType font with a ToUnicode
//    map. One difference: for a vertical font without its program pdfjs gives punctuation as vertical
//    presentation forms (︵ for （), which text-items.ts turns back. Fonts without a ToUnicode map, Type1
//    and CFF (FontFile/FontFile3) fonts are parsed as before.
// 2. pdfjs's own inflate. pdfjs 5 inflates FlateDecode streams through the web DecompressionStream when
//    there is one; in Node that is a zlib stream behind web-stream adapters, and for the small streams of a
//    report (content streams, ToUnicode maps) their overhead outweighs the inflating (~10 % of a batch's
//    time in zlib callbacks and stream plumbing). A module-scope `DecompressionStream` that is undefined
//    hides the global from this module only, and pdfjs takes its own decoder — its only one before
//    version 5 and still its fallback (measured: batches 5–10 % faster, single documents no slower).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const WORKER_SPECIFIER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** PartialEvaluator.translateFont's last line, and the same with the font program left out where text does not need it. */
export const TEXT_ONLY_FONTS = {
  find: 'return new Font(fontName.name, fontFile, newProperties, this.options);',
  replace:
    'return new Font(fontName.name, descriptor.has("FontFile2") && newProperties.hasIncludedToUnicodeMap ? null : fontFile, newProperties, this.options);',
};

/** Put before the module's first line (a comment), on the same line, so that line numbers stay those of the installed file. */
export const OWN_INFLATE = 'const DecompressionStream = undefined; ';

export type WorkerEdit = 'text-only-fonts' | 'own-inflate';

export interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

/** The edits the loaded worker module carries (for tests and the benchmark). */
export let workerEdits: readonly WorkerEdit[] = [];

/** The worker module's source with TEXT_ONLY_FONTS applied, or null when the line is not there exactly once. */
export function withTextOnlyFonts(source: string): string | null {
  const at = source.indexOf(TEXT_ONLY_FONTS.find);
  if (at < 0 || source.indexOf(TEXT_ONLY_FONTS.find, at + 1) >= 0) return null;
  return source.slice(0, at) + TEXT_ONLY_FONTS.replace + source.slice(at + TEXT_ONLY_FONTS.find.length);
}

/** The source with every edit that applies, and which ones did. */
export function editWorkerSource(source: string): { source: string; edits: WorkerEdit[] } {
  const edits: WorkerEdit[] = [];
  const fonts = withTextOnlyFonts(source);
  if (fonts !== null) {
    source = fonts;
    edits.push('text-only-fonts');
  }
  // Only where pdfjs itself declares no such name at the top level (it would not load).
  if (source.startsWith('/*') && !/^(?:const|let|var|class|function)\s+DecompressionStream\b/m.test(source)) {
    source = OWN_INFLATE + source;
    edits.push('own-inflate');
  }
  return { source, edits };
}

export async function importWorkerModule(): Promise<WorkerModule> {
  const path = createRequire(import.meta.url).resolve(WORKER_SPECIFIER);
  const edited = editWorkerSource(await readFile(path, 'utf8'));
  if (edited.edits.length > 0) {
    try {
      // Stack traces name the installed file (same line numbers), not the temporary copy. The module's
      // relative sourceMappingURL would point into the temp folder: dropped.
      const url = pathToFileURL(path);
      const source = edited.source.replace(/\/\/# sourceMappingURL=\S+\s*$/, '');
      const module = await importFromTempFile(`${source}\n//# sourceURL=${url.href}\n`);
      workerEdits = edited.edits;
      return module;
    } catch {
      // No writable temp folder, or an edit that no longer fits this pdfjs: the unchanged module below.
    }
  }
  return (await import(WORKER_SPECIFIER)) as WorkerModule;
}

/**
 * Import module source from a file in a private temp folder (mkdtemp: mode 0700), removed once loaded.
 * The module imports nothing and takes no paths from its own URL (wasm and font data come from the
 * folders openPdf passes), so it runs the same from there. Not a data: URL: that kept ~30 MB more per
 * worker thread (measured on a batch of 120 PDFs, 2 workers: 423–428 MB against 353–370 MB).
 */
async function importFromTempFile(source: string): Promise<WorkerModule> {
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-pdfjs-'));
  try {
    const file = join(dir, 'pdf.worker.mjs');
    await writeFile(file, source);
    return (await import(pathToFileURL(file).href)) as WorkerModule;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
