/** Seconds since the epoch as `2026-12-01 23:40:00Z`. */
export const formatTime = (seconds: number): string =>
  new Date(seconds * 1000)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z')

// A name with a newline or an escape sequence must not break or restyle the operator's terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

/** Left-aligned columns two spaces apart, for a terminal; control characters shown as `?`. */
export const formatTable = (header: readonly string[], rows: readonly (readonly string[])[]): string => {
  const lines = [header, ...rows].map((row) => row.map((cell) => cell.replace(CONTROL, '?')))
  const widths = header.map((_, column) => Math.max(...lines.map((row) => (row[column] ?? '').length)))
  return lines
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')
}
