/**
 * CSV as the Java tool reads a table stored in metadata (FastCSV 4 with its options): `,` separator, `"` quotes
 * (a doubled quote inside), CR, LF or CRLF line ends, each field trimmed, lines starting with `#` and empty
 * lines skipped, rows of any length. A quote that is not the first character of a field is an ordinary one.
 */
/** Where an unquoted field ends. */
const FIELD_END = /[,\r\n]/g

export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  eachCsvRow(text, (row) => rows.push(row))
  return rows
}

/** Each row of the CSV in turn, so that a large one is read without keeping its rows (csv-set). */
export function eachCsvRow(text: string, onRow: (row: string[]) => void): void {
  let i = 0
  const n = text.length
  while (i < n) {
    // a comment line, or an empty one
    if (text[i] === '#') {
      while (i < n && text[i] !== '\n' && text[i] !== '\r') i++
    }
    if (text[i] === '\r' || text[i] === '\n') {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    if (i >= n) break
    const row: string[] = []
    for (;;) {
      let field = ''
      let start = i
      while (start < n && (text[start] === ' ' || text[start] === '\t')) start++
      if (text[start] === '"' && start === i) {
        // quoted from its first character
        i = start + 1
        for (;;) {
          if (i >= n) break
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"'
              i += 2
              continue
            }
            i++
            break
          }
          field += text[i++]
        }
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') field += text[i++]
      } else {
        FIELD_END.lastIndex = i
        const end = FIELD_END.exec(text)?.index ?? n
        field = text.slice(i, end)
        i = end
      }
      row.push(field.trim())
      if (text[i] === ',') {
        i++
        continue
      }
      break
    }
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1
    else if (text[i] === '\n') i++
    if (!(row.length === 1 && row[0] === '')) onRow(row)
  }
}
