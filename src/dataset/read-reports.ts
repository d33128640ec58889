// Every report JSON under a folder, one at a time (sorted, recursive), validated with the zod Report schema.
// manifest.jsonl, hidden files (including stale ".*.tmp"), non-.json files and JSON that is not a report at
// all are passed over quietly; a file that looks like a report but fails validation is reported as invalid.
import type { Dirent } from 'node:fs';
import { opendir, readFile, realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Report } from '../schema/report.js';

export type ReportFile =
  | { kind: 'report'; /** Relative to the folder, "/"-separated. */ file: string; report: Report }
  | { kind: 'invalid'; file: string; reason: string }
  | { kind: 'not-a-report'; file: string };

export async function* readReports(dir: string, options: { excludeDirs?: string[] } = {}): AsyncGenerator<ReportFile> {
  const excluded = new Set(await Promise.all((options.excludeDirs ?? []).map((d) => realpath(d).catch(() => resolve(d)))));
  yield* walk(dir, '', excluded);
}

async function* walk(root: string, rel: string, excluded: Set<string>): AsyncGenerator<ReportFile> {
  const dir = rel ? join(root, rel) : root;
  if (excluded.has(await realpath(dir).catch(() => resolve(dir)))) return;
  const entries: Dirent[] = [];
  for await (const entry of await opendir(dir)) entries.push(entry);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRel = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(root, childRel, excluded);
    else if (entry.isFile() && entry.name.endsWith('.json')) yield await readOne(join(root, childRel), childRel);
  }
}

async function readOne(path: string, file: string): Promise<ReportFile> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return { kind: 'invalid', file, reason: `not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  // A gongkai report always has schemaVersion; other JSON (a config, a package.json) is not ours to judge.
  if (typeof value !== 'object' || value === null || !('schemaVersion' in value)) return { kind: 'not-a-report', file };
  const parsed = Report.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(top level)';
    return { kind: 'invalid', file, reason: `does not match the report schema at ${where}: ${issue?.message ?? 'invalid'} (${parsed.error.issues.length} issue(s))` };
  }
  return { kind: 'report', file, report: parsed.data };
}
