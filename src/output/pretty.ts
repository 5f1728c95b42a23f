import {ExitCode, S10kError} from '../command/errors.js'
import {printable} from '../text/printable.js'
import type {Report} from './report.js'

/**
 * The Java tool's PRETTY tables (asciitable 1.8.0): `+---+` rules above, below and between all rows, one
 * space of padding, widths counted in UTF-16 units as Java's `String.length()` does, headers left-aligned.
 * Written here rather than with the `table` package, which took 2.6 s for 10,000 tokens (see README).
 */

/**
 * The most cells (counting each line of a multi-line cell) a table without a header is drawn with: every row is
 * padded to the longest, so a small ragged table could otherwise draw a huge one.
 */
export const MAX_DRAWN_CELLS = 1_000_000

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

/** Lines a cell is drawn on: one per line, and more for a line wrapped at the content width. */
function lineCount(cell: string | undefined): number {
  if (!cell) return 1
  return cell.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / MAX_CONTENT_WIDTH)), 0)
}

export function renderTable(report: Report): string {
  if (report.headerless) {
    const width = report.rows.reduce((widest, row) => Math.max(widest, row.length), 0)
    if (width === 0) return ''
    const heights = report.rows.reduce((sum, row) => sum + row.reduce((tallest, cell) => Math.max(tallest, lineCount(cell)), 1), 0)
    if (width * heights > MAX_DRAWN_CELLS) {
      throw new S10kError(
        `The table is too large to draw in PRETTY mode: ${report.rows.length} rows padded to ${width} columns is more than ${MAX_DRAWN_CELLS.toLocaleString('en')} cells; use -mode CSV or -mode JSON`,
        ExitCode.usage,
      )
    }
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
  // reduce, not Math.max(...lines): a cell may have more lines than a call can take arguments
  const width = (lines: string | string[]): number =>
    typeof lines === 'string' ? lines.length : lines.reduce((widest, l) => Math.max(widest, l.length), 0)
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
