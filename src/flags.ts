import {Flags, type Interfaces} from '@oclif/core'

import {UsageError} from './errors.js'
import {displayModeSummary} from './help.js'
import {formatterNames} from './output/registry.js'

/** Splits a picocli list value on commas with optional spaces around them; empty items are dropped. */
export function splitList(input: string): string[] {
  return input.split(/\s*,\s*/).map((v) => v.trim()).filter((v) => v !== '')
}

/** Flattens the values of a repeatable list flag, keeping first-seen order and dropping duplicates. */
export function uniqueValues<T>(values: ReadonlyArray<readonly T[]> | undefined): T[] | undefined {
  if (!values) return undefined
  const unique = [...new Set(values.flat())]
  return unique.length === 0 ? undefined : unique
}

export function invalidValue(flag: string, reason: string): UsageError {
  return new UsageError(`Invalid value for option '--${flag}': ${reason}`)
}

/** The canonical spelling of an enum value given in any case. */
export function enumValue(values: readonly string[], input: string, flag: string): string {
  const found = values.find((v) => v.toLowerCase() === input.trim().toLowerCase())
  if (!found) throw invalidValue(flag, `expected one of ${values.join(', ')} (case-insensitive) but was '${input}'`)
  return found
}

/** The descriptive parts of an option; parsing is supplied by the helpers below. */
export interface OptionText {
  summary: string
  description?: string
  aliases?: string[]
  char?: string
  charAliases?: string[]
  helpValue?: string
  exclusive?: string[]
  required?: boolean
  hidden?: boolean
}

/** A repeatable comma-list option (`-x a,b -x c`); each item is checked by `item`. */
export function listFlag<T>(item: (value: string, flag: string) => T, options: OptionText) {
  return Flags.custom<T[]>({
    ...options,
    multiple: true,
    multipleNonGreedy: true,
    parse: async (input: string, _context: unknown, flag: {name: string}) => splitList(input).map((v) => item(v, flag.name)),
  } as never)() as unknown as Interfaces.OptionFlag<T[][] | undefined>
}

/** An enum option whose values are matched without regard to case and returned in canonical spelling. */
export function enumFlag(values: readonly string[], options: OptionText) {
  return Flags.custom<string>({
    ...options,
    parse: async (input: string, _context: unknown, flag: {name: string}) => enumValue(values, input, flag.name),
  } as never)() as unknown as Interfaces.OptionFlag<string | undefined>
}

export function integerItem(value: string, flag: string): number {
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw invalidValue(flag, `'${value}' is not an integer`)
  return Number(value)
}

/** `-mode/--display-mode`: any registered formatter, PRETTY by default. */
export function displayModeFlag() {
  return Flags.custom<string>({
    aliases: ['mode'],
    helpValue: '<displayMode>',
    summary: displayModeSummary(),
    parse: async (input, _context, flag) => enumValue(formatterNames(), input, flag.name),
  })()
}

interface Named {
  char?: string
  charAliases?: readonly string[]
  aliases?: readonly string[]
}

/** Aliases this short are picocli names typed with one dash (`-id`, `-node`, `-source`); longer ones use two. */
const MAX_PICOCLI_NAME = 6

/** The names an option is typed with after one dash: `['n', 'm']` for --name, `['id']` for --identifier. */
export function shortNames(flag: Named | undefined): string[] {
  if (!flag) return []
  return [flag.char, ...(flag.charAliases ?? []), ...(flag.aliases ?? []).filter((a) => a.length <= MAX_PICOCLI_NAME)].filter(
    (name): name is string => Boolean(name),
  )
}

/**
 * Shows picocli names in help (`-id, --identifier`, `-n, -m, --name`): oclif lists only `char` and the long
 * name, but users of the Java tool type the short forms.
 */
export function withShortNames<T extends Record<string, object>>(flags: T): T {
  for (const [name, flag] of Object.entries(flags) as [string, Named & {helpLabel?: string}][]) {
    const shorts = shortNames(flag)
    if (shorts.length > (flag.char ? 1 : 0)) flag.helpLabel = [...shorts.map((s) => `-${s}`), `--${name}`].join(', ')
  }
  return flags
}

/** Options every command takes; they may also be written before the command. */
export const globalFlags = {
  profile: Flags.string({char: 'P', summary: 'the credentials profile to use', helpGroup: 'GLOBAL', helpValue: '<name>'}),
  token: Flags.string({char: 'u', summary: 'the SolarNetwork API token ID', helpGroup: 'GLOBAL', helpValue: '<tokenId>'}),
  secret: Flags.string({
    summary: 'the token secret; -p alone prompts for it without echo',
    helpGroup: 'GLOBAL',
    helpValue: '<secret>',
  }),
  'prompt-secret': Flags.boolean({hidden: true}),
  'dry-run': Flags.boolean({summary: 'show the requests that would change data instead of sending them (-n before the command)', helpGroup: 'GLOBAL'}),
  verbose: Flags.boolean({char: 'v', summary: 'print each request and its status to stderr', helpGroup: 'GLOBAL'}),
  'http-trace': Flags.boolean({summary: 'print HTTP traffic to stderr (signatures and secrets redacted)', helpGroup: 'GLOBAL'}),
  help: Flags.help({char: 'h', summary: 'show help', helpGroup: 'GLOBAL'}),
  version: Flags.version({char: 'V', summary: 'show the version', helpGroup: 'GLOBAL'}),
}
