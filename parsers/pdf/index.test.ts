// parsePdf on the real reports and fixtures of the corpus; expected cells were read off the pages
// rendered with `pdftoppm -png -r 70` (and -r 150 where rules are close together).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { GongkaiError } from '../../src/messages.js';
import type { DocumentModel, Table } from '../../src/model/document.js';
import { grid, textRows } from '../../src/model/table.js';
import { parsePdf } from './index.js';

const shared = (path: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../shared/corpus/${path}`, import.meta.url))));
const fixture = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../../test/fixtures/pdf/${name}`, import.meta.url))));
const ctx = { limits: DEFAULT_LIMITS };

const parsed = new Map<string, Promise<DocumentModel>>();
function parse(path: string): Promise<DocumentModel> {
  let p = parsed.get(path);
  if (!p) {
    p = parsePdf(shared(path), ctx).then((r) => r.value);
    parsed.set(path, p);
  }
  return p;
}
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.type === 'table');
const rowText = (t: Table, r: number) => textRows(t)[r]!;
const cellAt = (t: Table, r: number, c: number) => grid(t)[r]![c]!;

function expectProvenanceEverywhere(doc: DocumentModel): void {
  for (const b of doc.blocks) {
    expect(b.prov.page).toBeGreaterThanOrEqual(1);
    expect(b.prov.bbox).toHaveLength(4);
    if (b.type !== 'table') continue;
    for (const c of b.cells) {
      expect(c.prov?.page).toBeGreaterThanOrEqual(1);
      const [x0, y0, x1, y1] = c.prov!.bbox!;
      expect(x1).toBeGreaterThan(x0);
      expect(y1).toBeGreaterThan(y0); // origin top-left: y grows downwards
    }
  }
}

function expectEveryGridSlotCoveredOnce(t: Table): void {
  const counts = Array.from({ length: t.rows }, () => Array<number>(t.cols).fill(0));
  for (const c of t.cells) for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) counts[r]![k]!++;
  expect(counts.flat().every((n) => n === 1)).toBe(true);
}

