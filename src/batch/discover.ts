// Input discovery: files and folders given on the command line → one Input at a time, lazily, so that a
// folder of 100,000 files starts converting at once instead of after a full tree walk.
import type { Dirent } from 'node:fs';
import { opendir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface Input {
  /** 0-based position in input order (the order of the arguments, then sorted within each folder). */
  index: number;
  /** As given on the command line, or joined onto the folder given: recorded in source.path. */
  path: string;
  /** Path relative to the folder given as input ("real/x.pdf"), or just the file name for a file argument. */
  relPath: string;
  /** Set when the input cannot be read at all: an explicit path that does not exist, an unreadable folder. */
  problem?: { code: string; message: string };
}

export interface DiscoverOptions {
  /** Folders never descended into, e.g. the --out folder when it sits inside an input folder. */
  excludeDirs?: string[];
}

/**
 * Yield every input in a deterministic order: arguments in the order given; inside a folder, entries sorted by
 * name (code-unit order) per directory, depth first. Hidden entries (".name") inside folders are skipped; an
 * explicitly named hidden file is read. Symlinks to files are followed, symlinks to folders are not (no cycles).
 */
export async function* discoverInputs(paths: string[], options: DiscoverOptions = {}): AsyncGenerator<Input> {
  const excluded = new Set<string>();
  for (const dir of options.excludeDirs ?? []) excluded.add(await realpathOrResolve(dir));
  let index = 0;
  for (const arg of paths) {
    let info;
    try {
      info = await stat(arg);
    } catch (err) {
      yield { index: index++, path: arg, relPath: baseName(arg), problem: statProblem(arg, err) };
      continue;
    }
    if (!info.isDirectory()) {
      yield { index: index++, path: arg, relPath: baseName(arg) };
      continue;
    }
    for await (const found of walk(arg, '', excluded)) yield { ...found, index: index++ };
  }
}

async function* walk(root: string, rel: string, excluded: Set<string>): AsyncGenerator<Omit<Input, 'index'>> {
  const dir = rel ? join(root, rel) : root;
  if (excluded.has(await realpathOrResolve(dir))) return;
  let entries: Dirent[];
  try {
    entries = await readSorted(dir);
  } catch (err) {
    yield { path: dir, relPath: rel || baseName(root), problem: { code: 'input.unreadable', message: `Cannot read folder ${dir}: ${errText(err)}` } };
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const childRel = rel ? join(rel, entry.name) : entry.name;
    const childPath = join(root, childRel);
    if (entry.isDirectory()) {
      yield* walk(root, childRel, excluded);
    } else if (entry.isFile()) {
      yield { path: childPath, relPath: childRel };
    } else if (entry.isSymbolicLink()) {
      const target = await stat(childPath).catch(() => undefined);
      if (target?.isFile()) yield { path: childPath, relPath: childRel };
    }
  }
}

/** One directory's entries, sorted. A directory listing is held in memory; the tree walk is not. */
async function readSorted(dir: string): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  for await (const entry of await opendir(dir)) entries.push(entry);
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function statProblem(path: string, err: unknown): { code: string; message: string } {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { code: 'input.not-found', message: `No such file or folder: ${path}` };
  return { code: 'input.unreadable', message: `Cannot read ${path}: ${errText(err)}` };
}

async function realpathOrResolve(path: string): Promise<string> {
  return realpath(path).catch(() => resolve(path));
}

function baseName(path: string): string {
  const trimmed = path.replace(/[\\/]+$/, '');
  const parts = trimmed.split(/[\\/]/);
  return parts[parts.length - 1] || trimmed || path;
}

export function errText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
