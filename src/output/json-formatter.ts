import {compactJson, prettyJson, prettyJsonList} from '../json/write.js'
import type {RenderContext, Report} from './report.js'

/**
 * Pretty JSON on a terminal (or with --pretty), compact JSON when piped; either ends with a newline, so that a
 * shell prompt does not run onto it (the Java tool writes none after compact JSON).
 */
export function renderJson(report: Report, {terminal}: RenderContext): string {
  if (!report.list) {
    const item = report.items[0] ?? null
    return (terminal ? prettyJson(item) : compactJson(item)) + '\n'
  }
  return (terminal ? prettyJsonList(report.items) : compactJson([...report.items])) + '\n'
}
