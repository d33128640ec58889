// gongkai dataset end to end: extract real corpus documents, build the dataset, and check every CSV value
// against the report JSON it came from.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, fixture, listFiles, parseCsv, readJson, readManifestLines, real, runCli, tempDir } from './helpers.js';

interface ReportLike {
  status: string;
  source: { sha256: string; format: string };
  report: { title: string | null; agency: string | null; year: number | null; template: string };
  checks: { ok: boolean | null }[];
  data: Record<string, unknown>;
}

const INPUTS = [
  real('pingtan-2017.html'), real('pingtan-2019.html'), real('pingtan-2021.html'), real('pingtan-2023.html'),
  real('pingdingshan-shangwu-2023.txt'), real('huaian-hongze-2023.pdf'), fixture('seed-2023.docx'), fixture('seed-2023-gbk.html'),
];

let main: string;
let reportsDir: string;
let ds: string;
let stderr: string;
let code: number | null;

beforeAll(async () => {
  main = buildCli('dataset');
  const work = tempDir('dataset');
  reportsDir = join(work, 'reports');
  await runCli(main, ['extract', ...INPUTS, '--out', reportsDir, '--quiet']);
  writeFileSync(join(reportsDir, 'not-a-report.json'), '{"hello": "world"}');
  writeFileSync(join(reportsDir, 'broken-report.json'), JSON.stringify({ schemaVersion: 1, status: 'ok' }));
  ds = join(work, 'ds');
  ({ stderr, code } = await runCli(main, ['dataset', reportsDir, '--out', ds]));
});

/** Every number leaf (or null) of a report's data, keyed by its path without "data.". */
function leaves(node: unknown, prefix = ''): Map<string, number | null> {
  const out = new Map<string, number | null>();
  const walk = (n: unknown, p: string) => {
    if (typeof n === 'number' || (n === null && p.includes('.'))) out.set(p, n as number | null);
    else if (n && typeof n === 'object') for (const [k, v] of Object.entries(n)) walk(v, p ? `${p}.${k}` : k);
  };
  walk(node, prefix);
  return out;
}

const cellText = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));

describe('gongkai dataset', () => {
  it('writes the four files, warns about the invalid report by name and exits 0', () => {
    expect(code).toBe(0);
    expect(listFiles(ds)).toEqual(['reports.csv', 'reports.jsonl', 'schema.json', 'values.csv']);
    expect(stderr).toMatch(/warning: skipped broken-report\.json: does not match the report schema/);
    expect(stderr).not.toContain('not-a-report.json');
  });

  it('starts both CSV files with a UTF-8 BOM', () => {
    for (const f of ['reports.csv', 'values.csv']) expect([...readFileSync(join(ds, f)).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('has one reports.csv row per report, whose cells equal the report JSON', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(ds, 'reports.csv'), 'utf8').slice(1));
    const manifest = readManifestLines(reportsDir);
    expect(rows.map((r) => r[0])).toEqual(manifest.map((m) => m.output).sort());
    for (const row of rows) {
      const report = readJson<ReportLike>(join(reportsDir, row[0]!));
      const cell = (name: string) => row[header!.indexOf(name)];
      expect(cell('source.sha256')).toBe(report.source.sha256);
      expect(cell('report.agency')).toBe(report.report.agency ?? '');
      expect(cell('report.year')).toBe(cellText(report.report.year));
      expect(cell('status')).toBe(report.status);
      expect(cell('checks.failed')).toBe(String(report.checks.filter((c) => c.ok === false).length));
      const values = leaves(report.data);
      for (const name of header!.slice(9)) expect(cell(name), `${row[0]} ${name}`).toBe(cellText(values.get(name)));
    }
  });

  it('has one values.csv row per value of each report, equal to the JSON', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(ds, 'values.csv'), 'utf8').slice(1));
    expect(header).toEqual(['file', 'agency', 'year', 'table', 'row', 'column', 'value']);
    const byFile = new Map<string, string[][]>();
    for (const r of rows) byFile.set(r[0]!, [...(byFile.get(r[0]!) ?? []), r]);
    for (const m of readManifestLines(reportsDir)) {
      const report = readJson<ReportLike>(join(reportsDir, m.output));
      const expected = [...leaves(report.data)].map(([path, v]) => {
        const [table, ...keys] = path.split('.');
        return [m.output, report.report.agency ?? '', cellText(report.report.year), table!, keys.slice(0, -1).join('.'), keys[keys.length - 1]!, cellText(v)];
      });
      // Same rows; their order is the fixed column order of reports.csv, not the JSON's key order.
      const sorted = (rs: string[][]) => rs.map((r) => JSON.stringify(r)).sort();
      expect(sorted(byFile.get(m.output) ?? []), m.output).toEqual(sorted(expected));
    }
  });

  it('writes reports.jsonl in the order of reports.csv and the JSON Schema', () => {
    const lines = readFileSync(join(ds, 'reports.jsonl'), 'utf8').split('\n').filter(Boolean);
    const [, ...rows] = parseCsv(readFileSync(join(ds, 'reports.csv'), 'utf8').slice(1));
    expect(lines.map((l) => (JSON.parse(l) as ReportLike).source.sha256)).toEqual(rows.map((r) => r[1]));
    const schema = readJson<{ $schema: string; properties: Record<string, unknown> }>(join(ds, 'schema.json'));
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toContain('data');
  });

  it('exits 2 without --out or with a missing folder', async () => {
    expect((await runCli(main, ['dataset', reportsDir])).code).toBe(2);
    expect((await runCli(main, ['dataset', join(reportsDir, 'nope'), '--out', tempDir('ds')])).code).toBe(2);
  });
});
