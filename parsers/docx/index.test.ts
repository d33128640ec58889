import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { minimalDocx, writeZip } from '../../test/fixtures/html-docx/zip-writer.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import type { DocumentModel, Table } from '../../src/model/document.js';
import { textRows } from '../../src/model/table.js';
import { parseHtml } from '../html/index.js';
import { parseDocx } from './index.js';

const ctx = { limits: DEFAULT_LIMITS };
const corpusBytes = (file: string) => readFileSync(`${ROOT}corpus/${file}`);
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.type === 'table');
const plain = (doc: DocumentModel) => JSON.stringify(doc.blocks, (k, v: unknown) => (k === 'prov' ? undefined : v));
const failure = async (bytes: Uint8Array, limits = DEFAULT_LIMITS) => parseDocx(bytes, { limits }).then(() => undefined, (e: unknown) => e);

describe.each(['seed-2023', 'seed-2023-distinct'])('%s.docx', (stem) => {
  it('gives the same blocks as the web page of the same report', async () => {
    const [docx, html] = await Promise.all([parseDocx(corpusBytes(`${stem}.docx`), ctx), parseHtml(corpusBytes(`${stem}.html`), ctx)]);
    expect(docx.value.format).toBe('docx');
    expect(plain(docx.value)).toBe(plain(html.value));
  });

  it('keeps the merged cells of table 三 (vMerge → rowspan, gridSpan → colspan)', async () => {
    const t = tables((await parseDocx(corpusBytes(`${stem}.docx`), ctx)).value)[2]!;
    expect([t.rows, t.cols]).toEqual([28, 10]);
    const at = (row: number, col: number) => t.cells.find((c) => c.row === row && c.col === col);
    expect(at(0, 0)).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(at(0, 3)).toMatchObject({ text: '申请人情况', colSpan: 7 });
    expect(at(5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22, prov: { path: 'table[3]/tr[6]/td[1]' } });
    expect(at(7, 1)).toMatchObject({ text: '（三）不予公开', rowSpan: 8 });
    expect(textRows(t)[3]!.slice(0, 3)).toEqual(['一、本年新收政府信息公开申请数量', '', '']);
  });

  it('takes the title from docProps/core.xml and reports style noise as info only', async () => {
    const { value, messages } = await parseDocx(corpusBytes(`${stem}.docx`), ctx);
    expect(value.declaredTitle).toBe('平顶山市商务局2023年政府信息公开工作年度报告');
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.every((m) => m.code === 'docx.mammoth' && m.severity === 'info')).toBe(true);
  });
});

describe('DOCX tables built inline', () => {
  const w = (cells: string) => `<w:tr>${cells}</w:tr>`;
  const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;

  it('reads w:gridSpan and w:vMerge as spans', async () => {
    const body = `<w:tbl>${w(tc('行政复议', '<w:gridSpan w:val="2"/>') + tc('总计', '<w:vMerge w:val="restart"/>'))}${w(tc('维持') + tc('纠正') + tc('', '<w:vMerge/>'))}</w:tbl>`;
    const t = tables((await parseDocx(minimalDocx(body), ctx)).value)[0]!;
    expect(t.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 2, '行政复议'],
      [0, 2, 2, 1, '总计'],
      [1, 0, 1, 1, '维持'],
      [1, 1, 1, 1, '纠正'],
    ]);
  });

  it('keeps cells of a row that skips grid columns (w:gridBefore) in their columns, vMerge included', async () => {
    const gridBefore = '<w:trPr><w:gridBefore w:val="1"/><w:wBefore w:w="900" w:type="dxa"/></w:trPr>';
    const body =
      '<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>' +
      w(tc('信息内容') + tc('总计', '<w:vMerge w:val="restart"/>') + tc('其他')) +
      `<w:tr>${gridBefore}${tc('', '<w:vMerge/>')}${tc('7')}</w:tr>` +
      `<w:tr>${gridBefore}${tc('8')}${tc('9')}</w:tr></w:tbl>`;
    const t = tables((await parseDocx(minimalDocx(body), ctx)).value)[0]!;
    expect(textRows(t)).toEqual([
      ['信息内容', '总计', '其他'],
      ['', '', '7'],
      ['', '8', '9'],
    ]);
    expect(t.cells.find((c) => c.text === '总计')).toMatchObject({ row: 0, col: 1, rowSpan: 2 });
  });

  it('flattens a table nested in a cell and warns docx.nested-table', async () => {
    const inner = `<w:tbl>${w(tc('12') + tc('34'))}</w:tbl><w:p/>`;
    const body = `<w:tbl>${w(`<w:tc>${inner}</w:tc>${tc('5')}`)}</w:tbl>`;
    const { value, messages } = await parseDocx(minimalDocx(body), ctx);
    expect(textRows(tables(value)[0]!)).toEqual([['12 34', '5']]);
    expect(messages.map((m) => m.code)).toContain('docx.nested-table');
  });
});

