import {JsonNumber, type JsonValue} from './output/json.js'

/** Nesting deeper than this is refused: hostile input must not exhaust the stack. */
const MAX_DEPTH = 200

export class JsonSyntaxError extends Error {}

/** Sticky patterns, matched where the parser is, without copying the rest of the text. */
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y
const NUMBER_START = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/
const MAX_NUMBER = 1100
const WORDS = [
  ['true', true],
  ['false', false],
  ['null', null],
] as const
// eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y

/**
 * JSON.parse, keeping every number as the Java tool prints it (BigDecimal / BigInteger): integers as written,
 * decimals and exponents in BigDecimal.toString() form (`1.50` stays `1.50`, `1e3` becomes `1E+3`).
 * Duplicate keys keep the last value, as Jackson's maps do.
 */
export function parseJsonExact(text: string): JsonValue {
  let at = 0
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`${what} at position ${at + 1}`)
  }
  const space = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text[at])) at++
  }
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`)
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
        object[key] = value(depth + 1)
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
    for (const [word, result] of WORDS) {
      if (text.startsWith(word, at)) {
        at += word.length
        return result
      }
    }
    NUMBER.lastIndex = at
    let number = NUMBER.exec(text)
    // a number is read within 1100 characters; a longer one is cut there (and the rest is then refused)
    if (number && number[0].length > MAX_NUMBER) number = NUMBER_START.exec(text.slice(at, at + MAX_NUMBER))
    if (number) {
      at += number[0].length
      return new JsonNumber(javaNumberText(number[0]))
    }
    return fail(at >= text.length ? 'unexpected end of input' : `unexpected character '${c}'`)
  }
  const string = (): string => {
    STRING.lastIndex = at
    const end = STRING.exec(text)
    if (!end) return fail('malformed string')
    at += end[0].length
    return JSON.parse(end[0]) as string
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
