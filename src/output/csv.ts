import {json2csv} from 'json-2-csv'

import {printable} from '../text/printable.js'
import type {Cell, Report} from './report.js'

const EOL = '\r\n'

/**
 * CSV as FastCSV writes it: CRLF after every record, fields quoted only when they hold `"`, `,`, CR or LF
 * (or when the first field starts with `#`), quotes doubled, empty cells empty. For a terminal (`escape`),
 * control characters are shown escaped; for a file or a pipe, every cell is written exactly.
 */
export function renderCsv(report: Report, escape = true): string {
  const text = escape ? printable : (cell: string): string => cell
  if (!report.headerless)
    return csvText(
      report.rows,
      report.columns.length,
      text,
      report.columns.map((c) => c.title),
    )
  // a headerless table's rows each keep their own length: each run of rows of one length is written at once
  let out = ''
  for (let start = 0; start < report.rows.length;) {
    const width = report.rows[start].length
    let end = start + 1
    while (end < report.rows.length && report.rows[end].length === width) end++
    out += csvText(report.rows.slice(start, end), width, text)
    start = end
  }
  return out
}

/** Records of `width` fields each, after a header row of `titles` if given; every record ends with CRLF. */
function csvText(rows: ReadonlyArray<readonly Cell[]>, width: number, text: (cell: string) => string, titles?: readonly string[]): string {
  const keys = Array.from({length: width}, (_, i) => ({field: `c${i}`, title: titles?.[i] ?? ''}))
  const toCsv = (part: ReadonlyArray<readonly Cell[]>, prependHeader: boolean): string =>
    json2csv(
      // for a terminal, control characters but line feed are shown escaped (see printable.ts); CSV quotes the rest
      part.map((row) => Object.fromEntries(keys.map((k, i) => [k.field, text(row[i] ?? '')]))),
      {
        keys,
        prependHeader,
        delimiter: {field: ',', wrap: '"', eol: EOL},
        emptyFieldValue: '',
        expandNestedObjects: false,
        checkSchemaDifferences: false,
      },
    )
  const lines = titles ? [toCsv([], true).slice(0, -EOL.length)] : []
  // json2csv joins records with CRLF; rare: FastCSV also quotes a first field starting with '#', which json-2-csv leaves bare
  if (rows.some((row) => row[0]?.startsWith('#'))) lines.push(...rows.map((row) => quoteHash(toCsv([row], false))))
  else if (rows.length > 0) lines.push(toCsv(rows, false))
  return lines.length === 0 ? '' : lines.join(EOL) + EOL
}

/** A record whose first field starts with `#`, that field quoted as FastCSV quotes it. */
function quoteHash(record: string): string {
  if (!record.startsWith('#')) return record
  const end = record.includes(',') ? record.indexOf(',') : record.length
  return `"${record.slice(0, end)}"${record.slice(end)}`
}
