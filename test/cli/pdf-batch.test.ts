// The PDF batch of the PDF issue: bad PDFs beside good ones, through the compiled CLI.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareTruth } from '../support/truth.js';
import { buildCli, readJson, readManifestLines, runCli, tempDir } from './helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
let main: string;
beforeAll(() => {
  main = buildCli('pdf-batch');
});

describe('a batch of good and bad PDFs', () => {
  it('fails the empty, truncated and user-password PDFs with their codes, reads the good and owner-password-only ones exactly, exits 1', async () => {
    const work = tempDir('pdfs');
    writeFileSync(join(work, 'empty.pdf'), '');
    writeFileSync(join(work, 'truncated.pdf'), readFileSync(`${ROOT}corpus/huaian-hongze-2023.pdf`).subarray(0, 100_000));
    copyFileSync(`${ROOT}test/fixtures/pdf/user-password.pdf`, join(work, 'encrypted.pdf'));
    copyFileSync(`${ROOT}test/fixtures/pdf/huaian-hongze-2023-owner-only.pdf`, join(work, 'owner-only.pdf'));
    copyFileSync(`${ROOT}corpus/huaian-hongze-2023.pdf`, join(work, 'good-2023.pdf'));
    copyFileSync(`${ROOT}corpus/seed-2023.pdf`, join(work, 'good-seed.pdf'));
    const out = join(work, 'out');
    const result = await runCli(main, ['extract', work, '--out', out, '--jobs', '2', '--quiet']);
    expect(result.code).toBe(1);
    const codes = Object.fromEntries(readManifestLines(out).map((m) => [m.output, m.error?.code ?? m.status]));
    expect(codes).toEqual({
      'empty.pdf.json': 'input.empty',
      'encrypted.pdf.json': 'pdf.encrypted',
      'good-2023.pdf.json': 'ok',
      'good-seed.pdf.json': 'ok',
      'owner-only.pdf.json': 'ok',
      'truncated.pdf.json': 'pdf.corrupt',
    });
    const truth2023 = JSON.parse(readFileSync(`${ROOT}test/truth/huaian-hongze-2023.json`, 'utf8')) as object;
    const truthSeed = JSON.parse(readFileSync(`${ROOT}test/truth/seed-2023.json`, 'utf8')) as object;
    expect(compareTruth(readJson(join(out, 'owner-only.pdf.json')), truth2023)).toEqual([]);
    expect(compareTruth(readJson(join(out, 'good-2023.pdf.json')), truth2023)).toEqual([]);
    expect(compareTruth(readJson(join(out, 'good-seed.pdf.json')), truthSeed)).toEqual([]);
    // Every number carries its page and box.
    const report = readJson<{ provenance: Record<string, { page?: number; bbox?: number[] }> }>(join(out, 'owner-only.pdf.json'));
    expect(Object.values(report.provenance).every((p) => p.page !== undefined && p.bbox?.length === 4)).toBe(true);
    expect(result.stderr).toMatch(/ok 3, partial 0, failed 3 in/);
  });
});
