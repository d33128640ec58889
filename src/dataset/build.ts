// `gongkai dataset`: report JSON files → reports.csv, values.csv, reports.jsonl, schema.json, each written
// atomically. Reports are streamed one at a time, so memory does not grow with the number of reports.
import { join } from 'node:path';
import { reportJsonSchema } from '../schema/report.js';
import { AtomicStreamWriter } from '../writers/atomic-stream.js';
import { csvRecord, UTF8_BOM } from '../writers/csv.js';
import { writeJsonAtomic } from '../writers/json.js';
import { jsonlLine } from '../writers/jsonl.js';
import { readReports } from './read-reports.js';
import { reportsHeader, reportsRow, VALUES_HEADER, valuesRows } from './rows.js';

export interface DatasetCounts {
  reports: number;
  values: number;
  invalid: number;
  notReports: number;
}

export const DATASET_FILES = ['reports.csv', 'values.csv', 'reports.jsonl', 'schema.json'] as const;

export async function buildDataset(inDir: string, outDir: string, warn: (line: string) => void): Promise<DatasetCounts> {
  const counts: DatasetCounts = { reports: 0, values: 0, invalid: 0, notReports: 0 };
  const reportsCsv = await AtomicStreamWriter.open(join(outDir, 'reports.csv'));
  const valuesCsv = await AtomicStreamWriter.open(join(outDir, 'values.csv'));
  const jsonl = await AtomicStreamWriter.open(join(outDir, 'reports.jsonl'));
  const writers = [reportsCsv, valuesCsv, jsonl];
  try {
    await reportsCsv.write(UTF8_BOM + csvRecord(reportsHeader()));
    await valuesCsv.write(UTF8_BOM + csvRecord([...VALUES_HEADER]));
    for await (const found of readReports(inDir, { excludeDirs: [outDir] })) {
      if (found.kind === 'not-a-report') {
        counts.notReports++;
        continue;
      }
      if (found.kind === 'invalid') {
        counts.invalid++;
        warn(`warning: skipped ${found.file}: ${found.reason}`);
        continue;
      }
      counts.reports++;
      await reportsCsv.write(csvRecord(reportsRow(found.file, found.report)));
      const rows = valuesRows(found.file, found.report);
      counts.values += rows.length;
      if (rows.length) await valuesCsv.write(rows.map(csvRecord).join(''));
      await jsonl.write(jsonlLine(found.report));
    }
    for (const writer of writers) await writer.commit();
  } catch (err) {
    await Promise.all(writers.map((w) => w.abort()));
    throw err;
  }
  await writeJsonAtomic(join(outDir, 'schema.json'), reportJsonSchema());
  return counts;
}
