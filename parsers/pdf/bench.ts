// Speed of parsePdf from compiled JS: `npx tsc -p tsconfig.build.json && node dist/parsers/pdf/bench.js [files…]`.
// Prints pages per second (wall clock and CPU time, the latter steadier on a shared machine) and peak RSS.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { parsePdf } from './index.js';

const DEFAULT_FILES = ['real/huaian-hongze-2023.pdf', 'real/huaian-hongze-2024.pdf', 'fixtures/seed-2023.pdf', 'fixtures/seed-2023-distinct.pdf']
  .map((p) => fileURLToPath(new URL(`../../../../shared/corpus/${p}`, import.meta.url)));

async function main(): Promise<void> {
  const files = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_FILES;
  const rounds = Number(process.env.BENCH_ROUNDS ?? 10);
  const inputs = files.map((f) => ({ name: f.split('/').pop()!, bytes: new Uint8Array(readFileSync(f)) }));
  for (const { bytes } of inputs) await parsePdf(bytes, { limits: DEFAULT_LIMITS }); // warm-up: JIT, CMaps
  let totalPages = 0, totalWall = 0, totalCpu = 0;
  for (const { name, bytes } of inputs) {
    let pages = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < rounds; i++) pages += (await parsePdf(bytes, { limits: DEFAULT_LIMITS })).value.pages ?? 0;
    const wall = (performance.now() - t0) / 1000;
    const cpuUsed = process.cpuUsage(cpu0);
    const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
    totalPages += pages; totalWall += wall; totalCpu += cpu;
    console.log(`${name.padEnd(32)} ${(pages / wall).toFixed(1).padStart(6)} pages/s wall  ${(pages / cpu).toFixed(1).padStart(6)} pages/s cpu`);
  }
  console.log(`${'all'.padEnd(32)} ${(totalPages / totalWall).toFixed(1).padStart(6)} pages/s wall  ${(totalPages / totalCpu).toFixed(1).padStart(6)} pages/s cpu  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
