/** Date and time-zone options as the Java tool's commands take them, and their conversion to the service's date parameters. */
import {Flags, type Interfaces} from '@oclif/core'

import {type LocalDateTime, type TimeZone, parseLocalDateTime, parseTimeZone, toEpochMillis} from '../time/local-time.js'

export const dateTimeFlag = (aliases: string[], helpValue: string, summary: string): Interfaces.OptionFlag<LocalDateTime | undefined> =>
  Flags.custom<LocalDateTime>({parse: async (input, _context, opt) => parseLocalDateTime(input, opt.name)})({aliases, helpValue, summary})

export const timeZoneFlag = (
  summary = 'a time zone ID to treat the dates as instead of the local time zone, like Pacific/Auckland or -05:00 or UTC',
): Interfaces.OptionFlag<TimeZone | undefined> =>
  Flags.custom<TimeZone>({parse: async (input, _context, opt) => parseTimeZone(input, opt.name)})({aliases: ['tz'], helpValue: '<zone>', summary})

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** Java's `LocalDate.toString()` at midnight, otherwise `LocalDateTime.toString()`: `2025-08-01`, `2025-07-31T12:00`. */
export function javaLocalText(t: LocalDateTime): string {
  const date = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`
  if (t.hour === 0 && t.minute === 0 && t.second === 0 && t.millisecond === 0) return date
  const seconds = t.second === 0 && t.millisecond === 0 ? '' : `:${pad(t.second)}${t.millisecond === 0 ? '' : `.${pad(t.millisecond, 3)}`}`
  return `${date}T${pad(t.hour)}:${pad(t.minute)}${seconds}`
}

/**
 * A date option as the service's date parameter: with `--local-dates` the local value as given; otherwise the
 * time in `--time-zone` (or this computer's zone) converted to UTC.
 */
export function dateParameter(local: LocalDateTime, keepLocal: boolean, zone: TimeZone | undefined): string {
  if (keepLocal) return javaLocalText(local)
  const utc = new Date(toEpochMillis(local, zone))
  return javaLocalText({
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
    hour: utc.getUTCHours(),
    minute: utc.getUTCMinutes(),
    second: utc.getUTCSeconds(),
    millisecond: utc.getUTCMilliseconds(),
  })
}
