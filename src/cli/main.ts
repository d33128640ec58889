#!/usr/bin/env -S node --single-threaded-gc
// gongkai <command> …: dispatch to one module per command; each returns the process exit code.
// --single-threaded-gc: with one worker thread per core, V8's GC helper threads only compete with the
// workers; without them a batch of 120 WPS PDFs took 17.5–18.4 s instead of 14.0–14.6 s (2 cores).
// It must be given at start-up (setting it at run time crashes V8), hence the shebang and `npm start`.
const USAGE = `gongkai — 政府信息公开工作年度报告 → validated JSON

Usage:
  gongkai extract <paths…> [--out DIR] [options]   convert reports (files or folders)
  gongkai dataset <dir-of-json> --out DS             build CSV/JSONL datasets from converted reports
  gongkai crawl --config sites.json --out DIR        crawl agencies' disclosure pages

Run "gongkai <command> --help" for the options of a command.`;

const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  extract: () => import('./extract.js'),
  dataset: () => import('./dataset.js'),
  crawl: () => import('./crawl.js'),
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { GENERATOR_VERSION } = await import('../schema/version.js');
    console.log(GENERATOR_VERSION);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    console.error(`gongkai: unknown command '${name}'\n\n${USAGE}`);
    return 2;
  }
  return (await load()).run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exitCode = 1;
  },
);
