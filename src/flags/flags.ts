import {Flags, type Interfaces} from '@oclif/core'

import type {GlobalOption} from '../argv/global-options.js'
import type {FlagShape} from '../argv/picocli.js'
import {SECRET_LETTER, secretFlags} from '../auth/secrets.js'
import {UsageError} from '../command/errors.js'
import {formatterNames} from '../output/registry.js'

/**
 * Splits a picocli list value on commas with optional spaces around them. Trailing empty items are dropped, as
 * Java's `String.split` does (`101,` is `101`); any other empty item (`1,,2`, `,1`) is a usage error.
 */
export function splitList(input: string, flag: string): string[] {
  const values = input.trim().split(/\s*,\s*/)
  while (values.at(-1) === '') values.pop()
  if (values.includes('')) throw invalidValue(flag, `'${input}' has an empty item; separate values with single commas`)
  return values
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
export function enumValue<V extends string>(values: readonly V[], input: string, flag: string): V {
  const found = values.find((v) => v.toLowerCase() === input.trim().toLowerCase())
  if (!found) throw invalidValue(flag, `expected one of ${values.join(', ')} (case-insensitive) but was '${input}'`)
  return found
}

/** `one of CSV, JSON, or PRETTY`: allowed values as help texts list them, in the order given. */
export function oneOf(values: readonly string[]): string {
  const list = values.length <= 2 ? values.join(' or ') : `${values.slice(0, -1).join(', ')}, or ${values.at(-1)}`
  return `one of ${list}`
}

/** The summary of `--display-mode`, listing every registered display mode. */
export function displayModeSummary(names: readonly string[] = formatterNames()): string {
  return `the format to display the data as, ${oneOf([...names].sort())}; defaults to PRETTY`
}

/** The descriptive parts of an option; parsing is supplied by the helpers below. */
export interface OptionText {
  summary: string
  description?: string
  aliases?: string[]
  char?: Interfaces.AlphabetLowercase | Interfaces.AlphabetUppercase
  charAliases?: (Interfaces.AlphabetLowercase | Interfaces.AlphabetUppercase)[]
  helpValue?: string
  exclusive?: string[]
  required?: boolean
  hidden?: boolean
}

/** A repeatable comma-list option (`-x a,b -x c`); each item is checked by `item`. */
export function listFlag<T>(item: (value: string, flag: string) => T, options: OptionText): Interfaces.OptionFlag<T[][] | undefined> {
  const flag = Flags.custom<T[]>({
    parse: async (input, _context, opt) => {
      const values = splitList(input, opt.name)
      // `-id=` would otherwise be no filter at all, or a request about nothing
      if (values.length === 0) throw invalidValue(opt.name, `a list of values is needed, not '${input}'`)
      return values.map((v) => item(v, opt.name))
    },
  })({...options, multiple: true, multipleNonGreedy: true})
  // oclif's types take a multiple flag whose parse returns a list for a flattened list; it holds one list per use
  return flag as unknown as Interfaces.OptionFlag<T[][] | undefined>
}

/**
 * An enum option whose values are matched without regard to case and returned in canonical spelling. Its help
 * text says which values it takes (from the same list).
 */
export function enumFlag(values: readonly string[], options: OptionText & {required: true}): Interfaces.OptionFlag<string>
export function enumFlag(values: readonly string[], options: OptionText & {required?: false}): Interfaces.OptionFlag<string | undefined>
export function enumFlag(values: readonly string[], options: OptionText): Interfaces.OptionFlag<string> | Interfaces.OptionFlag<string | undefined> {
  const flag = Flags.custom({parse: async (input, _context, opt) => enumValue(values, input, opt.name)})
  const text = {...options, description: options.description ?? `${oneOf(values)} (case-insensitive)`}
  return options.required ? flag({...text, required: true}) : flag({...text, required: false})
}

export function integerItem(value: string, flag: string): number {
  if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw invalidValue(flag, `'${value}' is not an integer`)
  return Number(value)
}

/** `-mode/--display-mode`: any registered formatter, PRETTY by default. */
export function displayModeFlag(): Interfaces.OptionFlag<string | undefined> {
  return Flags.custom({
    aliases: ['mode'],
    helpValue: '<displayMode>',
    summary: displayModeSummary(),
    parse: async (input, _context, flag) => enumValue(formatterNames(), input, flag.name),
  })()
}

/** The names of a flag: its letter, letter aliases and aliases (picocli names among them). */
type Named = Omit<FlagShape, 'type'>

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
 * The handbook's order of a command's options: by first short name (or long name), ignoring case, a lowercase
 * letter before its capital (`-a`, `-A`, `-agg`, `--aggregation`, `-d`, `-D`, ...), and `--display-mode`, which
 * the Java tool's commands share, last. Help and docs use it.
 */
export function handbookOrder<F extends Named>(entries: ReadonlyArray<readonly [string, F]>): [string, F][] {
  const key = ([name, flag]: readonly [string, F]): string => shortNames(flag)[0] ?? name
  return [...entries]
    .map((entry) => [entry[0], entry[1]] as [string, F])
    .sort((a, b) => {
      if ((a[0] === 'display-mode') !== (b[0] === 'display-mode')) return a[0] === 'display-mode' ? 1 : -1
      const [ka, kb] = [key(a), key(b)]
      // code units, not localeCompare: option names are ASCII, and ICU's collator costs ~7 ms to start
      if (ka.toLowerCase() !== kb.toLowerCase()) return ka.toLowerCase() < kb.toLowerCase() ? -1 : 1
      return Number(ka !== ka.toLowerCase()) - Number(kb !== kb.toLowerCase())
    })
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
  ...secretFlags,
  'dry-run': Flags.boolean({
    summary: 'show the requests that would change data instead of sending them (-n before the command)',
    helpGroup: 'GLOBAL',
  }),
  verbose: Flags.boolean({char: 'v', summary: 'print each request and its status to stderr', helpGroup: 'GLOBAL'}),
  'http-trace': Flags.boolean({summary: 'print HTTP traffic to stderr (signatures and secrets redacted)', helpGroup: 'GLOBAL'}),
  pretty: Flags.boolean({summary: 'lay JSON out as on a terminal (indented) even when piped', helpGroup: 'GLOBAL'}),
  help: Flags.help({char: 'h', summary: 'show help', helpGroup: 'GLOBAL'}),
  version: Flags.version({char: 'V', summary: 'show the version', helpGroup: 'GLOBAL'}),
}

/**
 * Letters the oclif flags do not declare: `-n` is `--dry-run` only before the command (after it, the
 * command's `--name`); `-p` is the secret, but alone it prompts.
 */
const EXTRA_LETTERS: Readonly<Record<string, string>> = {'dry-run': 'n', secret: SECRET_LETTER}

/** The global options as the argv pre-processing needs them: names, letters, and whether they take a value. */
export const GLOBAL_OPTIONS: readonly GlobalOption[] = Object.entries(globalFlags)
  .filter(([, flag]) => !flag.hidden)
  .map(([long, flag]) => ({long, short: flag.char ?? EXTRA_LETTERS[long], takesValue: flag.type === 'option'}))

interface SynopsisFlag extends FlagShape {
  helpValue?: string | string[]
  multiple?: boolean
  required?: boolean
  exclusive?: string[]
  hidden?: boolean
}

/** How an option reads in a synopsis: `-n=<name>`, `--aggregation=aggregation[,aggregation...]`. */
function synopsisLabel(name: string, flag: SynopsisFlag): string {
  const short = shortNames(flag)[0]
  const option = short ? `-${short}` : `--${name}`
  return flag.type === 'boolean' ? option : `${option}=${[flag.helpValue ?? `<${name}>`].flat().join(' ')}`
}

/**
 * The picocli synopsis of a command's own options, from their definitions: single-letter switches clustered
 * (`[-rR]`), then the options in declaration order (`-id=tokenId [-n=<name>] [-node=nodeId[,nodeId...]]...`),
 * then each group of mutually exclusive options (`[-a | -d]`).
 */
export function synopsis(flags: Readonly<Record<string, SynopsisFlag>>): string {
  const entries = Object.entries(flags).filter(([, flag]) => !flag.hidden)
  const grouped = new Set(entries.filter(([, flag]) => flag.exclusive?.length).map(([name]) => name))
  const single = entries.filter(([name]) => !grouped.has(name))
  const switches = single.filter(([, flag]) => flag.type === 'boolean' && flag.char).map(([, flag]) => flag.char)
  const parts = switches.length > 0 ? [`[-${switches.join('')}]`] : []
  for (const [name, flag] of single) {
    if (flag.type === 'boolean' && flag.char) continue
    const label = synopsisLabel(name, flag)
    parts.push(flag.required ? label : flag.multiple ? `[${label}]...` : `[${label}]`)
  }
  const done = new Set<string>()
  for (const [name, flag] of entries) {
    if (!grouped.has(name) || done.has(name)) continue
    const members = [name, ...(flag.exclusive ?? [])].filter((m) => m in flags)
    for (const m of members) done.add(m)
    parts.push(`[${members.map((m) => synopsisLabel(m, flags[m]) + (flags[m].multiple ? '...' : '')).join(' | ')}]`)
  }
  return parts.join(' ')
}

/** oclif's `usage` for a command with these flags: `<%= command.id %>` and the synopsis. */
export function commandUsage(flags: Readonly<Record<string, SynopsisFlag>>): string {
  return `<%= command.id %> ${synopsis(flags)}`.trimEnd()
}
