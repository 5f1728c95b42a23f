import {compactJson, prettyJson, prettyJsonList} from './json.js'
import type {RenderContext, Report} from './report.js'

/** Pretty JSON (with a newline) on a terminal; compact JSON without a trailing newline when piped. */
export function renderJson(report: Report, {terminal}: RenderContext): string {
  if (!report.list) {
    const item = report.items[0] ?? null
    return terminal ? prettyJson(item) + '\n' : compactJson(item)
  }
  return terminal ? prettyJsonList(report.items) + '\n' : compactJson([...report.items])
}
