import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from './lock.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('acquireLock', () => {
  it('lets one crawl hold an output folder and refuses a second one', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-lock-'));
    const release = await acquireLock(dir);
    expect((await readFile(join(dir, 'crawl.lock'), 'utf8')).trim()).toBe(String(process.pid));
    await expect(acquireLock(dir)).rejects.toThrow(/another crawl \(pid \d+\) is using/);
    await release();
    const again = await acquireLock(dir);
    await again();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    dir = await mkdtemp(join(tmpdir(), 'gongkai-lock-'));
    await writeFile(join(dir, 'crawl.lock'), '999999999\n'); // above any pid_max: no such process
    const release = await acquireLock(dir);
    await release();
  });
});
