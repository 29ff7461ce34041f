/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** A CSV document (CRLF line ends, header first) of rows with the given columns. */
export function toCsv(
  columns: readonly string[],
  rows: readonly Record<string, unknown>[]
): string {
  const lines = [columns.map(field).join(",")]
  for (const row of rows) {
    lines.push(columns.map((column) => field(row[column])).join(","))
  }
  return `${lines.join("\r\n")}\r\n`
}
