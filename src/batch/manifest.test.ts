import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactManifest, latestByPath, ManifestAppender, readManifest, type ManifestEntry } from './manifest.js';

const entry = (path: string, status: ManifestEntry['status'] = 'ok'): ManifestEntry => ({
  path, output: `${path}.json`, format: 'pdf', status, error: null, ms: 1, sha256: 'ab', version: '0.1.0',
});

describe('manifest.jsonl', () => {
  it('reads the lines of a run killed mid-write, ignoring the truncated last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(join(dir, 'manifest.jsonl'), `${JSON.stringify(entry('a'))}\n${JSON.stringify(entry('b')).slice(0, 20)}`);
    expect((await readManifest(dir)).map((e) => e.path)).toEqual(['a']);
  });

  it('starts appending on a fresh line after a truncated line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    writeFileSync(join(dir, 'manifest.jsonl'), `${JSON.stringify(entry('a'))}\n{"path":"b","out`);
    const appender = await ManifestAppender.open(dir);
    await appender.append(entry('c'));
    await appender.close();
    expect((await readManifest(dir)).map((e) => e.path)).toEqual(['a', 'c']);
  });

  it('keeps the latest entry per path', () => {
    const latest = latestByPath([entry('a', 'failed'), entry('b'), entry('a', 'ok')]);
    expect([...latest.values()].map((e) => `${e.path}:${e.status}`)).toEqual(['b:ok', 'a:ok']);
  });

  it('compacts to earlier entries not seen in this run, then this run in input order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'manifest-'));
    await compactManifest(dir, latestByPath([entry('old'), entry('a', 'failed')]), [entry('a'), entry('b')]);
    const lines = readFileSync(join(dir, 'manifest.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as ManifestEntry).path)).toEqual(['old', 'a', 'b']);
  });
});
