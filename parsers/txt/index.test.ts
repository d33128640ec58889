import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import type { Block, DocumentModel, Table } from '../../src/model/document.js';
import { textRows } from '../../src/model/table.js';
import { parseTxt, readTextBlocks } from './index.js';

const ctx = { limits: DEFAULT_LIMITS };
const tables = (doc: DocumentModel) => doc.blocks.filter((b): b is Table => b.type === 'table');
const paragraphs = (blocks: Block[]) => blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));

describe('pingdingshan-shangwu-2023.txt', () => {
  const read = () => parseTxt(readFileSync(`${ROOT}corpus/pingdingshan-shangwu-2023.txt`), ctx);

  it('reads the four tab-separated tables with their ragged widths', async () => {
    const { value, messages } = await read();
    expect(messages).toEqual([]);
    expect(tables(value).map((t) => [t.rows, t.cols, t.prov.path])).toEqual([
      [11, 4, 'line[29]'],
      [2, 2, 'line[43]'],
      [28, 10, 'line[48]'],
      [4, 15, 'line[79]'],
    ]);
  });

  it('keeps empty fields in their columns instead of shifting the row', async () => {
    const t = tables((await read()).value)[2]!;
    const rows = textRows(t);
    expect(rows[1]).toEqual(['', '', '自然人', '法人或其他组织', '', '', '', '', '', '']);
    expect(rows[3]).toEqual(['一、本年新收政府信息公开申请数量', '', '0', '0', '0', '0', '0', '0', '0', '']);
    expect(rows[7]!.slice(0, 3)).toEqual(['', '(三) 不予公开', '1.属于国家秘密']);
    expect(t.cells.find((c) => c.text === '1.属于国家秘密')?.prov?.path).toBe('line[55]/cell[3]');
  });

  it('keeps the header typo 本年度止件数 as written, and the section lines as paragraphs', async () => {
    const { value } = await read();
    expect(textRows(tables(value)[0]!)[1]).toEqual(['信息内容', '本年制发件数', '本年度止件数', '现行有效件数']);
    const texts = paragraphs(value.blocks);
    expect(texts).toContain('三、收到和处理政府信息公开申请情况');
    expect(texts).toContain('第二十条第（八）项');
    expect(value.blocks.find((b) => b.type === 'paragraph' && b.text === '一、总体情况')?.prov.path).toBe('line[5]');
  });

  it('reads the same blocks from a GBK copy without BOM (test/fixtures/html-docx)', async () => {
    const gbk = await parseTxt(readFileSync(`${ROOT}test/fixtures/html-docx/pingdingshan-shangwu-2023.gbk.txt`), ctx);
    expect(JSON.stringify(gbk.value)).toBe(JSON.stringify((await read()).value));
  });
});

describe('readTextBlocks', () => {
  it('joins consecutive lines into one paragraph and splits on blank lines and form feeds', () => {
    const blocks = readTextBlocks('一、总体情况\r\n\r\n2023年，我局认真\r\n按照条例\n\f\n第二段 text\nmore');
    expect(paragraphs(blocks)).toEqual(['一、总体情况', '2023年，我局认真按照条例', '第二段 text more']);
  });

  it('ends a table at a line without tabs', () => {
    const blocks = readTextBlocks('a\t1\nb\t2\n说明\nc\t3\t4');
    expect(blocks.map((b) => b.type)).toEqual(['table', 'paragraph', 'table']);
    expect(textRows(blocks[2] as Table)).toEqual([['c', '3', '4']]);
  });

  it('pads short rows with empty cells so every row has the widest row\'s columns', () => {
    const t = readTextBlocks('\t\t总计\nx\t1')[0] as Table;
    expect(textRows(t)).toEqual([
      ['', '', '总计'],
      ['x', '1', ''],
    ]);
    expect(t.cells.filter((c) => c.text === '' && c.row === 1).map((c) => c.prov?.path)).toEqual(['line[2]']);
  });
});
