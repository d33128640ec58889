// Report metadata: title, agency and the year reported on (not the publication date).
import type { DocumentModel } from '../model/document.js';
import { REPORT_TITLE } from '../template/labels.js';
import { cleanText, toHalfWidth } from './text.js';

const CN_YEAR_DIGITS: Record<string, string> = { 〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** "2023年" or "二〇二三年" → 2023; the first year written in the text. */
export function yearIn(text: string): number | undefined {
  const digits = /(?<!\d)((?:19|20)\d{2})\s*年/.exec(text);
  if (digits) return Number(digits[1]);
  const cn = /([〇零一二三四五六七八九ＯO]{4})\s*年/.exec(text);
  if (!cn) return undefined;
  const y = Number([...cn[1]!].map((c) => CN_YEAR_DIGITS[c] ?? '').join(''));
  return y >= 1990 && y <= 2100 ? y : undefined;
}

/** The reporting body as the title names it: what stands before (or after the year before) 政府信息公开. */
export function agencyIn(title: string): string | undefined {
  const t = title
    .replace(/[《》“”"]/g, '')
    .replace(/^关于/, '')
    .replace(/(?:(?:19|20)\d{2}|[〇零一二三四五六七八九ＯO]{4})\s*年度?/, '|');
  const m = /^(.*?)(?:的)?(?:政府信息公开|政务公开|信息公开)/.exec(t);
  if (!m) return undefined;
  const candidates = m[1]!.split('|').map((s) => s.replace(/(关于|的)$/, '').trim()).filter((s) => s.length >= 2);
  return candidates.at(-1) ?? candidates[0];
}

/** "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止": the reporting year when the title has none. */
function statisticsYear(doc: DocumentModel): number | undefined {
  for (const block of doc.blocks.slice(0, 40)) {
    if (block.type === 'table') continue;
    const m = /统计(?:期限|时限|时间|区间)[^。]{0,6}?自?\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日/.exec(toHalfWidth(block.text));
    if (m) return Number(m[1]);
  }
  return undefined;
}

export function recognizeMeta(doc: DocumentModel): { title: string | null; agency: string | null; year: number | null } {
  const lines: string[] = [];
  // Spaces between CJK and digits are extraction artefacts ("平顶山市商务局 2023 年…" in text dumps of PDFs).
  const tidy = (s: string) => cleanText(s).replace(/(?<=[\u3400-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u3400-\u9fff])/g, '');
  for (const block of doc.blocks.slice(0, 12)) if (block.type !== 'table') lines.push(tidy(block.text));
  // The title may be wrapped over two lines: try each line and each pair.
  const isTitle = (l: string) => l.length <= 80 && REPORT_TITLE.test(l) && !/^(根据|按照|依据|本报告)/.test(l);
  const i = lines.findIndex(isTitle);
  // A page's <title> often carries the column and site names: "…年度报告_政府信息公开年报_某某政府网".
  const declared = cleanText(doc.declaredTitle ?? '').split(/\s*[_|｜]\s*|\s+[-—–]\s+/).find(isTitle);
  let title: string | null = i >= 0 ? lines[i]! : (declared ?? null);
  // A title wrapped over two lines ("平潭综合实验区2019年" / "政府信息公开工作年度报告"): the line above
  // completes it when the matched line lacks the agency or the year and the line above is short.
  const above = i > 0 ? lines[i - 1]! : '';
  if (title && i > 0 && (!yearIn(title) || !agencyIn(title)) && above.length <= 30 && !/[。；;]/.test(above)) title = `${above}${title}`;
  const year = (title ? yearIn(title) : undefined) ?? statisticsYear(doc) ?? null;
  return { title, agency: (title ? agencyIn(title) : undefined) ?? null, year };
}
