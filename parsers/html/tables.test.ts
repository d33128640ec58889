import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { textRows } from '../../src/model/table.js';
import type { DomElement } from './dom.js';
import { readTable } from './tables.js';

/** Parse markup the way parsers/html/index.ts does and read its first <table>. */
function read(html: string) {
  const $ = cheerio.load(html, { xml: { xmlMode: false, decodeEntities: true } });
  return readTable($('table')[0] as unknown as DomElement, 'table[1]');
}

describe('readTable', () => {
  it('gives each cell its element path, counting rows across thead and tbody', () => {
    const { table } = read('<table><thead><tr><th>信息内容</th><th>数量</th></tr></thead><tbody><tr><td>规章</td><td>0</td></tr></tbody></table>');
    expect(table!.cells.map((c) => c.prov?.path)).toEqual(['table[1]/tr[1]/th[1]', 'table[1]/tr[1]/th[2]', 'table[1]/tr[2]/td[1]', 'table[1]/tr[2]/td[2]']);
  });

  it('reads cells written without any <tr> as one row', () => {
    const { table } = read('<table><td>规章</td><td>3</td></table>');
    expect(textRows(table!)).toEqual([['规章', '3']]);
  });

  it('finds rows wrapped in stray elements between <table> and <tr>', () => {
    const { table } = read('<table><form><tbody><tr><td>规章</td><td>0</td></tr></tbody></form><font><tr><td>行政许可</td><td>157</td></tr></font></table>');
    expect(textRows(table!)).toEqual([['规章', '0'], ['行政许可', '157']]);
  });

  it('cuts a colspan past the table edge and warns', () => {
    const { table, messages } = read('<table><tr><td colspan="12">第二十条第（一）项</td></tr><tr><td>规章</td><td>0</td><td>1</td></tr></table>');
    expect(table).toMatchObject({ rows: 2, cols: 3 });
    expect(table!.cells[0]).toMatchObject({ colSpan: 3, text: '第二十条第（一）项' });
    expect(messages.map((m) => m.code)).toEqual(['html.span-clamped']);
  });

  it('treats a malformed span attribute as 1', () => {
    const { table } = read('<table><tr><td colspan="two">a</td><td rowspan="">b</td></tr></table>');
    expect(table!.cells.map((c) => [c.rowSpan, c.colSpan])).toEqual([[1, 1], [1, 1]]);
  });

  it('flattens a nested table into its cell and warns html.nested-table', () => {
    const { table, messages } = read('<table><tr><td>外<table><tr><td>12</td><td>34</td></tr></table></td><td>5</td></tr></table>');
    expect(textRows(table!)).toEqual([['外12 34', '5']]);
    expect(messages).toMatchObject([{ code: 'html.nested-table', at: { path: 'table[1]/tr[1]/td[1]' } }]);
  });

  it('joins the lines of a cell without a separator between CJK text, and keeps &nbsp; out', () => {
    const { table } = read('<table><tr><td><p>商业</p><p>企业</p></td><td>&nbsp;7&nbsp;</td><td>1<br>2</td></tr></table>');
    expect(textRows(table!)).toEqual([['商业企业', '7', '1 2']]);
  });

  it('reads a <caption> apart from the cells and skips rows hidden with display:none', () => {
    const { table, captions } = read('<table><caption>表一</caption><tr><td>a</td></tr><tr style="display:none"><td>x</td></tr></table>');
    expect(captions).toEqual(['表一']);
    expect(textRows(table!)).toEqual([['a']]);
  });

  it('drops the zero-height spacer row Word writes at the end of a table saved as a web page', () => {
    const { table } = read("<table><tr><td>规章</td><td>0</td></tr><![if !supportMisalignedColumns]><tr height=0><td width=100></td><td width=50></td></tr><![endif]></table>");
    expect(textRows(table!)).toEqual([['规章', '0']]);
  });

  it('skips a table whose spans would cover too many grid slots, with html.table-too-large', () => {
    const { table, messages } = read(`<table><tr>${'<td colspan="1000" rowspan="65534">x</td>'.repeat(300)}</tr>${'<tr><td>1</td></tr>'.repeat(1000)}</table>`);
    expect(table).toBeUndefined();
    expect(messages.map((m) => m.code)).toEqual(['html.table-too-large']);
  });

  it('returns no table for a <table> without cells', () => {
    expect(read('<table><tr></tr></table>').table).toBeUndefined();
  });
});
