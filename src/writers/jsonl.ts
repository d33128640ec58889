// JSON Lines (https://jsonlines.org): one compact JSON value per line, "\n" separated, UTF-8 without BOM.

/** One line, newline included. JSON.stringify escapes every newline inside strings, so a value is one line. */
export function jsonlLine(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
