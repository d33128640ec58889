import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { GongkaiError } from '../../src/messages.js';
import type { Block, DocumentModel, Table } from '../../src/model/document.js';
import { grid, textRows } from '../../src/model/table.js';
import { parseHtml } from './index.js';

const ctx = { limits: DEFAULT_LIMITS };
const corpusBytes = (file: string) => readFileSync(`${ROOT}corpus/${file}`);
const parseFile = async (file: string) => parseHtml(corpusBytes(file), ctx);
const parseString = async (html: string, name?: string) => parseHtml(Buffer.from(html), name ? { ...ctx, name } : ctx);

const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.type === 'table');
const texts = (doc: DocumentModel) => doc.blocks.filter((b) => b.type !== 'table').map((b) => (b as Exclude<Block, Table>).text);
/** Blocks without provenance, to compare two renderings of one report. */
const plain = (doc: DocumentModel) => JSON.stringify(doc.blocks, (k, v: unknown) => (k === 'prov' ? undefined : v));

describe('every corpus page', () => {
  const pages: [string, number][] = [
    ['pingtan-2017.html', 1],
    ['pingtan-2019.html', 3],
    ['pingtan-2021.html', 3],
    ['pingtan-2023.html', 3],
    ['seed-2023.html', 4],
    ['seed-2023-gbk.html', 4],
    ['seed-2023-distinct.html', 4],
  ];
  for (const [file, tableCount] of pages) {
    it(`reads ${file}: its tables, its section text, no page chrome, no messages`, async () => {
      const { value, messages } = await parseFile(file);
      expect(messages).toEqual([]);
      expect(value.format).toBe('html');
      expect(tables(value)).toHaveLength(tableCount);
      const lines = texts(value);
      expect(lines.some((t) => /^[一二三四五六]、/.test(t))).toBe(true);
      // Chrome around the article (breadcrumb, publish date, nav) is not report text.
      expect(lines.some((t) => /^当前位置|^发布时间：|^首页$|版权所有/.test(t))).toBe(false);
      // Cell text never comes out as a paragraph as well.
      expect(lines).not.toContain('信息内容');
      // No heading markup in these pages: sections are found by text, later.
      expect(value.blocks.every((b) => b.type !== 'heading')).toBe(true);
      expect(value.declaredTitle).toMatch(/政府信息公开工作年度报告/);
    });
  }
});

describe('seed-2023-gbk.html (charset=gb2312)', () => {
  it('gives the same blocks as the UTF-8 page', async () => {
    const [gbk, utf8] = await Promise.all([parseFile('seed-2023-gbk.html'), parseFile('seed-2023.html')]);
    expect(JSON.stringify(gbk.value)).toBe(JSON.stringify(utf8.value));
  });

  it('gives the same blocks with its <meta> charset removed (GB18030 fallback)', async () => {
    const bytes = corpusBytes('seed-2023-gbk.html');
    const meta = /<meta http-equiv="Content-Type"[^>]*>/i.exec(bytes.toString('latin1'))!;
    const stripped = Buffer.concat([bytes.subarray(0, meta.index), bytes.subarray(meta.index + meta[0].length)]);
    const [gbk, utf8] = await Promise.all([parseHtml(stripped, ctx), parseFile('seed-2023.html')]);
    expect(plain(gbk.value)).toBe(plain(utf8.value));
  });
});

describe('seed-2023.html', () => {
  it('reads table 二 (第（一）–（六）项) as an 11×4 grid with the 行政许可 value spanning three columns', async () => {
    const t = tables((await parseFile('seed-2023.html')).value)[0]!;
    expect([t.rows, t.cols]).toEqual([11, 4]);
    expect(textRows(t)[1]).toEqual(['信息内容', '本年制发件数', '本年度止件数', '现行有效件数']);
    expect(grid(t)[6]!.map((c) => c?.text)).toEqual(['行政许可', '157', '157', '157']);
    expect(t.cells.find((c) => c.text === '157')?.prov?.path).toBe('table[1]/tr[7]/td[2]');
  });

  it('keeps the paragraph between two tables in order', async () => {
    const blocks = (await parseFile('seed-2023.html')).value.blocks;
    const i = blocks.findIndex((b) => b.type === 'paragraph' && b.text === '第二十条第（八）项');
    expect(blocks[i - 1]?.type).toBe('table');
    expect(blocks[i + 1]).toMatchObject({ type: 'table', rows: 2, cols: 2 });
  });
});

