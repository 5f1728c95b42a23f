import type {Interfaces} from '@oclif/core'

import type {FlagShape} from './picocli.js'

/**
 * A value attached with `=` is always a value, as in picocli: `--description=-n draft` sets the description.
 * oclif's parser takes a value that starts like one of the command's flags for a missing value, so such values
 * travel through it behind a mark that the flags' own parse functions take off again. Only public parts of
 * oclif are involved: the argv given to `Command.parse` and each flag's `parse`.
 */
const MARK = '\uE000'

/** The option names (and aliases) of `flags` that take a value. */
function optionNames(flags: Readonly<Record<string, FlagShape>>): Set<string> {
  const names = new Set<string>()
  for (const [name, flag] of Object.entries(flags)) {
    if (flag.type !== 'option') continue
    names.add(name)
    for (const alias of flag.aliases ?? []) names.add(alias)
  }
  return names
}

/** Marks values attached to long options that would otherwise be read as flags (or that start with the mark). */
export function protectAttachedValues(argv: readonly string[], flags: Readonly<Record<string, FlagShape>>): string[] {
  const options = optionNames(flags)
  const protect = (arg: string): string => {
    const eq = arg.indexOf('=')
    const value = arg.slice(eq + 1)
    const attached = arg.startsWith('--') && eq > 2 && options.has(arg.slice(2, eq))
    return attached && (value.startsWith('-') || value.startsWith(MARK)) ? `${arg.slice(0, eq + 1)}${MARK}${value}` : arg
  }
  // after `--` everything is an argument, left as it is
  const end = argv.indexOf('--')
  return end === -1 ? argv.map(protect) : [...argv.slice(0, end).map(protect), ...argv.slice(end)]
}

export function unprotect(value: string): string {
  return value.startsWith(MARK) ? value.slice(MARK.length) : value
}

type AnyFlag = Interfaces.Flag<unknown>

/** The same flags, each option's parse taking the mark off first. */
export function unprotectingFlags<T extends Interfaces.FlagInput | undefined>(flags: T): T {
  if (!flags) return flags
  const wrapped: Record<string, AnyFlag> = {}
  for (const [name, flag] of Object.entries(flags as Record<string, AnyFlag>)) {
    if (flag.type !== 'option') {
      wrapped[name] = flag
      continue
    }
    const parse = flag.parse
    wrapped[name] = {
      ...flag,
      parse: (input: string, ...rest: Parameters<typeof parse> extends [string, ...infer R] ? R : never) => parse(unprotect(input), ...rest),
    }
  }
  return wrapped as T
}
