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
function nativeJson(value: JsonValue): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  let text: string
  try {
    text = JSON.stringify(value)
  } catch {
    return undefined
  }
  // one native scan each, the slower one only for text beyond printable ASCII
  if (text.includes('\\u') || (/[^\x20-\x7E]/.test(text) && unprintable().test(text))) return undefined
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

/** Jackson DefaultPrettyPrinter output, without a trailing newline. */
export function prettyJson(value: JsonValue): string {
  return layout(compactJson(value), '')
}

/** prettyJson of the value whose compactJson text this is, without a second walk of the value. */
export function prettyJsonText(compact: string): string {
  return layout(compact, '')
}

/** The Java tool's list layout: objects start at column 0, one per element, inner arrays shifted by two. */
export function prettyJsonList(values: readonly JsonValue[]): string {
  if (values.length === 0) return '[ ]'
  return `[\n${values.map((v) => layout(compactJson(v), '  ')).join(',\n')}\n]`
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const SPACE = 0x20
const NEWLINE = 0x0a
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d

/** Text held as its UTF-16 units, one byte each when every unit fits: both give back exactly the text written. */
type Units = Uint8Array | Uint16Array

const unitsLike = (wide: boolean, length: number): Units => (wide ? new Uint16Array(length) : Buffer.allocUnsafe(length))

function grown(out: Units, used: number, needed: number): Units {
  const bigger = unitsLike(out instanceof Uint16Array, Math.max(needed, out.length * 2))
  bigger.set(out.subarray(0, used))
  return bigger
}

/**
 * Compact JSON text (compactJson's) laid out as Jackson's DefaultPrettyPrinter: `"key" : value`, members on lines
 * of their own indented by two spaces an object, arrays inline (`[ 1, 2 ]`), `{ }` and `[ ]` when empty, and
 * `arrayPrefix` before an array that is not inside another. Only white space is added, in one pass over the text:
 * large metadata is laid out in a fraction of the time a second walk of its value takes.
 */
function layout(compact: string, arrayPrefix: string): string {
  const n = compact.length
  const wide = /[\u0100-\uFFFF]/.test(compact)
  let out = unitsLike(wide, n + (n >> 1) + 64)
  let at = 0
  // the open brackets, innermost last: true for an object; `level` counts the open objects, `arrays` the arrays
  const objects: boolean[] = []
  let level = 0
  let arrays = 0
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i)
    if (c === QUOTE) {
      // a string is copied as it is: a quote inside it follows a backslash, which is copied with what it escapes
      out[at++] = c
      for (let d = compact.charCodeAt(++i); d !== QUOTE && i < n; d = compact.charCodeAt(++i)) {
        out[at++] = d
        if (d === BACKSLASH) out[at++] = compact.charCodeAt(++i)
      }
      out[at++] = QUOTE
      continue
    }
    if (c !== COMMA && c !== COLON && c !== OPEN_OBJECT && c !== CLOSE_OBJECT && c !== OPEN_ARRAY && c !== CLOSE_ARRAY) {
      out[at++] = c
      continue
    }
    // room for the rest of the text, copied one for one, and for what this bracket or separator adds
    const needed = at + (n - i) + 2 * level + arrayPrefix.length + 8
    if (needed > out.length) out = grown(out, at, needed)
    if (c === COLON) {
      out[at++] = SPACE
      out[at++] = COLON
      out[at++] = SPACE
      continue
    }
    const next = compact.charCodeAt(i + 1)
    if ((c === OPEN_OBJECT && next === CLOSE_OBJECT) || (c === OPEN_ARRAY && next === CLOSE_ARRAY)) {
      out[at++] = c
      out[at++] = SPACE
      out[at++] = next
      i++
      continue
    }
    if (c === OPEN_ARRAY) {
      if (arrays === 0) for (let k = 0; k < arrayPrefix.length; k++) out[at++] = arrayPrefix.charCodeAt(k)
      out[at++] = OPEN_ARRAY
      out[at++] = SPACE
      objects.push(false)
      arrays++
      continue
    }
    if (c === CLOSE_ARRAY) {
      out[at++] = SPACE
      out[at++] = CLOSE_ARRAY
      objects.pop()
      arrays--
      continue
    }
    if (c === COMMA && !objects[objects.length - 1]) {
      out[at++] = COMMA
      out[at++] = SPACE
      continue
    }
    // an object opens, closes, or goes on to its next member: a new line, indented to its level
    if (c === OPEN_OBJECT) {
      out[at++] = OPEN_OBJECT
      objects.push(true)
      level++
    } else if (c === CLOSE_OBJECT) {
      objects.pop()
      level--
    } else {
      out[at++] = COMMA
    }
    out[at++] = NEWLINE
    for (let k = 2 * level; k > 0; k--) out[at++] = SPACE
    if (c === CLOSE_OBJECT) out[at++] = CLOSE_OBJECT
  }
  const units = Buffer.from(out.buffer, out.byteOffset, at * out.BYTES_PER_ELEMENT)
  return units.toString(wide ? 'utf16le' : 'latin1')
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
