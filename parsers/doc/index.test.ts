import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { textRows } from '../../src/model/table.js';
import { findSoffice, parseDoc } from './index.js';

const ctx = { limits: DEFAULT_LIMITS };

describe('parseDoc', () => {
  it('finds LibreOffice (installed by .ci/run)', () => {
    expect(findSoffice()).toBeDefined();
  });

  it('reads a Word 97 .doc through LibreOffice with its merged cells', async () => {
    const doc = readFileSync(new URL('../../corpus/seed-2023-distinct.doc', import.meta.url));
    const { value, messages } = await parseDoc(doc, ctx);
    expect(value.format).toBe('doc');
    expect(messages.map((m) => m.code)).toContain('doc.converted');
    const tables = value.blocks.filter((b) => b.type === 'table');
    const requests = tables.find((t) => t.rows === 28)!;
    expect(requests.cols).toBe(10);
    expect(requests.cells.find((c) => c.text === '三、本年度办理结果')?.rowSpan).toBe(22);
    expect(textRows(requests)[3]!.slice(0, 1)).toEqual(['一、本年新收政府信息公开申请数量']);
  }, 120_000);

  it('fails bytes LibreOffice cannot make a document of with doc.corrupt', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 7)]);
    await expect(parseDoc(ole, ctx)).rejects.toMatchObject({ code: 'doc.corrupt' });
  }, 120_000);

  it('says which converter is missing when there is none', async () => {
    process.env.GONGKAI_SOFFICE = '/nonexistent/soffice';
    try {
      await expect(parseDoc(Buffer.from('x'), ctx)).rejects.toMatchObject({ code: 'doc.converter-missing' });
    } finally {
      delete process.env.GONGKAI_SOFFICE;
    }
  });
});
