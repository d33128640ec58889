import { describe, expect, it } from 'vitest';
import type { Line } from './lines.js';
import { buildParagraphs, documentMargins, isPageNumber, type PageLines, removeHeadersAndFooters, startsWithEnumerator } from './paragraphs.js';

const line = (text: string, x0: number, y0: number, x1 = 520, size = 16): Line => ({ text, box: [x0, y0, x1, y0 + size], size, runs: [{ text, box: [x0, y0, x1, y0 + size] }], vertical: false });
const page = (n: number, lines: Line[]): PageLines => ({ page: n, width: 595, height: 842, lines });

describe('page numbers, headers and footers', () => {
  it('recognises the usual page number forms', () => {
    for (const t of ['- 4 -', '—4—', '4', '第4页', '第 4 页 共 6 页', '共6页 第4页', '4/6', 'Page 4 of 6']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['2023年', '一、总体情况', '4119 件']) expect(isPageNumber(t), t).toBe(false);
  });

  it('removes page numbers and running headers in the margins, not body lines that look alike', () => {
    const pages = [1, 2, 3].map((n) => page(n, [line('洪泽区政府信息公开年度报告', 200, 30, 400, 9), line(`正文第${n}页的内容`, 74, 400), line('21', 74, 450, 90), line(`- ${n} -`, 280, 800, 300, 12)]));
    const kept = removeHeadersAndFooters(pages).map((p) => p.lines.map((l) => l.text));
    expect(kept).toEqual([['正文第1页的内容', '21'], ['正文第2页的内容', '21'], ['正文第3页的内容', '21']]);
  });
});

describe('buildParagraphs', () => {
  // Body text from x = 74 to 520 at 16 pt, lines 28 pt apart; a first-line indent is two characters.
  const body = [
    line('一、总体情况', 106, 100, 202),
    line('2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面', 106, 128),
    line('贯彻落实《条例》相关规范要求，不断完善政府信息公开制度。', 74, 156, 400),
    line('（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知', 106, 184),
    line('公告等各类政府信息。', 74, 212, 240),
    line('1.属于国家秘密的', 74, 240, 200),
    line('2.其他', 74, 268, 200),
  ];

  it('joins lines broken by layout and breaks at indents, short last lines and enumerators', () => {
    const m = documentMargins([page(1, body)]);
    expect(buildParagraphs(page(1, body), m).map((p) => p.text)).toEqual([
      '一、总体情况',
      '2023年，洪泽区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《条例》相关规范要求，不断完善政府信息公开制度。',
      '（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。',
      '1.属于国家秘密的',
      '2.其他',
    ]);
  });

  it('treats enumerators as paragraph starts', () => {
    for (const t of ['一、总体情况', '（一）主动公开', '(2)其他', '1.属于', '3、补正', '①甲', '第一条 本办法']) expect(startsWithEnumerator(t), t).toBe(true);
    for (const t of ['2023年，', '1.5万元', '三安全一稳定']) expect(startsWithEnumerator(t), t).toBe(false);
  });
});
