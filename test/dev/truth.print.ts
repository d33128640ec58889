import { it } from 'vitest';
import { truthReport } from '../truth-report.js';
it('prints', async () => {
  for (const r of await truthReport()) console.log(`${r.id}: ${r.exact}/${r.total}\n  ${r.diffs.slice(0, 12).join('\n  ')}`);
}, 120000);
