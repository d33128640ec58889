import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../test/support/corpus.js';
import { minimalDocx } from '../../test/fixtures/html-docx/zip-writer.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import { parseDocx } from './index.js';
import { formatNumber, readNumberingDefs, renderNumbering } from './numbering.js';

const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra}</w:lvl>`;

/** Lists as government reports number them: 一、 then （一）, a decimal style list, and bullets. */
const NUMBERING_XML =
  '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、', '<w:suff w:val="nothing"/>')}${lvl(1, 'chineseCounting', '（%2）', '<w:suff w:val="nothing"/>')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '</w:numbering>';

const STYLES_XML =
  '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
  '<w:style w:type="paragraph" w:styleId="ListItem"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>' +
  '<w:style w:type="paragraph" w:styleId="ListItemBold"><w:basedOn w:val="ListItem"/></w:style></w:styles>';

const para = (text: string, pPr: string) => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

describe('formatNumber', () => {
  it('writes the counters Chinese reports use', () => {
    expect([1, 2, 10, 11, 20, 21, 99, 105].map((n) => formatNumber(n, 'chineseCounting'))).toEqual(['一', '二', '十', '十一', '二十', '二十一', '九十九', '一百〇五']);
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(12, 'decimalFullWidth')).toBe('１２');
    expect(formatNumber(28, 'upperLetter')).toBe('AB');
    expect(formatNumber(14, 'lowerRoman')).toBe('xiv');
    expect(formatNumber(7, 'someFutureFormat')).toBe('7');
  });
});

describe('renderNumbering', () => {
  const defs = readNumberingDefs(NUMBERING_XML, STYLES_XML);
  const labels = (xml: string) => [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);

  it('writes 一、 and （一） labels, restarting the inner level under each outer item', () => {
    const xml = [para('总体情况', num(1)), para('主动公开', num(1, 1)), para('依申请公开', num(1, 1)), para('主动公开政府信息情况', num(1)), para('规章', num(1, 1))].join('');
    expect(labels(renderNumbering(xml, defs)!)).toEqual(['一、', '（一）', '（二）', '二、', '（一）']);
  });

  it('numbers paragraphs through their style, following w:basedOn, with a space after "1."', () => {
    const xml = [para('甲', '<w:pStyle w:val="ListItem"/>'), para('乙', '<w:pStyle w:val="ListItemBold"/>')].join('');
    expect(labels(renderNumbering(xml, defs)!)).toEqual(['1. ', '2. ']);
  });

  it('restarts a list instance with w:startOverride and leaves bullets to mammoth', () => {
    const xml = [para('a', num(2)), para('b', num(2)), para('c', num(4)), para('•', num(3))].join('');
    const out = renderNumbering(xml, defs)!;
    expect(labels(out)).toEqual(['1. ', '2. ', '1. ']);
    expect(out).toContain('<w:numId w:val="3"/>');
  });

  it('switches numbering off where it wrote a label, and returns undefined when nothing is numbered', () => {
    const out = renderNumbering(para('总体情况', num(1)), defs)!;
    expect(out).toContain('<w:numId w:val="0"/>');
    expect(out).not.toContain('<w:numId w:val="1"/>');
    expect(renderNumbering(para('正文', '<w:jc w:val="both"/>'), defs)).toBeUndefined();
  });
});

describe('parseDocx with automatic numbering', () => {
  it('writes the 一、 and （一） labels of a DOCX LibreOffice exported (taiwaneseCountingThousand)', async () => {
    const docx = readFileSync(`${ROOT}test/fixtures/html-docx/numbered-headings.docx`);
    const { value } = await parseDocx(docx, { limits: DEFAULT_LIMITS });
    expect(value.blocks.map((b) => (b.type === 'table' ? '' : b.text))).toEqual([
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况',
      '（一）主动公开',
      '（二）依申请公开',
      '2023年，本局主动公开政府信息。',
      '二、主动公开政府信息情况',
    ]);
  });

  it('gives section headings their numbers, as the recognizer needs them', async () => {
    const rels =
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>';
    const body = [para('总体情况', num(1)), para('主动公开', num(1, 1)), para('2023年，本机关……', ''), para('主动公开政府信息情况', num(1))].join('');
    const docx = minimalDocx(body, [
      { name: 'word/_rels/document.xml.rels', data: Buffer.from(rels) },
      { name: 'word/numbering.xml', data: Buffer.from(NUMBERING_XML) },
      { name: 'word/styles.xml', data: Buffer.from(STYLES_XML) },
    ]);
    const { value } = await parseDocx(docx, { limits: DEFAULT_LIMITS });
    expect(value.blocks.map((b) => (b.type === 'table' ? '' : b.text))).toEqual(['一、总体情况', '（一）主动公开', '2023年，本机关……', '二、主动公开政府信息情况']);
  });
});
