// DIR/crawl.lock: one crawl per output folder at a time. Two runs on one DIR (a cron run overlapping an
// `--every` loop) would overwrite each other's state.json. The lock holds the pid; a lock left by a
// process that is gone (killed with -9, machine restarted) is taken over.
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StateError } from './state.js';

export async function acquireLock(dir: string): Promise<() => Promise<void>> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, 'crawl.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(path, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (pid > 0 && isAlive(pid)) throw new StateError(`another crawl (pid ${pid}) is using ${dir}; ${path} is its lock`);
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  throw new StateError(`cannot take the lock ${path}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: existence check only
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