describe('pingtan-2019.html', () => {
  it('reads table 三 with "三、本年度办理结果" written as two rowspans, one of 10 rows each', async () => {
    const t = tables((await parseFile('pingtan-2019.html')).value)[1]!;
    expect([t.rows, t.cols]).toEqual([26, 10]);
    const label = t.cells.filter((c) => c.text === '三、本年度办理结果');
    expect(label.map((c) => [c.row, c.col, c.rowSpan])).toEqual([
      [5, 0, 10],
      [15, 0, 10],
    ]);
    const rows = textRows(t);
    expect(rows[3]).toEqual(['一、本年新收政府信息公开申请数量', '', '', '23', '0', '0', '0', '0', '0', '23']);
    expect(rows[24]).toEqual(['', '（七）总计', '', '23', '0', '0', '0', '0', '0', '23']);
    expect(grid(t)[20]![0]!.row).toBe(15);
  });

  it('keeps the unit in the 采购总金额 cell and its colspan', async () => {
    const t = tables((await parseFile('pingtan-2019.html')).value)[0]!;
    expect(t.cells.find((c) => c.text === '75394432.52元')).toMatchObject({ row: 17, col: 2, colSpan: 2 });
  });
});

describe('pingtan-2021.html', () => {
  it('reads the header 商业企业 spanning two grid columns, as its data cells do', async () => {
    const t = tables((await parseFile('pingtan-2021.html')).value)[1]!;
    expect([t.rows, t.cols]).toEqual([28, 11]);
    expect(t.cells.find((c) => c.text === '商业企业')).toMatchObject({ row: 2, col: 4, colSpan: 2, rowSpan: 1 });
    expect(textRows(t)[3]).toEqual(['一、本年新收政府信息公开申请数量', '', '', '64', '0', '', '0', '2', '0', '4', '70']);
    expect(t.prov.path).toBe('div[2]/table[1]');
  });

  it('reads the 收费 amount as written', async () => {
    const t = tables((await parseFile('pingtan-2021.html')).value)[0]!;
    expect(grid(t)[13]!.map((c) => c?.text)).toEqual(['行政事业性收费', '24252.311082', '24252.311082', '24252.311082']);
  });
});

describe('pingtan-2023.html', () => {
  it('reads table 三 as 28×10 with one 22-row "三、本年度办理结果" cell', async () => {
    const t = tables((await parseFile('pingtan-2023.html')).value)[1]!;
    expect([t.rows, t.cols]).toEqual([28, 10]);
    expect(t.cells.find((c) => c.text === '三、本年度办理结果')).toMatchObject({ row: 5, col: 0, rowSpan: 22, colSpan: 1 });
    expect(textRows(t)[3]).toEqual(['一、本年新收政府信息公开申请数量', '', '', '80', '1', '0', '0', '0', '0', '81']);
  });

  it('strips the &nbsp; around a bold section heading', async () => {
    expect(texts((await parseFile('pingtan-2023.html')).value)).toContain('一、总体情况');
  });
});

describe('pingtan-2017.html', () => {
  it('reads the article of a template without a TRS_Editor div, with its own statistics table', async () => {
    const { value } = await parseFile('pingtan-2017.html');
    expect(texts(value).slice(0, 2)).toEqual(['平潭综合实验区', '2017年度政府信息公开工作年度报告']);
    const t = tables(value)[0]!;
    expect([t.rows, t.cols]).toEqual([16, 4]);
    expect(textRows(t)[0]).toEqual(['指标名称', '计量单位', '2017年度', '历年累计']);
    expect(textRows(t)[1]).toEqual(['主动公开文件数', '条', '2122', '10037']);
  });
});

