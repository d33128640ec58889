// gongkai dataset <dir-of-json> --out DS: build analysis-ready CSV/JSONL files from converted reports.
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { buildDataset } from '../dataset/build.js';

export const DATASET_HELP = `Usage: gongkai dataset <dir-of-json> --out DS

Reads every report JSON under <dir-of-json> (recursively; manifest.jsonl, hidden files and JSON that is not
a gongkai report are passed over; a report that fails schema validation is skipped with a warning) and writes:
  DS/reports.csv     one row per report: file, source, report metadata, status, failed checks, then one
                     column per data value ("requests.newReceived.total", …); UTF-8 with BOM, RFC 4180
  DS/values.csv      tidy long format: file, agency, year, table, row, column, value (one row per value
                     present in the report's template; an empty value = printed blank or unreadable)
  DS/reports.jsonl   one validated report per line, same order as reports.csv
  DS/schema.json     JSON Schema of a report

Exit status: 0 done (even when some files were skipped), 2 usage error or unreadable <dir-of-json>.`;

export async function run(args: string[]): Promise<number> {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({
      args, allowPositionals: true, strict: true,
      options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (err) {
    return usage((err as Error).message);
  }
  if (values.help) {
    console.log(DATASET_HELP);
    return 0;
  }
  if (positionals.length !== 1) return usage('give exactly one folder of report JSON files');
  if (!values.out) return usage('--out DS is required');
  const inDir = positionals[0]!;
  const info = await stat(inDir).catch(() => undefined);
  if (!info?.isDirectory()) return usage(`not a folder: ${inDir}`);
  const started = Date.now();
  const counts = await buildDataset(inDir, values.out, (line) => console.error(line));
  const skipped = counts.invalid ? `, ${counts.invalid} invalid skipped` : '';
  console.error(`${counts.reports} reports, ${counts.values} values${skipped} → ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

function usage(message: string): number {
  console.error(`gongkai dataset: ${message}\nRun "gongkai dataset --help" for usage.`);
  return 2;
}
