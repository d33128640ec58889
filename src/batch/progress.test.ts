import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function sink(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = new Writable({ write(chunk, _enc, cb) { stream.text += String(chunk); cb(); } }) as unknown as NodeJS.WriteStream & { text: string };
  stream.text = '';
  stream.isTTY = isTTY;
  return stream;
}

describe('Progress', () => {
  it('ends with the one-line summary "ok N, partial N, failed N in T s"', () => {
    const out = sink(false);
    const progress = new Progress(out, true);
    for (const s of ['ok', 'ok', 'partial', 'failed'] as const) progress.done(s);
    progress.finish();
    expect(out.text).toMatch(/^ok 2, partial 1, failed 1 in \d+\.\d s\n$/);
  });

  it('says how many inputs a resumed run kept', () => {
    const out = sink(false);
    const progress = new Progress(out, false);
    progress.done('ok', true);
    expect(progress.finish()).toMatch(/ok 1, partial 0, failed 0 in .* \(1 unchanged since the last run, skipped\)/);
  });

  it('draws a bar with the count so far, the rate and failures on a terminal, and clears it at the end', () => {
    const out = sink(true);
    const progress = new Progress(out, true);
    progress.found();
    expect(out.text).toContain('0/1+ done');
    progress.finish();
    expect(out.text).toContain('\r\x1b[2K');
  });
});
