import {S10kError, UsageError} from '../command/errors.js'
import {shortNames} from '../flags/flags.js'

type FlagNames = Parameters<typeof shortNames>[0]

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g

/** `--identifier (-id)`: the long name with its picocli short names, as users may have typed either. */
function optionName(name: string, flags: Readonly<Record<string, FlagNames>>): string {
  const shorts = shortNames(flags[name]).map((s) => `-${s}`)
  return shorts.length > 0 ? `--${name} (${shorts.join(', ')})` : `--${name}`
}

function rewriteReason(reason: string, flags: Readonly<Record<string, FlagNames>>): string {
  const missing = /^Missing required flag (\S+)$/.exec(reason)
  if (missing) return `Missing required option: ${optionName(missing[1], flags)}`
  const exclusive = /^--([\w-]+)=\S* cannot also be provided when using --([\w-]+)$/.exec(reason)
  if (exclusive) {
    const [a, b] = [exclusive[2], exclusive[1]].sort()
    return `${optionName(a, flags)} and ${optionName(b, flags)} are mutually exclusive (specify only one)`
  }
  return reason
}

/** Turns oclif's multi-line parse errors into one line a user can act on. */
export function toUsageError(error: unknown, flags: Readonly<Record<string, FlagNames>>): S10kError {
  if (error instanceof S10kError) return error
  const text = (error instanceof Error ? error.message : String(error)).replace(ANSI, '').replace(/\n?See more help with --help\s*$/, '')
  const nonExistent = /^Nonexistent flags?: (.*)$/s.exec(text)
  if (nonExistent)
    return new UsageError(
      `Unknown option: ${nonExistent[1]
        .split(/,\s*/)
        .map((f) => `'${f}'`)
        .join(', ')}`,
    )
  const failed = /^The following errors? occurred:\n([\s\S]*)$/.exec(text)
  if (failed) {
    const reasons = failed[1]
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
    return new UsageError([...new Set(reasons.map((r) => rewriteReason(r, flags)))].join('; '))
  }
  const expects = /^Flag --([\w-]+) expects a value$/.exec(text)
  if (expects) {
    return new UsageError(
      `Missing value for option ${optionName(expects[1], flags)} (attach a value that starts with - with =, as in --${expects[1]}=-x)`,
    )
  }
  const once = /^Flag --([\w-]+) can only be specified once$/.exec(text)
  if (once) return new UsageError(`Option ${optionName(once[1], flags)} can only be given once`)
  return new UsageError(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' '),
  )
}
