// Template reports generated with real tools (test/fixtures/README.md): every value exact in every format.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertDocument } from '../src/pipeline.js';
import { ROOT } from './support/corpus.js';
import { compareTruth, countLeaves } from './support/truth.js';

const dir = `${ROOT}test/fixtures/generated/`;

for (const stem of ['tpl2019-blanks', 'tpl2021-blanks', 'tpl2019-variants', 'tpl2021-variants']) {
  const truth = JSON.parse(readFileSync(`${dir}${stem}.truth.json`, 'utf8')) as { data: object };
  describe(stem, () => {
    for (const ext of ['html', 'docx', 'pdf']) {
      it(`gives all ${countLeaves(truth)} truth values from the ${ext.toUpperCase()}, blanks as null`, async () => {
        const { report, status } = await convertDocument(readFileSync(`${dir}${stem}.${ext}`), { path: `${stem}.${ext}` });
        expect(status).toBe('ok');
        expect(report.source.format).toBe(ext);
        expect(compareTruth(report, truth)).toEqual([]);
        // Every value, null or not, says where it was read.
        const paths = Object.keys(report.provenance).filter((p) => p.startsWith('data.'));
        expect(paths.length).toBe(countLeaves(truth.data) - 2); // minus the two `template` strings
      });
    }
  });
}
