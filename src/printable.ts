/**
 * Text from the service, a file or the arguments is data: written to a terminal, its control characters could
 * move the cursor, rewrite or hide lines, set the window title or ring the bell. These show them escaped, the
 * way JSON writes them (`\u001b`), so that what is shown is exactly what is there.
 */

// C0 controls but line feed, DEL, C1 controls, and the bidirectional overrides and isolates that reorder what a
// line shows (U+202A–U+202E, U+2066–U+2069)
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`

/** `text` with every control character but line feed escaped. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escape)
}

/** `text` on one line: line feeds escaped too (for a value quoted inside a message). */
export function printableLine(text: string): string {
  return printable(text).replaceAll('\n', '\\u000a')
}
