import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GongkaiError } from '../messages.js';
import { convertDocument } from '../pipeline.js';
import { inProcessConverter, poolConverter, type ConversionPool } from './converter.js';

const corpus = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${name}`, import.meta.url))));
const URL_ = 'https://www.pingtan.gov.cn/zfxxgknb/t1.htm';

/** Answers like WorkerPool: the real conversion, run here, or the failure the pool reports. */
function poolThat(answer: 'convert' | GongkaiError): ConversionPool & { detachedCopies: number } {
  const pool = {
    detachedCopies: 0,
    async run(bytes: ArrayBuffer, path: string) {
      pool.detachedCopies++;
      if (answer instanceof GongkaiError) return { ok: false as const, error: answer };
      const outcome = await convertDocument(new Uint8Array(bytes), { path });
      return { ok: true as const, reply: { id: 1, status: outcome.status, report: outcome.report, timingsMs: outcome.timingsMs } };
    },
  };
  return pool;
}

describe('converters', () => {
  it('set source.url and leave source.path null, in process and in the pool', async () => {
    const bytes = corpus('real/pingtan-2021.html');
    const here = await inProcessConverter()(bytes, URL_);
    const pooled = await poolConverter(poolThat('convert'))(bytes, URL_);
    for (const { report } of [here, pooled]) {
      expect(report.source).toMatchObject({ url: URL_, path: null, format: 'html' });
      expect(report.report).toMatchObject({ agency: '平潭综合实验区', year: 2021 });
    }
    expect(pooled.report).toEqual(here.report);
  });

  it('turn a pool timeout into a failed report of this document', async () => {
    const bytes = corpus('fixtures/seed-2023.pdf');
    const { status, report } = await poolConverter(poolThat(new GongkaiError('limit.timeout', 'Conversion did not finish in 60 s')))(bytes, URL_);
    expect(status).toBe('failed');
    expect(report.error?.code).toBe('limit.timeout');
    expect(report.source).toMatchObject({ url: URL_, format: 'pdf', bytes: bytes.byteLength });
  });

  it('throw for a worker crash, so the crawl retries the document next run', async () => {
    const convert = poolConverter(poolThat(new GongkaiError('internal.worker-crash', 'The worker died')));
    await expect(convert(corpus('fixtures/seed-2023.pdf'), URL_)).rejects.toThrow(/internal\.worker-crash/);
  });

  it('hand the pool exactly the document\'s bytes when they are a view into Node\'s buffer pool', async () => {
    // Buffer.concat of a small response body returns a slice of the shared 8 KB pool (as fetch bodies are).
    const page = Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"><title>某某局2023年政府信息公开工作年度报告</title></head>'), Buffer.from('<body><p>某某局2023年政府信息公开工作年度报告</p></body></html>')]);
    expect(page.buffer.byteLength).toBeGreaterThan(page.byteLength);
    const { status, report } = await poolConverter(poolThat('convert'))(page, URL_);
    expect(status).toBe('ok');
    expect(report.source).toMatchObject({ format: 'html', bytes: page.byteLength });
    expect(report.report).toMatchObject({ agency: '某某局', year: 2023 });
  });

  it('leave the caller\'s bytes usable after the pool took its copy', async () => {
    const bytes = corpus('real/pingtan-2021.html');
    await poolConverter(poolThat('convert'))(bytes, URL_);
    expect(bytes.byteLength).toBeGreaterThan(0);
  });
});
