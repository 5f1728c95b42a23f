/**
 * Instants with nanosecond precision, as SolarNetwork writes them (`2025-09-29 04:05:46.56237Z`), and as
 * Java's `Instant.toString()` prints them (`2025-09-29T04:05:46.562370Z`).
 */
export interface Instant {
  /** Whole milliseconds since the epoch of the instant's second. */
  epochSecondMillis: number
  /** Nanoseconds within the second, 0 to 999,999,999. */
  nano: number
}

/** The range of a JavaScript date. */
const MAX_DATE_MS = 8.64e15

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

/** Parses the service's `created` leniently: space or `T` form, any offset, or epoch milliseconds. */
export function parseInstant(value: unknown): Instant | undefined {
  // beyond ±8.64e15 ms a JavaScript date cannot show it: such a value is shown as the service sent it
  if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_MS) {
    const millis = Math.floor(value)
    const second = Math.floor(millis / 1000) * 1000
    return {epochSecondMillis: second, nano: (millis - second) * 1_000_000}
  }
  if (typeof value !== 'string') return undefined
  const m = DATE_TIME.exec(value.trim())
  if (!m) return undefined
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone = 'Z'] = m
  let offsetMinutes = 0
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '')
    offsetMinutes = (zone[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0))
  }
  const date = new Date(Date.UTC(2000, 0, 1, Number(h), Number(mi), Number(s)))
  // years taken literally (Date.UTC reads 0050 as 1950)
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d))
  const utc = date.getTime() - offsetMinutes * 60_000
  if (Number.isNaN(utc) || Math.abs(utc) > MAX_DATE_MS) return undefined
  return {epochSecondMillis: utc, nano: Number(fraction.padEnd(9, '0'))}
}

function datePart(instant: Instant, separator: string): string {
  const iso = new Date(instant.epochSecondMillis).toISOString()
  return `${iso.slice(0, 10)}${separator}${iso.slice(11, 19)}`
}

/** Java `Instant.toString()`: the fraction in groups of three digits, none when zero. */
export function formatInstantIso(instant: Instant): string {
  const nanos = String(instant.nano).padStart(9, '0')
  let fraction: string
  if (instant.nano % 1_000_000 === 0) fraction = instant.nano === 0 ? '' : '.' + nanos.slice(0, 3)
  else if (instant.nano % 1000 === 0) fraction = '.' + nanos.slice(0, 6)
  else fraction = '.' + nanos
  return `${datePart(instant, 'T')}${fraction}Z`
}

/** SolarNetwork's `yyyy-MM-dd HH:mm:ss[.fraction]Z`, trailing zeros of the fraction removed. */
export function formatInstantAlt(instant: Instant): string {
  const fraction = instant.nano === 0 ? '' : '.' + String(instant.nano).padStart(9, '0').replace(/0+$/, '')
  return `${datePart(instant, ' ')}${fraction}Z`
}
