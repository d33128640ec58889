// Remove the temp files a killed run left behind (writeFileAtomic names them ".<name>.<hex>.tmp").
import { opendir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/** Delete stale temp files under `dir` (recursively); returns how many were removed. Missing dir → 0. */
export async function removeStaleTempFiles(dir: string): Promise<number> {
  let removed = 0;
  let handle;
  try {
    handle = await opendir(dir);
  } catch {
    return 0;
  }
  for await (const entry of handle) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += await removeStaleTempFiles(path);
    else if (entry.isFile() && TEMP_FILE.test(entry.name)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
