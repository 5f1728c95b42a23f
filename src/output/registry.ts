import type {Formatter} from './report.js'

/** The display modes every command accepts; plugins add theirs with `registerFormatter`. */
const formatters = new Map<string, Formatter>()

export function registerFormatter(formatter: Formatter): void {
  formatters.set(formatter.name.toUpperCase(), formatter)
}

// built-ins load their modules (and json-2-csv) only when used
registerFormatter({
  name: 'CSV',
  description: 'comma-separated values with a header row',
  render: async (report, context) => (await import('./csv.js')).renderCsv(report, context.toTerminal ?? true),
})
registerFormatter({
  name: 'JSON',
  description: 'JSON, pretty on a terminal and compact when piped',
  rendersEmpty: true,
  render: async (report, context) => (await import('./json-formatter.js')).renderJson(report, context),
})
registerFormatter({
  name: 'PRETTY',
  description: 'a text table',
  render: async (report) => (await import('./pretty.js')).renderTable(report),
})

export function formatterNames(): string[] {
  return [...formatters.keys()].sort()
}

/** Finds a formatter by name, ignoring case. */
export function findFormatter(name: string): Formatter | undefined {
  return formatters.get(name.toUpperCase())
}
