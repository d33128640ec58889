// The schema version of a report (schemaVersion), and the package version that wrote it (generator.version,
// read once from package.json). Light on purpose: no zod, so the batch's main thread can use it.
import { readFileSync } from 'node:fs';

/** SCHEMA.md's version; schema/report.ts is the schema itself. */
export const SCHEMA_VERSION = 1 as const;

function findPackageVersion(): string {
  // Works from src/ (vitest) and from dist/src/ (compiled): walk up to the first package.json.
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'gongkai' && pkg.version) return pkg.version;
    } catch {
      /* not here: go up */
    }
    dir = new URL('..', dir);
  }
  return '0.0.0';
}

export const GENERATOR_VERSION = findPackageVersion();