describe('huaian-hongze-2023.pdf (WPS export)', () => {
  const doc = () => parse('real/huaian-hongze-2023.pdf');

  it('reads the title and paragraphs in reading order, without the page numbers "- 1 -"…"- 5 -"', async () => {
    const d = await doc();
    expect(d.pages).toBe(5);
    const texts = d.blocks.filter((b) => b.type !== 'table').map((b) => (b as { text: string }).text);
    expect(texts[0]).toBe('洪泽区人民政府2023年政府信息公开工作年度报告');
    expect(texts).toContain('一、总体情况');
    expect(texts.some((t) => /^-\s*\d\s*-$/.test(t))).toBe(false);
    // "2023 年" as pdfjs would space it comes out without the space.
    expect(texts.some((t) => t.includes('2023年全区受理政府信息公开申请21件'))).toBe(true);
    // A paragraph cut by the page break 1 → 2 ("严格执行“分" / "级审核、先审后发”") is one paragraph.
    expect(texts.some((t) => t.includes('严格执行“分级审核、先审后发”程序'))).toBe(true);
  });

  it('finds three tables: 二 joined over pages 2–3, 三 joined over pages 3–4, 四', async () => {
    const ts = tables(await doc());
    expect(ts.map((t) => [t.rows, t.cols, t.prov.page])).toEqual([[14, 4, 2], [26, 10, 3], [4, 15, 4]]);
    for (const t of ts) expectEveryGridSlotCoveredOnce(t);
    expectProvenanceEverywhere(await doc());
  });

  it('table 二: values on both pages, each cell with its own page', async () => {
    const [t2] = tables(await doc());
    expect(rowText(t2!, 1)).toEqual(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']);
    expect(rowText(t2!, 3)).toEqual(['行政规范性文件', '0', '5', '5']);
    expect(rowText(t2!, 6).slice(0, 2)).toEqual(['行政许可', '550']);
    expect(cellAt(t2!, 9, 1)).toMatchObject({ text: '4119', colSpan: 3, prov: { page: 3 } });
    expect(rowText(t2!, 13).slice(0, 2)).toEqual(['行政事业性收费', '7730.28']);
  });

  it('table 三: header spans, the vertical label "三、本年度办理结果" as one string, rowspans re-joined after the page break', async () => {
    const t3 = tables(await doc())[1]!;
    expect(cellAt(t3, 0, 0)).toMatchObject({ rowSpan: 3, colSpan: 3 });
    expect(cellAt(t3, 1, 4)).toMatchObject({ text: '法人或其他组织', colSpan: 5 });
    expect(rowText(t3, 3)).toEqual(['一、本年新收政府信息公开申请数量', '', '', '21', '0', '0', '0', '0', '0', '21']);
    expect(cellAt(t3, 5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 20, prov: { page: 3 } });
    expect(cellAt(t3, 6, 1)!.text).toBe('（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    expect(cellAt(t3, 8, 2)!.text).toBe('2.其他法律行政止公开'); // the source's typo, kept
    // （四）无法提供 has rows 1–2 on page 3 and row 3 on page 4.
    expect(cellAt(t3, 15, 1)).toMatchObject({ text: '（四）无法提供', rowSpan: 3 });
    expect(cellAt(t3, 17, 2)).toMatchObject({ text: '3.补正后申请内容仍不明确', prov: { page: 4 } });
    expect(rowText(t3, 24).slice(1)).toEqual(['（七）总计', '', '21', '0', '0', '0', '0', '0', '21']);
    expect(rowText(t3, 25)).toEqual(['四、结转下年度继续办理', '', '', '0', '0', '0', '0', '0', '0', '0']);
  });

  it('table 四: the value row under a three-row header', async () => {
    const t4 = tables(await doc())[2]!;
    expect(cellAt(t4, 0, 5)).toMatchObject({ text: '行政诉讼', colSpan: 10 });
    expect(rowText(t4, 3)).toEqual(['10', '1', '0', '0', '0', '0', '0', '0', '0', '0', '5', '0', '0', '0', '0']);
  });
});

describe('huaian-hongze-2024.pdf (WPS export)', () => {
  const doc = () => parse('real/huaian-hongze-2024.pdf');

  it('finds table 二 joined over pages 2–3 and table 三 joined over pages 3–4', async () => {
    const ts = tables(await doc());
    expect(ts.map((t) => [t.rows, t.cols, t.prov.page])).toEqual([[14, 4, 2], [26, 10, 3], [4, 15, 4]]);
    for (const t of ts) expectEveryGridSlotCoveredOnce(t);
    expectProvenanceEverywhere(await doc());
    expect(rowText(ts[0]!, 6).slice(0, 2)).toEqual(['行政许可', '9487']);
    expect(cellAt(ts[0]!, 9, 1)).toMatchObject({ text: '2776', prov: { page: 3 } });
  });

  it('table 三 and 四 values as printed', async () => {
    const [, t3, t4] = tables(await doc());
    expect(rowText(t3!, 3)).toEqual(['一、本年新收政府信息公开申请数量', '', '', '95', '0', '0', '0', '0', '0', '95']);
    expect(rowText(t3!, 5).slice(3)).toEqual(['50', '0', '0', '0', '0', '0', '50']);
    expect(cellAt(t3!, 15, 1)).toMatchObject({ text: '（四）无法提供', rowSpan: 3 });
    expect(cellAt(t3!, 16, 2)).toMatchObject({ text: '2.没有现成信息需要另行制作', prov: { page: 4 } });
    expect(rowText(t3!, 24).slice(3)).toEqual(['95', '0', '0', '0', '0', '0', '95']);
    // The 2024 header row of table 四 has an extra rule left of 行政诉讼 (visible at 150 dpi).
    expect(rowText(t4!, 3)).toEqual(['1', '1', '0', '0', '2', '1', '0', '0', '0', '1', '2', '0', '1', '0', '3']);
  });
});

describe('seed-2023.pdf (LibreOffice export)', () => {
  const doc = () => parse('fixtures/seed-2023.pdf');

  it('keeps the two tables of page 2 apart (a paragraph "第二十条第（八）项" between them)', async () => {
    const d = await doc();
    const ts = tables(d);
    expect(ts.map((t) => [t.rows, t.cols, t.prov.page])).toEqual([[11, 4, 2], [2, 2, 2], [28, 10, 3], [4, 15, 4]]);
    const i = d.blocks.indexOf(ts[0]!);
    expect(d.blocks[i + 1]).toMatchObject({ type: 'paragraph', text: '第二十条第（八）项' });
    expectProvenanceEverywhere(d);
  });

  it('joins table 三 over pages 3–4: 28 rows (3 header rows, 2021 layout), the cut row re-joined', async () => {
    const t3 = tables(await doc())[2]!;
    expectEveryGridSlotCoveredOnce(t3);
    expect(cellAt(t3, 0, 0)!.text).toBe('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(cellAt(t3, 5, 0)).toMatchObject({ text: '三、本年度办理结果', rowSpan: 22 });
    expect(cellAt(t3, 18, 1)).toMatchObject({ text: '（五）不予处理', rowSpan: 5 });
    // "3.要求提供公开出版物" was cut by the page break: one row, not two.
    expect(cellAt(t3, 20, 2)).toMatchObject({ text: '3.要求提供公开出版物', rowSpan: 1, prov: { page: 3 } });
    expect(cellAt(t3, 21, 2)).toMatchObject({ text: '4.无正当理由大量反复申请', prov: { page: 4 } });
    expect(cellAt(t3, 23, 1)).toMatchObject({ text: '（六）其他处理', rowSpan: 3 });
    expect(cellAt(t3, 27, 0)!.text).toBe('四、结转下年度继续办理');
  });
});

describe('seed-2023-distinct.pdf (every value unique)', () => {
  it('puts each value in its cell on both sides of the page break', async () => {
    const t3 = tables(await parse('fixtures/seed-2023-distinct.pdf'))[2]!;
    expect(t3.rows).toBe(28);
    expect(rowText(t3, 3).slice(3)).toEqual(['110', '111', '112', '113', '114', '115', '116']);
    expect(rowText(t3, 20).slice(2)).toEqual(['3.要求提供公开出版物', '229', '230', '231', '232', '233', '234', '235']);
    expect(rowText(t3, 21).slice(3)).toEqual(['236', '237', '238', '239', '240', '241', '242']);
    expect(rowText(t3, 27).slice(3)).toEqual(['278', '279', '280', '281', '282', '283', '284']);
  });
});

describe('fonts that are not embedded', () => {
  it('reads STSong-Light text (UniGB-UCS2-H and GBK-EUC-H CMaps), twice in one process', async () => {
    for (let i = 0; i < 2; i++) {
      const { value } = await parsePdf(shared('fixtures/cmap-test-stsong-unigb.pdf'), ctx);
      expect(value.blocks.map((b) => (b as { text: string }).text)).toEqual(['一、总体情况（UCS2）', '二、主动公开政府信息情况（GBK）']);
    }
  });
});

describe('bad and odd PDFs', () => {
  const failure = async (bytes: Uint8Array, limits = DEFAULT_LIMITS) => {
    try {
      await parsePdf(bytes, { limits });
    } catch (err) {
      expect(err).toBeInstanceOf(GongkaiError);
      return (err as GongkaiError).code;
    }
    return 'no error';
  };

  it('opens an owner-password-only PDF (printing forbidden, empty user password) normally', async () => {
    const { value, messages } = await parsePdf(fixture('owner-password-only.pdf'), ctx);
    expect(value.blocks.map((b) => (b as { text: string }).text)).toEqual(['一、总体情况（UCS2）', '二、主动公开政府信息情况（GBK）']);
    expect(messages).toEqual([]);
  });

  it('fails with pdf.encrypted when a user password is needed', async () => {
    expect(await failure(fixture('user-password.pdf'))).toBe('pdf.encrypted');
  });

  it('fails with pdf.corrupt on a truncated file', async () => {
    expect(await failure(fixture('truncated-700-bytes.pdf'))).toBe('pdf.corrupt');
    const seed = shared('fixtures/seed-2023.pdf');
    expect(await failure(seed.subarray(0, seed.length / 2))).toBe('pdf.corrupt');
  });

  it('keeps the readable pages and reports the unreadable one as an error message', async () => {
    const { value, messages } = await parsePdf(fixture('page-2-missing.pdf'), ctx);
    expect(value.pages).toBe(2);
    expect(value.blocks.map((b) => b.prov.page)).toEqual([1, 1]);
    expect(messages).toMatchObject([{ severity: 'error', code: 'pdf.page-unreadable', at: { page: 2 } }]);
  });

  it('warns about a page that holds only an image when other pages have text', async () => {
    const { value, messages } = await parsePdf(fixture('text-then-scanned-page.pdf'), ctx);
    expect(value.blocks).toHaveLength(2);
    expect(messages).toMatchObject([{ severity: 'warning', code: 'pdf.image-only-page', at: { page: 2 } }]);
  });

  it('gives no warning for a blank page beside text (nothing painted, not a scan)', async () => {
    const { value, messages } = await parsePdf(fixture('text-then-blank-page.pdf'), ctx);
    expect(value.pages).toBe(2);
    expect(value.blocks.length).toBeGreaterThan(0);
    expect(messages).toEqual([]);
  });

  it('fails with pdf.no-text-layer on a scanned page', async () => {
    expect(await failure(fixture('scanned-page.pdf'))).toBe('pdf.no-text-layer');
  });

  it('fails with limit.pages above maxPages, naming the limit', async () => {
    const bytes = shared('real/huaian-hongze-2023.pdf');
    await expect(parsePdf(bytes, { limits: { ...DEFAULT_LIMITS, maxPages: 3 } })).rejects.toThrow(/5 pages; the limit maxPages is 3/);
    expect(await failure(bytes, { ...DEFAULT_LIMITS, maxPages: 3 })).toBe('limit.pages');
  });

  it('fails with pdf.corrupt on bytes that are not a PDF at all', async () => {
    expect(await failure(new TextEncoder().encode('%PDF-1.7\nthis is not a pdf'))).toBe('pdf.corrupt');
  });
});

describe('a table without rules (borderless-table.pdf)', () => {
  it('reads rows and columns from text alignment, and keeps the paragraphs around it apart', async () => {
    const { value } = await parsePdf(fixture('borderless-table.pdf'), ctx);
    expect(value.blocks.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'table', 'paragraph']);
    const t = tables(value)[0]!;
    expect([t.rows, t.cols]).toEqual([5, 4]);
    expect(textRows(t)).toEqual([
      ['项目', '自然人', '法人', '总计'],
      ['新收申请', '21', '0', '21'],
      ['上年结转', '3', '1', '4'],
      ['予以公开', '10', '0', '10'],
      ['不予公开', '2', '', '2'],
    ]);
    expectProvenanceEverywhere(value);
    // The page number "- 1 -" at the foot of the page is not text of the report.
    expect(value.blocks.at(-1)).toMatchObject({ text: '以上数据截至2023年12月31日。' });
  });
});

describe('a table whose header rows repeat on the next page (repeated-header.pdf, LibreOffice)', () => {
  it('joins the two pages into one table and drops the repeated header rows', async () => {
    const { value } = await parsePdf(fixture('repeated-header.pdf'), ctx);
    const ts = tables(value);
    expect(ts).toHaveLength(1);
    const t = ts[0]!;
    expectEveryGridSlotCoveredOnce(t);
    expect([t.rows, t.cols]).toEqual([62, 4]);
    expect(cellAt(t, 0, 0)).toMatchObject({ text: '项目', rowSpan: 2 });
    expect(textRows(t).filter((r) => r[0] === '项目')).toHaveLength(1);
    expect(rowText(t, 2)).toEqual(['1.第1项申请', '101', '201', '301']);
    expect(cellAt(t, 61, 0)).toMatchObject({ text: '60.第60项申请', prov: { page: 2 } });
    expect(rowText(t, 61)).toEqual(['60.第60项申请', '160', '260', '360']);
    expect(value.blocks.at(-1)).toMatchObject({ type: 'paragraph', text: '四、表格之后的正文段落。' });
  });
});
