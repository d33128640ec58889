// Dev tool: how many truth values each corpus document gets exact. Build, then: node dist/test/dev/truth.js
import { truthReport } from '../truth-report.js';

for (const r of await truthReport(process.env.ONLY ? new RegExp(process.env.ONLY) : undefined)) {
  console.log(`${r.id}: ${r.exact}/${r.total}`);
  for (const d of r.diffs.slice(0, Number(process.env.SHOW ?? 15))) console.log(`  ${d}`);
}