describe('blocks', () => {
  it('splits paragraphs on <br>, collapses whitespace and trims full-width spaces', async () => {
    const { value } = await parseString('<div id="zoom"><p>\u3000\u3000一、总体情况<br/>2023年，&nbsp;我局\n  认真</p></div>');
    expect(texts(value)).toEqual(['一、总体情况', '2023年，我局认真']);
    expect(value.blocks.map((b) => b.prov.path)).toEqual(['p[1]', 'p[1]']);
  });

  it('emits headings only for <h1>–<h6>, levelled by rank among the tags used', async () => {
    const { value } = await parseString('<article><h2>年度报告</h2><h3>一、总体情况</h3><p>正文正文</p><h3>二、主动公开政府信息情况</h3></article>');
    expect(value.blocks.map((b) => [b.type, b.type === 'heading' ? b.level : 0])).toEqual([
      ['heading', 1],
      ['heading', 2],
      ['paragraph', 0],
      ['heading', 2],
    ]);
  });

  it('falls back to the densest text block when no known container is present', async () => {
    const report = '本机关二〇二三年度政府信息公开工作情况如下。'.repeat(10);
    const html = `<body><div class="nav"><a href="/">首页</a><span>网站导航栏目说明文字内容</span></div><div class="x"><div class="y"><p>${report}</p><p>一、总体情况</p></div></div><div class="footer">版权所有：某某人民政府办公室 地址某某路</div></body>`;
    const { value } = await parseString(html);
    expect(texts(value)).toEqual([report, '一、总体情况']);
  });

  it('reads a page laid out in tables as paragraphs, and the data table inside it as a table', async () => {
    const prose = '本机关认真贯彻落实政府信息公开条例，主动公开政府信息。'.repeat(8);
    const html = `<table><tr><td class="left"><a href="/">栏目</a></td><td><p>一、总体情况</p><p>${prose}</p>
      <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>0</td></tr></table></td></tr></table>`;
    const { value, messages } = await parseString(html);
    expect(messages).toEqual([]);
    expect(texts(value)).toEqual(['一、总体情况', prose]);
    expect(tables(value).map((t) => textRows(t))).toEqual([[['信息内容', '本年制发件数'], ['规章', '0']]]);
  });

  it('keeps a data table with a long note row as a table', async () => {
    const note = '说明：本表统计口径为本机关本年度收到的全部政府信息公开申请，含通过信函、网络等渠道提交的申请。'.repeat(5);
    const rows = ['<tr><td>信息内容</td><td>数量</td></tr>', '<tr><td>规章</td><td>0</td></tr>', '<tr><td>规范性文件</td><td>3</td></tr>', `<tr><td colspan="2">${note}</td></tr>`];
    const { value } = await parseString(`<div id="zoom"><p>二、主动公开政府信息情况</p><table>${rows.join('')}</table></div>`);
    expect(tables(value)).toHaveLength(1);
    expect(textRows(tables(value)[0]!)[3]![0]).toBe(note);
  });

  it('splits <pre> text on its newlines', async () => {
    const { value } = await parseString('<div id="zoom"><pre>一、总体情况\n2023年，我局\n\n二、主动公开政府信息情况</pre></div>');
    expect(texts(value)).toEqual(['一、总体情况', '2023年，我局', '二、主动公开政府信息情况']);
  });

  it('passes over a small abstract box that reuses the TRS_Editor class', async () => {
    const report = '本机关二〇二三年度政府信息公开工作情况如下。'.repeat(20);
    const html = `<body><div class="summary TRS_Editor"><p>摘要：本报告介绍年度工作情况。</p></div><div id="main"><p>${report}</p><p>一、总体情况</p></div></body>`;
    const { value } = await parseString(html);
    expect(texts(value)).toEqual([report, '一、总体情况']);
  });

  it('prefers the densest text block to a side box that carries a generic ".content" class', async () => {
    const report = '本机关二〇二三年度政府信息公开工作情况如下。'.repeat(10);
    const side = '<div class="content"><p>热点专题：优化营商环境政策汇编与解读材料合集入口说明文字</p></div>';
    const html = `<body><div class="left">${side}</div><div class="main"><h1>某区年度报告</h1><div class="article">
      <div class="tools">字号：大中小</div><div class="content"><p>${report}</p><p>一、总体情况</p></div></div></div></body>`;
    const { value } = await parseString(html);
    expect(texts(value)).toEqual([report, '一、总体情况']);
  });

  it('takes the title from <title>', async () => {
    const { value } = await parseString('<html><head><title> 某区2023年政府信息公开工作年度报告 </title></head><body><p>正文</p></body></html>');
    expect(value.declaredTitle).toBe('某区2023年政府信息公开工作年度报告');
  });
});

describe('pages without report text', () => {
  it('warns html.image-only for an article that is a picture of the report', async () => {
    const { messages } = await parseString('<div class="TRS_Editor"><p><img src="/a/W0202401.jpg"></p><p><img src="/a/W0202402.jpg"></p></div>');
    expect(messages).toMatchObject([{ code: 'html.image-only', severity: 'warning' }]);
  });

  it('warns html.attachment-link naming the file, resolved against the page URL', async () => {
    const html = '<div id="zoom"><p>附件：<a href="../P020240120.pdf">2023年政府信息公开工作年度报告.pdf</a></p></div>';
    const { messages } = await parseString(html, 'https://www.example.gov.cn/xxgk/ndbg/202401/t20240120_1.html');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ code: 'html.attachment-link' });
    expect(messages[0]!.text).toContain('https://www.example.gov.cn/xxgk/ndbg/P020240120.pdf');
  });

  it('names a PDF shown in an <iframe> viewer as the attachment', async () => {
    const { messages } = await parseString('<div id="zoom"><p>年度报告</p><iframe src="/pdfjs/web/viewer.html?file=/upload/2023ndbg.pdf"></iframe></div>');
    expect(messages).toMatchObject([{ code: 'html.attachment-link', text: expect.stringContaining('/upload/2023ndbg.pdf') }]);
  });

  it('warns html.tables-as-images for report text with pictures and no table', async () => {
    const prose = '本机关认真贯彻落实政府信息公开条例，主动公开政府信息。'.repeat(10);
    const { messages } = await parseString(`<div class="TRS_Editor"><p>${prose}</p><p><img src="/t2.png"></p><p><img src="/t3.png"></p></div>`);
    expect(messages).toMatchObject([{ code: 'html.tables-as-images', severity: 'warning' }]);
  });

  it('does not warn about an attachment link below a full report', async () => {
    const { messages } = await parseFile('seed-2023.html');
    expect(messages.filter((m) => m.code.startsWith('html.'))).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses a 60,000-deep page with limit.nesting-depth', async () => {
    const html = `<html><body>${'<div>'.repeat(60_000)}深${'</div>'.repeat(60_000)}</body></html>`;
    const error = await parseString(html).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongkaiError);
    expect(error).toMatchObject({ code: 'limit.nesting-depth' });
  });
});
