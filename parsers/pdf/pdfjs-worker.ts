// Loading pdfjs's worker module (legacy build, pinned 5.6.205) with one speed change for reading text:
// embedded TrueType font programs that the text does not depend on are not parsed.
//
// pdfjs parses and repairs every embedded font program (Font → checkAndRepair: tables read, glyph locations
// sanitized, a new font file assembled) for canvas rendering. WPS and Word subset fonts keep every glyph
// slot of the full Chinese font (~30k), so this was 25–30 % of the time on the WPS reports of the corpus.
// Reading text needs none of it when the font is a TrueType (FontFile2) font with a ToUnicode map: in
// pdfjs's Font._charToGlyph a glyph's text is then toUnicode.get(charcode) and its width comes from the
// PDF's /W or /Widths; the program decides only the glyph drawn (fontChar), and its other uses
// (adjustTrueTypeToUnicode, a non-identity FontMatrix) do not apply to a TrueType font with a ToUnicode map.
// One difference: for a vertical font without its program pdfjs gives punctuation as vertical presentation
// forms (︵ for （), which text-items.ts turns back. Fonts without a ToUnicode map, Type1 and CFF
// (FontFile/FontFile3) fonts are parsed as before.
//
// pdfjs has no option for this, so the module's source gets one exact edit before it is imported (from a
// data: URL, the installed file untouched). If a pdfjs upgrade changes the line, the module is imported
// unchanged: output stays the same and only speed is lost (pdfjs.test.ts notices).
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const WORKER_SPECIFIER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** PartialEvaluator.translateFont's last line, and the same with the font program left out where text does not need it. */
export const TEXT_ONLY_FONTS = {
  find: 'return new Font(fontName.name, fontFile, newProperties, this.options);',
  replace:
    'return new Font(fontName.name, descriptor.has("FontFile2") && newProperties.hasIncludedToUnicodeMap ? null : fontFile, newProperties, this.options);',
};

export interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: unknown): void };
}

/** Whether the loaded worker module skips font programs (for tests and the benchmark). */
export let fontProgramsSkipped = false;

/** The worker module's source with TEXT_ONLY_FONTS applied, or null when the line is not there exactly once. */
export function withTextOnlyFonts(source: string): string | null {
  const at = source.indexOf(TEXT_ONLY_FONTS.find);
  if (at < 0 || source.indexOf(TEXT_ONLY_FONTS.find, at + 1) >= 0) return null;
  return source.slice(0, at) + TEXT_ONLY_FONTS.replace + source.slice(at + TEXT_ONLY_FONTS.find.length);
}

export async function importWorkerModule(): Promise<WorkerModule> {
  const path = createRequire(import.meta.url).resolve(WORKER_SPECIFIER);
  const patched = withTextOnlyFonts(await readFile(path, 'utf8'));
  if (patched === null) return (await import(WORKER_SPECIFIER)) as WorkerModule;
  // The module imports nothing and takes no paths from its own URL (wasm and font data come from the
  // folders openPdf passes), so it runs the same from a data: URL. sourceURL names the installed file in
  // stack traces and profiles (same line numbers) instead of 3 MB of base64.
  const source = `${patched}\n//# sourceURL=${pathToFileURL(path).href}\n`;
  const module = (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)) as WorkerModule;
  fontProgramsSkipped = true;
  return module;
}
