import {invalidValue} from '../flags/flags.js'

/** A wall-clock date and time, before a time zone places it on the timeline. */
export interface LocalDateTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
}

// an ISO offset after the date or time is accepted and ignored, as the Java tool does
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(?:Z|[+-]\d{2}:\d{2}(?::\d{2})?)?$/

/** A UTC date with the year taken literally (`Date.UTC` reads years 0 to 99 as 1900 to 1999). */
function utcDate(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): Date {
  const date = new Date(Date.UTC(2000, 0, 1, hour, minute, second, millisecond))
  date.setUTCFullYear(year, monthIndex, day)
  return date
}

function daysInMonth(year: number, month: number): number {
  return utcDate(year, month, 0).getUTCDate()
}

/** `2020-10-30`, `2020-10-30T12:45`, `2020-10-30 12:45:30.5`; `T24:00` means midnight of the next day. */
export function parseLocalDateTime(input: string, flag: string): LocalDateTime {
  const m = LOCAL_DATE_TIME.exec(input.trim())
  const fail = () =>
    invalidValue(flag, `cannot convert '${input}' to a date; use YYYY-MM-DD or YYYY-MM-DDTHH:mm[:ss], like 2020-10-30 or 2020-10-30T12:45`)
  if (!m) throw fail()
  // optional groups that did not match are undefined
  const groups: (string | undefined)[] = m.slice(1, 8)
  const [year, month, day, hour, minute, second] = groups.slice(0, 6).map((v) => Number(v ?? 0))
  const millisecond = Number((groups[6] ?? '').padEnd(3, '0').slice(0, 3))
  const midnightNext = hour === 24 && minute === 0 && second === 0 && millisecond === 0
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw fail()
  if ((hour > 23 && !midnightNext) || minute > 59 || second > 59) throw fail()
  if (!midnightNext) return {year, month, day, hour, minute, second, millisecond}
  const next = utcDate(year, month - 1, day + 1)
  return {year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0}
}

/** A zone as the user gave it: an IANA region, or a fixed offset in minutes east of UTC. */
export type TimeZone = {kind: 'region'; id: string} | {kind: 'offset'; minutes: number; id: string}

const OFFSET = /^(?:UTC|GMT|UT)?([+-])(\d{1,2})(?::?(\d{2}))?$/

/** Java `ZoneId.of` forms: `Pacific/Auckland`, `UTC`, `Z`, `-05:00`, `+5`, `+0530`, `UTC+05:00`. */
export function parseTimeZone(input: string, flag = 'time-zone'): TimeZone {
  const value = input.trim()
  if (/^(Z|UTC|GMT|UT)$/i.test(value)) return {kind: 'offset', minutes: 0, id: value.toUpperCase()}
  const offset = OFFSET.exec(value)
  if (offset) {
    const hours = Number(offset[2])
    const minutes = Number(offset.at(3) ?? 0)
    if (hours > 18 || minutes > 59 || hours * 60 + minutes > 18 * 60)
      throw invalidValue(flag, `'${input}' is not a valid offset; offsets range from -18:00 to +18:00`)
    return {kind: 'offset', minutes: (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes), id: value}
  }
  try {
    const id = new Intl.DateTimeFormat('en-US', {timeZone: value}).resolvedOptions().timeZone
    return {kind: 'region', id}
  } catch {
    throw invalidValue(flag, `unknown time zone '${input}'; use a zone ID like Pacific/Auckland, an offset like -05:00, or UTC`)
  }
}

/** Epoch milliseconds of a wall-clock time read as UTC, the year taken literally (0050 is year 50, not 1950). */
function utcMillis(t: LocalDateTime): number {
  return utcDate(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond).getTime()
}

const formats = new Map<string, Intl.DateTimeFormat>()

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(zone: string, instant: number): number {
  let format = formats.get(zone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formats.set(zone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((p) => [p.type, p.value]))
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year)
  const local = utcMillis({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: 0,
  })
  return local - (instant - (((instant % 1000) + 1000) % 1000))
}

/**
 * Epoch milliseconds of a wall-clock time in a zone, or in the system's zone when none is given, as Java's
 * `ZonedDateTime.of` places it: a time that occurs twice (clocks going back) is the earlier instant; a time
 * that does not occur (clocks going forward) moves later by the length of the gap.
 */
export function toEpochMillis(local: LocalDateTime, zone?: TimeZone): number {
  const asUtc = utcMillis(local)
  if (zone?.kind === 'offset') return asUtc - zone.minutes * 60_000
  const id = zone?.id ?? new Intl.DateTimeFormat().resolvedOptions().timeZone
  // the offsets in force a day either side cover any one transition
  const before = offsetAt(id, asUtc - 86_400_000)
  const after = offsetAt(id, asUtc + 86_400_000)
  const candidates = [...new Set([before, after])].map((offset) => asUtc - offset).filter((t) => offsetAt(id, t) === asUtc - t)
  if (candidates.length > 0) return Math.min(...candidates)
  return asUtc - before
}
