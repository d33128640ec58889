// The bundled corpus (corpus/manifest.json) as tests and tools see it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CorpusEntry {
  id: string;
  file: string;
  sha256: string;
  source: string;
  format: string;
  year: number | null;
  about: string;
  /** Hand-checked truth values (test/truth/*.json), when the corpus README maps one to this document. */
  truth?: string;
}

export const corpus: CorpusEntry[] = JSON.parse(readFileSync(`${ROOT}corpus/manifest.json`, 'utf8')) as CorpusEntry[];

export const corpusPath = (e: CorpusEntry) => `${ROOT}corpus/${e.file}`;
