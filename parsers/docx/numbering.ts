// Automatic numbering as text. mammoth turns numbered paragraphs into <ol><li> and drops the number
// itself, but reports find their sections by it: a heading numbered by Word's "一、" list style would
// come out as "总体情况". Each numbered paragraph gets its rendered label ("一、", "（二）", "3.") as a
// leading run and its numbering removed, as Word would print it (ECMA-376 §17.9).

interface LevelDef {
  /** w:numFmt, e.g. decimal, chineseCounting, bullet. */
  format: string;
  /** w:lvlText, e.g. "%1、", "（%2）". */
  text: string;
  start: number;
  /** w:suff: what follows the label (tab by default). */
  suffix: string;
}

interface NumDef {
  abstractId: string;
  /** w:lvlOverride/w:startOverride: where this list instance restarts each level. */
  startOverrides: Map<number, number>;
}

export interface NumberingDefs {
  abstracts: Map<string, Map<number, LevelDef>>;
  nums: Map<string, NumDef>;
  /** Paragraph style → its numbering (w:style/w:pPr/w:numPr), following w:basedOn. */
  styleNumbering: Map<string, { numId?: string; ilvl?: number }>;
}

const attr = (xml: string, element: string): string | undefined =>
  new RegExp(`<w:${element}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml)?.[1];

export function readNumberingDefs(numberingXml: string, stylesXml = ''): NumberingDefs {
  const abstracts = new Map<string, Map<number, LevelDef>>();
  for (const m of numberingXml.matchAll(/<w:abstractNum\b[^>]*?w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g)) {
    const levels = new Map<number, LevelDef>();
    for (const l of m[2]!.matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const body = l[2]!;
      levels.set(Number(l[1]), {
        format: attr(body, 'numFmt') ?? 'decimal',
        text: attr(body, 'lvlText') ?? '',
        start: Number(attr(body, 'start') ?? 0), // §17.9.25: omitted start is 0
        suffix: attr(body, 'suff') ?? 'tab',
      });
    }
    abstracts.set(m[1]!, levels);
  }
  const nums = new Map<string, NumDef>();
  for (const m of numberingXml.matchAll(/<w:num\b[^>]*?w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const abstractId = attr(m[2]!, 'abstractNumId');
    if (abstractId === undefined) continue;
    const startOverrides = new Map<number, number>();
    for (const o of m[2]!.matchAll(/<w:lvlOverride\b[^>]*?w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o[2]!, 'startOverride');
      if (start !== undefined) startOverrides.set(Number(o[1]), Number(start));
    }
    nums.set(m[1]!, { abstractId, startOverrides });
  }
  return { abstracts, nums, styleNumbering: readStyleNumbering(stylesXml) };
}

function readStyleNumbering(stylesXml: string): Map<string, { numId?: string; ilvl?: number }> {
  const own = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  for (const m of stylesXml.matchAll(/<w:style\b[^>]*?w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const body = m[2]!;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(body)?.[1] ?? '';
    const numId = attr(numPr, 'numId');
    const ilvl = attr(numPr, 'ilvl');
    const basedOn = attr(body, 'basedOn');
    own.set(m[1]!, { ...(numId !== undefined ? { numId } : {}), ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}), ...(basedOn ? { basedOn } : {}) });
  }
  const resolved = new Map<string, { numId?: string; ilvl?: number }>();
  for (const id of own.keys()) {
    let numId: string | undefined;
    let ilvl: number | undefined;
    const seen = new Set<string>();
    for (let s = own.get(id); s && !seen.has(id); s = s.basedOn ? own.get(s.basedOn) : undefined) {
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      if (!s.basedOn || seen.has(s.basedOn)) break;
      seen.add(s.basedOn);
    }
    if (numId !== undefined) resolved.set(id, { numId, ...(ilvl !== undefined ? { ilvl } : {}) });
  }
  return resolved;
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

function chineseNumber(n: number, digits = CN_DIGITS, ten = '十', hundred = '百'): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h > 0 ? digits[h]! + hundred : '';
  if (t > 0) out += (t === 1 && h === 0 ? '' : digits[t]!) + ten;
  else if (h > 0 && u > 0) out += digits[0]!;
  if (u > 0) out += digits[u]!;
  return out;
}

function letters(n: number, base: string): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(base.charCodeAt(0) + ((k - 1) % 26)) + out;
  return out;
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let k = n;
  for (const [v, s] of table) for (; k >= v; k -= v) out += s;
  return out;
}

const enclosed = (n: number, first: number, max: number) => (n >= 1 && n <= max ? String.fromCodePoint(first + n - 1) : String(n));

/** One counter value in a w:numFmt (§17.18.59); unknown formats print as decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand': // LibreOffice writes 一, 二, 三 lists with this format
      return chineseNumber(n);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join('');
    case 'chineseLegalSimplified':
      return chineseNumber(n, CN_LEGAL, '拾', '佰');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1]! : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'upperLetter':
      return letters(n, 'A');
    case 'lowerLetter':
      return letters(n, 'a');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(n, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    default:
      return String(n);
  }
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PARAGRAPH = /<w:p(\s[^>]*)?>(\s*<w:pPr>([\s\S]*?)<\/w:pPr>)?/g;

/**
 * document.xml with every numbered (non-bullet) paragraph's label written out as text and its
 * numbering switched off (numId 0), or undefined when no paragraph is numbered.
 * Counters run per abstract list, as Word's do across list instances that share one.
 */
export function renderNumbering(documentXml: string, defs: NumberingDefs): string | undefined {
  const counters = new Map<string, number[]>();
  const startedNums = new Set<string>();
  let changed = false;
  const out = documentXml.replace(PARAGRAPH, (whole: string, attrs: string | undefined, _pPrWhole: string | undefined, pPr: string | undefined) => {
    if (attrs?.trimEnd().endsWith('/') || pPr === undefined) return whole;
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    const style = defs.styleNumbering.get(attr(pPr, 'pStyle') ?? '');
    const numId = (numPr !== undefined ? attr(numPr, 'numId') : undefined) ?? style?.numId;
    if (numId === undefined || numId === '0') return whole;
    const ilvl = Number((numPr !== undefined ? attr(numPr, 'ilvl') : undefined) ?? style?.ilvl ?? 0);
    const num = defs.nums.get(numId);
    const levels = num && defs.abstracts.get(num.abstractId);
    const level = levels?.get(ilvl);
    if (!num || !levels || !level || level.format === 'bullet') return whole;
    const values = counters.get(num.abstractId) ?? [];
    counters.set(num.abstractId, values);
    if (!startedNums.has(numId)) {
      startedNums.add(numId);
      for (const [l, start] of num.startOverrides) values[l] = start - 1;
    }
    values[ilvl] = (values[ilvl] ?? (level.start - 1)) + 1;
    values.length = ilvl + 1; // deeper levels restart
    const label = level.format === 'none' ? level.text.replace(/%\d/g, '') : level.text.replace(/%(\d)/g, (_m, d: string) => {
      const k = Number(d) - 1;
      const def = levels.get(k);
      return formatNumber(values[k] ?? def?.start ?? 1, def?.format ?? 'decimal');
    });
    const gap = level.suffix !== 'nothing' && /[0-9A-Za-z.)]$/.test(label) ? ' ' : '';
    const off = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>';
    const newPPr = numPr !== undefined ? pPr.replace(/<w:numPr>[\s\S]*?<\/w:numPr>/, off) : `${pPr}${off}`;
    changed = true;
    const run = label + gap === '' ? '' : `<w:r><w:t xml:space="preserve">${escapeXml(label + gap)}</w:t></w:r>`;
    return `<w:p${attrs ?? ''}><w:pPr>${newPPr}</w:pPr>${run}`;
  });
  return changed ? out : undefined;
}