describe('DOCX without report text', () => {
  it('warns docx.image-only for a document that is a picture of the report', async () => {
    // A 1×1 PNG placed inline, as scanners' "save as Word" output places page images.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');
    const a = 'http://schemas.openxmlformats.org/drawingml/2006';
    const drawing =
      `<w:p><w:r><w:drawing><wp:inline xmlns:wp="${a}/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="page"/>` +
      `<a:graphic xmlns:a="${a}/main"><a:graphicData uri="${a}/picture"><pic:pic xmlns:pic="${a}/picture"><pic:blipFill>` +
      '<a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId9"/></pic:blipFill></pic:pic>' +
      '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>';
    const docx = minimalDocx(drawing, [
      { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
      { name: 'word/media/image1.png', data: png, stored: true },
    ]);
    const { value, messages } = await parseDocx(docx, ctx);
    expect(value.blocks).toEqual([]);
    expect(messages).toMatchObject([{ code: 'docx.image-only', severity: 'warning' }]);
  });
});

describe('bad DOCX packages', () => {
  it('refuses a package whose entries declare more than maxUncompressedBytes (limit.uncompressed-size)', async () => {
    const bomb = minimalDocx('<w:p/>', [{ name: 'word/media/fill.xml', data: Buffer.alloc(3 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(20_000);
    const error = await failure(bomb, { ...DEFAULT_LIMITS, maxUncompressedBytes: 1024 * 1024 });
    expect(error).toMatchObject({ code: 'limit.uncompressed-size' });
    expect((error as Error).message).toMatch(/declares 3\.0 MB.*maxUncompressedBytes is 1\.0 MB \(set --max-uncompressed-mb\)/);
  });

  it('refuses an XML part packed tighter than any real Word part (docx.suspicious-compression)', async () => {
    const bomb = minimalDocx('<w:p/>', [{ name: 'word/styles.xml', data: Buffer.alloc(12 * 1024 * 1024, 0x20) }]);
    expect(await failure(bomb)).toMatchObject({ code: 'docx.suspicious-compression' });
  });

  it('refuses an entry that inflates past its declared size (docx.corrupt)', async () => {
    const lying = writeZip([{ name: 'word/document.xml', data: Buffer.alloc(200_000, 0x20), declaredSize: 100 }]);
    const error = await failure(lying);
    expect(error).toMatchObject({ code: 'docx.corrupt' });
    expect((error as Error).message).toMatch(/word\/document\.xml.*too many bytes/);
  });

  it('refuses bytes that are not a zip, and a truncated DOCX, with docx.corrupt', async () => {
    const notZip = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 0x41)]);
    expect(await failure(notZip)).toMatchObject({ code: 'docx.corrupt', message: expect.stringMatching(/central directory/) });
    const seed = corpusBytes('seed-2023.docx');
    expect(await failure(seed.subarray(0, seed.length - 100))).toMatchObject({ code: 'docx.corrupt' });
  });

  it('refuses a zip without word/document.xml with docx.corrupt, saying so', async () => {
    const xlsxLike = writeZip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    expect(await failure(xlsxLike)).toMatchObject({ code: 'docx.corrupt', message: expect.stringContaining('no word/document.xml') });
  });

  it('refuses 20,000 nested tables in word/document.xml with limit.nesting-depth before mammoth reads them', async () => {
    const n = 20_000;
    const body = `${'<w:tbl><w:tr><w:tc>'.repeat(n)}<w:p/>${'</w:tc></w:tr></w:tbl>'.repeat(n)}`;
    expect(await failure(minimalDocx(body))).toMatchObject({ code: 'limit.nesting-depth' });
  });
});
