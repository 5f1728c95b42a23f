import {printable} from '../printable.js'
import type {Report} from './report.js'

/**
 * The Java tool's PRETTY tables (asciitable 1.8.0): `+---+` rules above, below and between all rows, one
 * space of padding, widths counted in UTF-16 units as Java's `String.length()` does, headers left-aligned.
 * Written here rather than with the `table` package, which took 2.6 s for 10,000 tokens (see README).
 */

/** Column content is capped at 78 characters (80 with padding). */
export const MAX_CONTENT_WIDTH = 78

/** Wraps at the last space within the limit; a longer word is split at the limit. */
export function wrapLine(line: string, limit = MAX_CONTENT_WIDTH): string[] {
  const lines: string[] = []
  let rest = line
  while (rest.length > limit) {
    const cut = rest.lastIndexOf(' ', limit)
    if (cut > 0) {
      lines.push(rest.slice(0, cut))
      rest = rest.slice(cut + 1)
    } else {
      lines.push(rest.slice(0, limit))
      rest = rest.slice(limit)
    }
  }
  lines.push(rest)
  return lines
}

/** A cell's lines: the text itself when it is one line needing no escaping or wrapping (no array for it), else the lines. */
function cellLines(cell: string | undefined): string | string[] {
  if (!cell) return ''
  // printable() decides what is escaped, so that this shortcut never shows what it would escape
  if (cell.length <= MAX_CONTENT_WIDTH && !cell.includes('\n') && printable(cell) === cell) return cell
  // a line feed makes a cell two lines; every other control character is shown escaped (no CR to overwrite a row)
  const lines = printable(cell.replaceAll('\r\n', '\n')).split('\n')
  return lines.some((l) => l.length > MAX_CONTENT_WIDTH) ? lines.flatMap((l) => wrapLine(l)) : lines
}

export function renderTable(report: Report): string {
  if (report.headerless) {
    const width = Math.max(0, ...report.rows.map((row) => row.length))
    if (width === 0) return ''
    const [first = [], ...rest] = report.rows
    const columns = Array.from({length: width}, () => ({title: '', align: 'right' as const}))
    return draw(
      columns,
      columns.map((_, i) => cellLines(first[i])),
      rest,
      true,
    )
  }
  const columns = report.columns
  return draw(
    columns,
    columns.map((c) => cellLines(c.title)),
    report.rows,
    false,
  )
}

/** The table: a first row (the header, or a data row when headerless), then the rows, rules between all. */
function draw(columns: Report['columns'], header: (string | string[])[], data: Report['rows'], headerIsData: boolean): string {
  const rows = data.map((row) => columns.map((_, i) => cellLines(row[i])))
  const width = (lines: string | string[]): number => (typeof lines === 'string' ? lines.length : Math.max(...lines.map((l) => l.length)))
  const widths = header.map(width)
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const w = width(row[i])
      if (w > widths[i]) widths[i] = w
    }
  }
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`
  const out: string[] = [rule]
  const drawRow = (cells: (string | string[])[], aligned: boolean) => {
    let height = 1
    for (const lines of cells) if (typeof lines !== 'string' && lines.length > height) height = lines.length
    for (let l = 0; l < height; l++) {
      let line = '|'
      for (let i = 0; i < cells.length; i++) {
        const lines = cells[i]
        const text = typeof lines === 'string' ? (l === 0 ? lines : '') : (lines[l] ?? '')
        const right = aligned && columns[i].align === 'right'
        line += ` ${right ? text.padStart(widths[i]) : text.padEnd(widths[i])} |`
      }
      out.push(line + '\n')
    }
    out.push(rule)
  }
  drawRow(header, headerIsData)
  for (const row of rows) drawRow(row, true)
  return out.join('')
}
