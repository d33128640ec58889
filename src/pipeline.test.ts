import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { convertDocument } from './pipeline.js';
import { Report } from './schema/report.js';

const corpusFile = (name: string) => readFileSync(new URL(`../corpus/${name}`, import.meta.url));

describe('convertDocument failures', () => {
  it('fails an empty file with input.empty and still fills source', async () => {
    const { status, report } = await convertDocument(new Uint8Array(0), { path: 'empty.pdf' });
    expect(status).toBe('failed');
    expect(report.error).toEqual({ code: 'input.empty', message: 'The file is empty (0 bytes)' });
    expect(report.source).toMatchObject({ path: 'empty.pdf', bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(Report.parse(report).status).toBe('failed');
  });

  it('fails random bytes with input.unsupported-format', async () => {
    const bytes = randomBytes(4096);
    bytes[0] = 0; // binary for sure
    const { report } = await convertDocument(bytes);
    expect(report.error?.code).toBe('input.unsupported-format');
  });

  it('fails an OLE file that is no Word document with doc.corrupt', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(100)]);
    const { report } = await convertDocument(ole);
    expect(report.source.format).toBe('doc');
    expect(report.error?.code).toBe('doc.corrupt');
  }, 60_000);

  it('fails a file over maxFileBytes with limit.file-size, stating the limit and its flag', async () => {
    const { report } = await convertDocument(corpusFile('seed-2023.html'), { limits: { maxFileBytes: 1024 } });
    expect(report.error?.code).toBe('limit.file-size');
    expect(report.error?.message).toBe('File is 53.5 KB; the limit maxFileBytes is 1.0 KB (set --max-file-mb)');
  });
});

describe('convertDocument success', () => {
  it('sniffs the format from the bytes, not the name', async () => {
    const { report, status } = await convertDocument(corpusFile('pingtan-2021.html'), { path: 'report.pdf' });
    expect(status).toBe('ok');
    expect(report.source.format).toBe('html');
    expect(report.source.pages).toBeNull();
  });
});
