/**
 * A report as a GitHub-flavoured Markdown table. Pipes are escaped and line breaks become <br>, so a
 * multi-line cell (a token's policy) stays in its row.
 */
export function renderMarkdown(report) {
  const cell = (text) => (text ?? '').replaceAll('|', '\\|').replace(/\r\n|\r|\n/g, '<br>')
  const line = (cells) => `| ${cells.join(' | ')} |`
  return (
    [
      line(report.columns.map((column) => cell(column.title))),
      line(report.columns.map((column) => (column.align === 'right' ? '---:' : '---'))),
      ...report.rows.map((row) => line(report.columns.map((_, i) => cell(row[i])))),
    ].join('\n') + '\n'
  )
}
