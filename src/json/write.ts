/**
 * JSON written the way the Java s10k writes it with Jackson: DefaultPrettyPrinter layout (`"key" : value`,
 * inline `[ 1, 2 ]` arrays, two-space indent) on a terminal, compact otherwise. Jackson escapes only `"`, `\`
 * and control characters (uppercase `\u00XX`), leaving `/` and non-ASCII text as they are. s10k also escapes
 * what printable.ts escapes (DEL, the C1 controls, invisible and reordering characters), which Jackson leaves
 * raw, so that JSON shown on a terminal cannot drive or deceive it either: the same JSON value, written safely.
 */
import {UNPRINTABLE_SOURCE, lazyPattern, unicodeEscape} from '../text/printable.js'

export type JsonValue = string | number | boolean | null | JsonNumber | JsonValue[] | {[key: string]: JsonValue | undefined}

/**
 * A number kept as its text, as Java reads JSON numbers into BigDecimal/BigInteger: `1.50` stays `1.50`, and
 * a large integer keeps every digit. Written as `text`.
 */
export class JsonNumber {
  constructor(readonly text: string) {}

  /** JSON.stringify writes the text as it is (compactJson's native path). */
  toJSON(): unknown {
    return (JSON as unknown as {rawJSON(text: string): unknown}).rawJSON(this.text)
  }
}

const SHORT_ESCAPES: Record<string, string> = {'"': '\\"', '\\': '\\\\', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t'}

// every C0 control, line feed included (JSON requires it), and what a terminal must not obey
const ESCAPE_SOURCE = String.raw`["\\\u0000-\u001F]|${UNPRINTABLE_SOURCE}`
const needsEscape = lazyPattern(ESCAPE_SOURCE, 'u')
const toEscape = lazyPattern(ESCAPE_SOURCE, 'gu')

export function jsonString(value: string): string {
  // most strings need no escape: tell at a glance (large metadata has millions of them)
  if (!needsEscape().test(value)) return `"${value}"`
  const escaped = value.replace(toEscape(), (c) => SHORT_ESCAPES[c] ?? unicodeEscape(c, true))
  return `"${escaped}"`
}

function scalar(value: string | number | boolean | null | JsonNumber): string {
  if (value instanceof JsonNumber) return value.text
  return typeof value === 'string' ? jsonString(value) : String(value)
}

const unprintable = lazyPattern(UNPRINTABLE_SOURCE, 'u')

/**
 * JSON.stringify's text, when it is the one s10k writes: not when it holds a `\u` escape (it writes lowercase hex
 * and escapes lone surrogates) or a character s10k escapes and it does not, nor when it throws; then undefined.
 */
function nativeJson(value: JsonValue, indent?: number): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  let text: string
  try {
    text = JSON.stringify(value, null, indent)
  } catch {
    return undefined
  }
  // one native scan each, the slower one only for text beyond printable ASCII
  if (text.includes('\\u') || (/[^\x20-\x7E\n]/.test(text) && unprintable().test(text))) return undefined
  return text
}

export function compactJson(value: JsonValue): string {
  // native first: large metadata is written several times faster, and checked in one scan
  return nativeJson(value) ?? compactJs(value)
}

function compactJs(value: JsonValue): string {
  if (value === null || typeof value !== 'object' || value instanceof JsonNumber) return scalar(value)
  // built by appending, without an array per object: large metadata has millions of members
  let out = ''
  if (Array.isArray(value)) {
    for (const v of value) out += (out === '' ? '' : ',') + compactJs(v)
    return `[${out}]`
  }
  for (const k of Object.keys(value)) {
    const v = value[k]
    if (v !== undefined) out += `${out === '' ? '' : ','}${jsonString(k)}:${compactJs(v)}`
  }
  return `{${out}}`
}

interface PrettyOptions {
  /** Spaces written before an array that sits directly inside a top-level list item (Java's list printer). */
  innerArrayPrefix?: string
}

function pretty(value: JsonValue, level: number, options: PrettyOptions): string {
  if (value === null || typeof value !== 'object' || value instanceof JsonNumber) return scalar(value)
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]'
    // only an array that is a value of its own is shifted, not the arrays inside it
    return `${options.innerArrayPrefix ?? ''}[ ${value.map((v) => pretty(v, level, {...options, innerArrayPrefix: undefined})).join(', ')} ]`
  }
  // built by appending, without an array per object: large metadata has millions of members
  const indent = '  '.repeat(level + 1)
  let body = ''
  for (const k of Object.keys(value)) {
    const v = value[k]
    if (v !== undefined) body += `${body === '' ? '' : ',\n'}${indent}${jsonString(k)} : ${pretty(v, level + 1, options)}`
  }
  return body === '' ? '{ }' : `{\n${body}\n${'  '.repeat(level)}}`
}

/** Jackson DefaultPrettyPrinter output, without a trailing newline. */
export function prettyJson(value: JsonValue): string {
  // native when the layouts agree: objects only (no `[`), none empty (`{}`), and every `": ` ends a key (no `\": `)
  const text = nativeJson(value, 2)
  if (text !== undefined && !text.includes('[') && !text.includes('{}') && !text.includes('\\": ')) return text.replaceAll('": ', '" : ')
  return pretty(value, 0, {})
}

/** The Java tool's list layout: objects start at column 0, one per element, inner arrays shifted by two. */
export function prettyJsonList(values: readonly JsonValue[]): string {
  if (values.length === 0) return '[ ]'
  return `[\n${values.map((v) => pretty(v, 0, {innerArrayPrefix: '  '})).join(',\n')}\n]`
}

/**
 * Any value read from the service or a file, as JSON for a message (`"x"`, `{"a":1}`), cut to `max` characters:
 * what JSON cannot hold is shown as JavaScript writes it (`undefined`), a date as its ISO text.
 */
export function describeJson(value: unknown, max = Number.POSITIVE_INFINITY): string {
  const text =
    value instanceof Date
      ? jsonString(value.toISOString())
      : isJson(value)
        ? compactJson(value)
        : value === undefined || typeof value === 'bigint'
          ? `${value}`
          : Object.prototype.toString.call(value)
  return text.length > max ? `${text.slice(0, max)}...` : text
}

function isJson(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof JsonNumber) return true
  if (typeof value === 'number') return true
  if (Array.isArray(value)) return value.every((v) => isJson(v))
  if (typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return (proto === Object.prototype || proto === null) && Object.values(value).every((v) => v === undefined || isJson(v))
}
