// Test helpers for the CLI end-to-end suites. The batch engine runs worker threads from compiled JS
// (dist/src/batch/worker.js), so these suites compile the project once per suite into .tmp/test-dist/<suite>
// and spawn `node <that>/src/cli/main.js`, exactly as a user runs the published CLI.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, '');
/** The shared corpus, read-only in CI: ../shared relative to the repository. */
export const CORPUS = resolve(REPO, '../shared/corpus');
export const real = (name: string) => join(CORPUS, 'real', name);
export const fixture = (name: string) => join(CORPUS, 'fixtures', name);

/** Compile with tsc into .tmp/test-dist/<suite>; type errors elsewhere in the tree do not stop the emit. */
export function buildCli(suite: string): string {
  const outDir = join(REPO, '.tmp', 'test-dist', suite);
  const tsc = join(REPO, 'node_modules', '.bin', 'tsc');
  const result = spawnSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: REPO, encoding: 'utf8' });
  const main = join(outDir, 'src', 'cli', 'main.js');
  if (!existsSync(main) || !existsSync(join(outDir, 'src', 'batch', 'worker.js'))) {
    throw new Error(`build failed: ${result.stdout}\n${result.stderr}`);
  }
  return main;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(main: string, args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = startCli(main, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export function startCli(main: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [main, ...args], { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `gongkai-${prefix}-`));
}

/** Every file under dir, relative, "/"-separated, sorted (hidden files included). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface ManifestLine {
  path: string;
  output: string;
  format: string;
  status: string;
  error: { code: string; message: string } | null;
  ms: number;
  sha256: string;
  version: string;
}

export function readManifestLines(outDir: string): ManifestLine[] {
  return readFileSync(join(outDir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ManifestLine);
}

export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export const mtimeMs = (path: string) => statSync(path).mtimeMs;

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF), for checking the CSV the dataset command writes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
