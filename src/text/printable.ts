/**
 * Text from the service, a file or the arguments is data: written to a terminal, its control characters could
 * move the cursor, rewrite or hide lines, set the window title or ring the bell, and its invisible characters
 * could reorder or hide what a line shows. These show them escaped, the way JSON writes them (`\u001b`), so that
 * what is shown is exactly what is there.
 */

/**
 * C0 controls but line feed, DEL, C1 controls, the line and paragraph separators, and the format characters
 * (Unicode category Cf: bidirectional marks, overrides and isolates, zero-width spaces, word joiner, BOM, tags),
 * except ZWNJ and ZWJ, which scripts and emoji need. A source for a `u`-flag regular expression.
 */
export const UNPRINTABLE_SOURCE = String.raw`[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]|(?![\u200C\u200D])\p{Cf}`

/**
 * A pattern built on its first use: V8 compiles a pattern when it is built, and `\p{Cf}` takes ICU's tables
 * (about 1% of a `--help` run, which never needs it).
 */
export function lazyPattern(source: string, flags: string): () => RegExp {
  let pattern: RegExp | undefined
  return () => (pattern ??= new RegExp(source, flags))
}

const unprintable = lazyPattern(UNPRINTABLE_SOURCE, 'gu')

/** `\uXXXX` for each UTF-16 unit of `c` (a character beyond U+FFFF is a surrogate pair, as in JSON). */
export function unicodeEscape(c: string, upperCase = false): string {
  let out = ''
  for (let i = 0; i < c.length; i++) {
    const hex = c.charCodeAt(i).toString(16).padStart(4, '0')
    out += `\\u${upperCase ? hex.toUpperCase() : hex}`
  }
  return out
}

const escape = (c: string): string => unicodeEscape(c)

/** `text` with every control and invisible character but line feed escaped. */
export function printable(text: string): string {
  // printable ASCII and line feeds, which the pattern never matches, are most text
  if (!/[^\x20-\x7E\n]/.test(text)) return text
  return text.replace(unprintable(), escape)
}

/** `text` on one line: line feeds escaped too (for a value quoted inside a message). */
export function printableLine(text: string): string {
  return printable(text).replaceAll('\n', '\\u000a')
}
