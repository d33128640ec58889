import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicStreamWriter } from './atomic-stream.js';
import { jsonlLine } from './jsonl.js';

describe('AtomicStreamWriter', () => {
  it('publishes the file only on commit, leaving no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(dir, 'reports.jsonl');
    const writer = await AtomicStreamWriter.open(target);
    await writer.write(jsonlLine({ a: '第一行\n仍是一行' }));
    expect(existsSync(target)).toBe(false);
    await writer.commit();
    expect(readFileSync(target, 'utf8')).toBe('{"a":"第一行\\n仍是一行"}\n');
    expect(readdirSync(dir)).toEqual(['reports.jsonl']);
  });

  it('keeps the previous file when aborted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(dir, 'values.csv');
    writeFileSync(target, 'old');
    const writer = await AtomicStreamWriter.open(target);
    // Writes still in flight when aborted must not surface later as an unhandled stream error.
    for (let i = 0; i < 20; i++) await writer.write('new, half written\n'.repeat(4096));
    await writer.abort();
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['values.csv']);
  });
});
