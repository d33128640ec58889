// Cell text → number, exactly as printed. Blank, "—", "/", "无" are null (never 0 by guess).
import { toHalfWidth } from './text.js';

export type NumberUnit = 'yuan' | 'wan';

export type ParsedNumber =
  | { kind: 'number'; value: number; unit?: NumberUnit }
  | { kind: 'blank' }            // empty cell
  | { kind: 'dash'; text: string } // "—", "/", "无", "-": printed, but not a number
  | { kind: 'unreadable'; text: string };

const DASHES = /^(?:[-—–─－/／\\、]+|无|空|暂无|\/)$/;
// Count words that may follow a number in a cell ("3件", "12个"); they carry no unit to convert.
const COUNT_WORDS = /(?:件|个|项|次|人|条|份|宗|起|家)$/;

/** Parse a table cell as a number; units 元 / 万元 are reported, not applied. */
export function parseNumber(raw: string): ParsedNumber {
  let s = toHalfWidth(raw).replace(/[\s\u00a0]+/g, '');
  if (s === '') return { kind: 'blank' };
  if (DASHES.test(s)) return { kind: 'dash', text: raw.trim() };
  let unit: NumberUnit | undefined;
  if (/万元$/.test(s)) { unit = 'wan'; s = s.slice(0, -2); }
  else if (/元$/.test(s)) { unit = 'yuan'; s = s.slice(0, -1); }
  else s = s.replace(COUNT_WORDS, '');
  // Thousands separators: "1,234,567.8" (a comma followed by exactly three digits).
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(/^[−－]/, '-');
  if (!/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(s)) return { kind: 'unreadable', text: raw.trim() };
  const value = Number(s);
  return unit ? { kind: 'number', value, unit } : { kind: 'number', value };
}

/**
 * Convert between 元 and 万元 with exact decimal arithmetic on the digits (1.5万元 → 15000 元),
 * so that nothing is rounded by binary floating point.
 */
export function convertUnit(value: number, from: NumberUnit, to: NumberUnit): number {
  if (from === to) return value;
  return shiftDecimal(value, from === 'wan' ? 4 : -4);
}

function shiftDecimal(value: number, places: number): number {
  const negative = value < 0;
  // Number → plain decimal string without exponent (toString can give 1e-7).
  let [int = '0', frac = ''] = Math.abs(value).toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }).split('.');
  if (places > 0) {
    frac = frac.padEnd(places, '0');
    int += frac.slice(0, places);
    frac = frac.slice(places);
  } else {
    int = int.padStart(-places + 1, '0');
    frac = int.slice(places) + frac;
    int = int.slice(0, places);
  }
  const out = Number(`${int}.${frac || '0'}`);
  return negative ? -out : out;
}
