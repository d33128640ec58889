// Dev tool: convert every corpus document with a truth file and print how many values are exact.
// Usage: npx vitest run test/truth-report.test.ts  (or import from a script)
import { readFileSync } from 'node:fs';
import { convertDocument } from '../src/pipeline.js';
import { corpus, corpusPath, ROOT } from './support/corpus.js';
import { compareTruth, countLeaves } from './support/truth.js';

export async function truthReport(only?: RegExp): Promise<{ id: string; exact: number; total: number; diffs: string[] }[]> {
  const rows = [];
  for (const entry of corpus.filter((e) => e.truth && (!only || only.test(e.id)))) {
    const truth = JSON.parse(readFileSync(`${ROOT}${entry.truth}`, 'utf8')) as object;
    const { report } = await convertDocument(readFileSync(corpusPath(entry)), { path: `corpus/${entry.file}` });
    const diffs = compareTruth(report, truth);
    rows.push({ id: entry.id, exact: countLeaves(truth) - diffs.length, total: countLeaves(truth), diffs: diffs.map((d) => `${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual)}`) });
  }
  return rows;
}
