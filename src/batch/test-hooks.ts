// Test hooks for the isolation tests (test/cli/isolation.test.ts): a way to make a worker hang, crash, run
// out of memory or throw on demand, which no real document does reliably. Active ONLY when the environment variable
// GONGKAI_TEST_HOOKS=1 is set, and only for a document whose bytes start with one of the markers below;
// without the variable these bytes are an ordinary text file.
export const TEST_HOOK_ENV = 'GONGKAI_TEST_HOOKS';

const MARKERS = {
  hang: 'GONGKAI-TEST-HANG',
  crash: 'GONGKAI-TEST-CRASH',
  oom: 'GONGKAI-TEST-OOM',
  throw: 'GONGKAI-TEST-THROW',
} as const;

export async function runTestHook(bytes: Uint8Array): Promise<void> {
  if (process.env[TEST_HOOK_ENV] !== '1') return;
  const head = Buffer.from(bytes.subarray(0, 32)).toString('latin1');
  if (head.startsWith(MARKERS.hang)) {
    for (;;) {
      /* busy loop: only terminate() stops it, as with a pathological parse */
    }
  }
  if (head.startsWith(MARKERS.crash)) process.exit(70); // in a worker, ends the thread only
  if (head.startsWith(MARKERS.throw)) throw new TypeError('test hook: a bug in the conversion');
  if (head.startsWith(MARKERS.oom)) {
    const hog: string[][] = [];
    for (let i = 0; ; i++) hog.push(Array.from({ length: 10_000 }, (_, j) => `${i}:${j}`));
  }
}
