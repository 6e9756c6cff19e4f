/**
 * One CSV cell: quoted when needed, and a text that a spreadsheet would read as a formula (starting
 * with = + - @, a tab or a carriage return) is prefixed with a quote, so an export never runs code.
 */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would be read as a formula by spreadsheet programs.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole CSV file as spreadsheets open it: a byte-order mark (UTF-8), comma-separated, CRLF lines, every cell through `csvCell`. */
export function csvDocument(rows: (string | number | null | undefined)[][]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
