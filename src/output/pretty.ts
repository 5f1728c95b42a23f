import {table, type TableUserConfig} from 'table'

import type {Report} from './report.js'

/** Column content is capped at 78 characters (80 with padding), like the Java tool's asciitable. */
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

function cellLines(cell: string | undefined): string[] {
  return (cell ?? '').split(/\r\n|\r|\n/).flatMap((line) => wrapLine(line))
}

const BORDER = {
  topBody: '-', topJoin: '+', topLeft: '+', topRight: '+',
  bottomBody: '-', bottomJoin: '+', bottomLeft: '+', bottomRight: '+',
  bodyLeft: '|', bodyRight: '|', bodyJoin: '|',
  joinBody: '-', joinLeft: '+', joinRight: '+', joinJoin: '+',
}

export function renderTable(report: Report): string {
  const header = report.columns.map((c) => cellLines(c.title))
  const rows = report.rows.map((row) => report.columns.map((_, i) => cellLines(row[i])))
  const widths = report.columns.map((_, i) => Math.max(...[header[i], ...rows.map((r) => r[i])].flat().map((l) => l.length)))
  // headers stay left-aligned in right-aligned columns: pad them to the full width first
  const headerCells = header.map((lines, i) => lines.map((l) => l.padEnd(widths[i])).join('\n'))
  const config: TableUserConfig = {
    border: BORDER,
    columns: report.columns.map((c, i) => ({width: Math.max(widths[i], 1), alignment: c.align ?? 'left', paddingLeft: 1, paddingRight: 1})),
  }
  return table([headerCells, ...rows.map((r) => r.map((lines) => lines.join('\n')))], config)
}
