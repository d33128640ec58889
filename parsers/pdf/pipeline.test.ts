// The PDF parser through the whole pipeline: every truth value of the corpus's PDFs comes out equal.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../../src/pipeline.js';

const corpus = (path: string) => fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url));

/** Paths of every leaf of `truth` whose value in `actual` differs. */
function differences(actual: unknown, truth: unknown, path: string): string[] {
  if (truth !== null && typeof truth === 'object') {
    return Object.entries(truth).flatMap(([k, v]) => differences((actual as Record<string, unknown> | undefined)?.[k], v, `${path}.${k}`));
  }
  return actual === truth ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(truth)}`];
}

describe.each([
  ['real/huaian-hongze-2023.pdf', 'huaian-hongze-2023'],
  ['fixtures/seed-2023.pdf', 'seed-2023'],
  ['fixtures/seed-2023-distinct.pdf', 'seed-2023-distinct'],
])('%s through convertDocument', (file, truthName) => {
  it('gives every value of the truth file', async () => {
    const outcome = await convertDocument(new Uint8Array(readFileSync(corpus(file))), { path: file });
    const truth = JSON.parse(readFileSync(corpus(`truth/${truthName}.json`), 'utf8')) as { data: unknown };
    expect(outcome.status).toBe('ok');
    expect(outcome.report.source.pages).toBe(5);
    expect(differences(outcome.report.data, truth.data, 'data')).toEqual([]);
  });
});
