// Every bundled corpus document: its bytes are the ones the manifest names, its report matches the golden
// file reviewed by hand (test/golden/<id>.report.json, plus <id>.ir.txt for review), and every value of its
// hand-checked truth file comes out exact. A missing golden is a failure; UPDATE_GOLDEN=1 rewrites them
// (refused under CI).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dumpModel } from '../src/model/dump.js';
import { convertDocument, type Outcome } from '../src/pipeline.js';
import { Report } from '../src/schema/report.js';
import { corpus, corpusPath, ROOT } from './support/corpus.js';
import { compareTruth } from './support/truth.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';
if (UPDATE && process.env.CI) throw new Error('UPDATE_GOLDEN is refused under CI: golden files are reviewed by hand');

/** The report as stored in a golden file: the generator version is left out so a version bump is not a diff. */
function goldenForm(report: Report): unknown {
  return { ...report, generator: { name: report.generator.name, version: '(any)' } };
}

function expectGolden(file: string, actual: string): void {
  const path = `${ROOT}test/golden/${file}`;
  if (UPDATE) writeFileSync(path, actual);
  if (!existsSync(path)) throw new Error(`Missing golden file test/golden/${file}: run UPDATE_GOLDEN=1 npm test, then review it by hand`);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

for (const entry of corpus) {
  describe(entry.id, () => {
    let outcome: Outcome | undefined;
    const convert = async () => {
      outcome ??= await convertDocument(readFileSync(corpusPath(entry)), { path: `corpus/${entry.file}` });
      return outcome;
    };

    it('is the file the manifest names', () => {
      expect(createHash('sha256').update(readFileSync(corpusPath(entry))).digest('hex')).toBe(entry.sha256);
    });

    it('converts to a valid report in the expected format', async () => {
      const { report, status } = await convert();
      expect(Report.parse(report)).toBeTruthy();
      expect(report.source.format).toBe(entry.format);
      expect(status).not.toBe('failed');
    });

    if (entry.truth) {
      it('gives every hand-checked truth value exactly', async () => {
        const truth = JSON.parse(readFileSync(`${ROOT}${entry.truth}`, 'utf8')) as object;
        expect(compareTruth((await convert()).report, truth)).toEqual([]);
      });
    }

    it('matches its reviewed golden report and document model', async () => {
      const { report, model } = await convert();
      expect(model).toBeDefined();
      expectGolden(`${entry.id}.ir.txt`, dumpModel(model!));
      expectGolden(`${entry.id}.report.json`, `${JSON.stringify(goldenForm(report), null, 2)}\n`);
    });
  });
}
