import {JsonNumber, type JsonValue} from './write.js'
import {setOwn} from './own.js'

/** Nesting deeper than this is refused: hostile input must not exhaust the stack. */
export const MAX_JSON_DEPTH = 200

export class JsonSyntaxError extends Error {}

/** A JSON number, read where the parser stands (sticky): no copy of the text after it. */
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y

/**
 * JSON.parse, keeping every number as the Java tool prints it (BigDecimal / BigInteger): integers as written,
 * decimals and exponents in BigDecimal.toString() form (`1.50` stays `1.50`, `1e3` becomes `1E+3`).
 * Duplicate keys keep the last value, as Jackson's maps do. Every key is an ordinary key of the data, `__proto__`
 * too: it is stored as an own property, never as the object's prototype. A string of any length is read without
 * recursion or backtracking, so that a long one cannot exhaust the stack. With `plainIntegers`, an integer may be
 * given as a JS number (one whose text it prints exactly) instead of a JsonNumber.
 */
export function parseJsonExact(text: string, options: {plainIntegers?: boolean} = {}): JsonValue {
  // the native parser is several times faster; it serves when no number's text could be lost (see nativeExact)
  if (nativeExact(text)) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return parseJs(text)
    }
    // with plainIntegers, integers stay JS numbers (all of them safe here, and printed as written): large data stays small
    return options.plainIntegers ? (parsed as JsonValue) : exactNumbers(parsed)
  }
  return parseJs(text)
}

/**
 * Whether JSON.parse reads the text as parseJs does: no number whose text a JS number could change (a fraction,
 * an exponent, `-0`, 16 digits or more) and no more than MAX_JSON_DEPTH brackets open at once. Conservative: text
 * inside strings is skipped, and anything else doubtful is left to parseJs, which also gives the error messages.
 */
function nativeExact(text: string): boolean {
  let depth = 0
  let digits = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i)
        if (d === 0x22) break
        if (d === 0x5c) i++
      }
      digits = 0
    } else if (c >= 0x30 && c <= 0x39) {
      if (++digits >= 16) return false
    } else {
      // `.` and an `e` or `E` after a digit belong to numbers only; `-0` may be negative zero
      if (c === 0x2e || ((c === 0x65 || c === 0x45) && digits > 0) || (c === 0x2d && text.charCodeAt(i + 1) === 0x30)) return false
      if (c === 0x7b || c === 0x5b) {
        if (++depth > MAX_JSON_DEPTH) return false
      } else if (c === 0x7d || c === 0x5d) depth--
      digits = 0
    }
  }
  return true
}

/** JSON.parse's value with every number, a safe integer written as it prints, made a JsonNumber (in place). */
function exactNumbers(value: unknown): JsonValue {
  if (typeof value === 'number') return new JsonNumber(String(value))
  if (typeof value !== 'object' || value === null) return value as JsonValue
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (typeof v === 'number' || typeof v === 'object') value[i] = exactNumbers(v)
    }
    return value as JsonValue[]
  }
  const object = value as Record<string, unknown>
  for (const k in object) {
    const v = object[k]
    if (typeof v === 'number') setOwn(object, k, new JsonNumber(String(v)))
    else if (typeof v === 'object' && v !== null) exactNumbers(v)
  }
  return object as JsonValue
}

/** The parser itself, in JS: every number's text, any text, the one-line errors. */
function parseJs(text: string): JsonValue {
  let at = 0
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${at + 1}`)
  }
  const space = (): void => {
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at));
  }
  const value = (depth: number): JsonValue => {
    if (depth > MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH}`)
    space()
    const c = text[at]
    if (c === '{') {
      at++
      const object: Record<string, JsonValue> = {}
      space()
      if (text[at] === '}') {
        at++
        return object
      }
      for (;;) {
        space()
        if (text[at] !== '"') fail('expected a key')
        const key = string()
        space()
        if (text[at] !== ':') fail("expected ':'")
        at++
        setOwn(object, key, value(depth + 1))
        space()
        if (text[at] === ',') {
          at++
          continue
        }
        if (text[at] === '}') {
          at++
          return object
        }
        fail("expected ',' or '}'")
      }
    }
    if (c === '[') {
      at++
      const array: JsonValue[] = []
      space()
      if (text[at] === ']') {
        at++
        return array
      }
      for (;;) {
        array.push(value(depth + 1))
        space()
        if (text[at] === ',') {
          at++
          continue
        }
        if (text[at] === ']') {
          at++
          return array
        }
        fail("expected ',' or ']'")
      }
    }
    if (c === '"') return string()
    if (c === 't' && text.startsWith('true', at)) {
      at += 4
      return true
    }
    if (c === 'f' && text.startsWith('false', at)) {
      at += 5
      return false
    }
    if (c === 'n' && text.startsWith('null', at)) {
      at += 4
      return null
    }
    NUMBER.lastIndex = at
    const number = NUMBER.exec(text)
    if (number) {
      at += number[0].length
      const integer = !number[1] && !number[2]
      return new JsonNumber(integer ? (number[0] === '-0' ? '0' : number[0]) : javaNumberText(number[0]))
    }
    return fail(at >= text.length ? 'unexpected end of input' : `unexpected character '${c}'`)
  }
  const string = (): string => {
    const start = at
    let escaped = false
    for (at++; ; at++) {
      const c = text.charCodeAt(at)
      if (c === 0x22) break
      // JSON strings may not hold raw control characters, and end before the text does (NaN)
      if (!(c >= 0x20)) fail(Number.isNaN(c) ? 'unexpected end of input in a string' : 'control character in a string')
      if (c !== 0x5c) continue
      escaped = true
      at++
      if (text[at] === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail('malformed \\u escape in a string')
        at += 4
      } else if (!'"\\/bfnrt'.includes(text[at] ?? '')) fail('malformed escape in a string')
    }
    at++
    return escaped ? (JSON.parse(text.slice(start, at)) as string) : text.slice(start + 1, at - 1)
  }
  const result = value(0)
  space()
  if (at < text.length) fail('unexpected text after the JSON value')
  return result
}

/** A JSON number's text as Java prints it after reading it as BigInteger or BigDecimal. */
export function javaNumberText(text: string): string {
  // an integer prints as written (BigInteger), except that there is no negative zero
  if (!/[.eE]/.test(text)) return text === '-0' ? '0' : text
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!m) return text
  const [, sign, whole, fraction = '', exponent = '0'] = m
  let digits = (whole + fraction).replace(/^0+(?=\d)/, '')
  const scale = fraction.length - Number(exponent)
  const negative = sign === '-' && /[1-9]/.test(digits)
  if (digits === '') digits = '0'
  // BigDecimal.toString(): plain when the scale is not negative and the adjusted exponent is at least -6
  const adjusted = -scale + (digits.length - 1)
  let out: string
  if (scale >= 0 && adjusted >= -6) {
    if (scale === 0) out = digits
    else if (digits.length > scale) out = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
    else out = `0.${'0'.repeat(scale - digits.length)}${digits}`
  } else {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    out = `${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`
  }
  return negative ? `-${out}` : out
}
