// CSV per RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled; records end in CRLF.
// Files start with a UTF-8 BOM so that Excel opens Chinese text correctly (without it Excel guesses GBK).

export const UTF8_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

/** One field: null/undefined → empty; numbers as JavaScript prints them (no thousands separators). */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, CRLF included. */
export function csvRecord(values: CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
