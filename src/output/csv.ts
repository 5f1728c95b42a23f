import {json2csv} from 'json-2-csv'

import {printable} from '../text/printable.js'
import type {Cell, Report} from './report.js'

/**
 * CSV as FastCSV writes it: CRLF after every record, fields quoted only when they hold `"`, `,`, CR or LF
 * (or when the first field starts with `#`), quotes doubled, empty cells empty. For a terminal (`escape`),
 * control characters are shown escaped; for a file or a pipe, every cell is written exactly.
 */
export function renderCsv(report: Report, escape = true): string {
  const text = escape ? printable : (cell: string): string => cell
  if (report.headerless) return report.rows.map((row) => row.map((cell, i) => csvField(text(cell ?? ''), i)).join(',') + '\r\n').join('')
  const keys = report.columns.map((c, i) => ({field: `c${i}`, title: c.title}))
  const toCsv = (rows: ReadonlyArray<readonly Cell[]>, prependHeader: boolean): string =>
    json2csv(
      // for a terminal, control characters but line feed are shown escaped (see printable.ts); CSV quotes the rest
      rows.map((row) => Object.fromEntries(keys.map((k, i) => [k.field, text(row[i] ?? '')]))),
      {
        keys,
        prependHeader,
        delimiter: {field: ',', wrap: '"', eol: '\r\n'},
        emptyFieldValue: '',
        expandNestedObjects: false,
        checkSchemaDifferences: false,
      },
    )
  if (!report.rows.some((row) => row[0]?.startsWith('#'))) return toCsv(report.rows, true).replace(/(\r\n)*$/, '\r\n')
  // rare: FastCSV also quotes a first field starting with '#', which json-2-csv leaves bare
  const records = report.rows.map((row) => {
    const record = toCsv([row], false)
    if (!record.startsWith('#')) return record
    const end = record.includes(',') ? record.indexOf(',') : record.length
    return `"${record.slice(0, end)}"${record.slice(end)}`
  })
  const header = toCsv([], true).replace(/(\r\n)+$/, '')
  return [header, ...records].join('\r\n') + '\r\n'
}

/** One field as FastCSV writes it: quoted when it holds `"`, `,`, CR or LF, or is a first field starting with `#`. */
function csvField(value: string, index: number): string {
  return /[",\r\n]/.test(value) || (index === 0 && value.startsWith('#')) ? `"${value.replaceAll('"', '""')}"` : value
}
