import {renderMarkdown} from '../markdown.js'

/** The `formatters` hook: MARKDOWN becomes a --display-mode value of every s10k command. */
export default async function formatters() {
  return [{name: 'MARKDOWN', description: 'a Markdown table', render: (report) => renderMarkdown(report)}]
}
