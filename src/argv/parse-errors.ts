import {S10kError, UsageError} from '../command/errors.js'
import {shortNames} from '../flags/flags.js'
import type {FlagShape} from './picocli.js'

/** A flag as these checks read it: its names, kind, and the rules oclif's validation applies. */
export type CheckedFlag = FlagShape & {multiple?: boolean; required?: boolean; exclusive?: readonly string[]}
type Flags = Readonly<Record<string, CheckedFlag>>

/**
 * What oclif's parse errors (`CLIParseError` and its subclasses) carry in their public `parse` field: the
 * parser's input and, once the arguments were read, its output. The messages are read from these fields, never
 * from oclif's English text.
 */
interface ParseState {
  input?: {args?: Readonly<Record<string, {required?: boolean}>>; strict?: boolean}
  output?: {
    args?: Readonly<Record<string, unknown>>
    argv?: readonly unknown[]
    flags?: Readonly<Record<string, unknown>>
    metadata?: {flags?: Readonly<Record<string, {setFromDefault?: boolean} | undefined>>}
    nonExistentFlags?: readonly string[]
  }
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g

/** The last line oclif adds to a parse error's message. */
const HELP_POINTER = 'See more help with --help'

/** `--identifier (-id)`: the long name with its picocli short names, as users may have typed either. */
function optionName(name: string, flags: Flags): string {
  const shorts = shortNames(flags[name]).map((s) => `-${s}`)
  return shorts.length > 0 ? `--${name} (${shorts.join(', ')})` : `--${name}`
}

/** The flag a token names, looked up as oclif's parser does: a long name before an alias; an alias before a letter. */
function flagFinder(flags: Flags): (token: string) => string | undefined {
  const aliases = new Map<string, string>()
  const letters = new Map<string, string>()
  for (const [name, flag] of Object.entries(flags)) {
    // a later alias wins, as in oclif's table of aliases; the first letter wins, as in its search
    for (const alias of [...(flag.aliases ?? []), ...(flag.charAliases ?? [])]) aliases.set(alias, name)
    if (flag.char && !letters.has(flag.char)) letters.set(flag.char, name)
  }
  return (token) => {
    if (token.startsWith('--')) {
      const name = token.slice(2)
      return Object.hasOwn(flags, name) ? name : aliases.get(name)
    }
    if (!token.startsWith('-') || token.length < 2) return undefined
    return aliases.get(token[1]) ?? letters.get(token[1])
  }
}

/**
 * The two mistakes oclif reports with no more than an English sentence (a bare `CLIError`): an option given twice
 * that takes one value, and an option with no value after it. Checked here first, in the order oclif reads the
 * arguments, on arguments in long form (single letters that take a value are already rewritten).
 */
export function checkOptionUses(argv: readonly string[], flags: Flags): void {
  const namedFlag = flagFinder(flags)
  const used = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') return
    if (!arg.startsWith('--')) continue
    const eq = arg.indexOf('=')
    const name = namedFlag(eq === -1 ? arg : arg.slice(0, eq))
    if (name === undefined || flags[name].type !== 'option') continue
    if (!flags[name].multiple && used.has(name)) throw new UsageError(`Option ${optionName(name, flags)} can only be given once`)
    used.add(name)
    if (eq !== -1) continue
    // a value that names one of the command's options is taken for a missing value, as oclif does
    if (i + 1 === argv.length || namedFlag(argv[i + 1]) !== undefined) {
      throw new UsageError(`Missing value for option ${optionName(name, flags)} (attach a value that starts with - with =, as in --${name}=-x)`)
    }
    i++
  }
}

/** What oclif's validation found, in its order: unknown options, extra arguments, missing arguments, then options. */
function validationReason(state: ParseState, flags: Flags): string | undefined {
  const {input = {}, output} = state
  if (!output) return undefined
  const unknown = output.nonExistentFlags ?? []
  if (unknown.length > 0) return `Unknown option: ${unknown.map((f) => `'${f}'`).join(', ')}`
  const argNames = Object.keys(input.args ?? {})
  const extra = (output.argv ?? []).slice(argNames.length)
  if (input.strict !== false && extra.length > 0) return `Unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.map(String).join(', ')}`
  const missing = argNames.filter((name) => input.args?.[name]?.required && output.args?.[name] === undefined)
  if (missing.length > 0) return `Missing required argument${missing.length === 1 ? '' : 's'}: ${missing.map((n) => `<${n}>`).join(', ')}`
  const given = (name: string): boolean => output.flags?.[name] !== undefined && !output.metadata?.flags?.[name]?.setFromDefault
  const reasons = new Set<string>()
  for (const [name, flag] of Object.entries(flags)) {
    if (output.flags?.[name] === undefined) {
      if (flag.required) reasons.add(`Missing required option: ${optionName(name, flags)}`)
      continue
    }
    const other = given(name) ? flag.exclusive?.find((o) => given(o)) : undefined
    if (other === undefined) continue
    const [a, b] = [name, other].sort()
    reasons.add(`${optionName(a, flags)} and ${optionName(b, flags)} are mutually exclusive (specify only one)`)
  }
  // sorted, as oclif sorts its reasons: pairs of exclusive options (`--a and --b ...`) before missing ones
  return reasons.size > 0 ? [...reasons].sort().join('; ') : undefined
}

/** oclif's parse error as one line a user can act on, read from the error's fields. */
export function toUsageError(error: unknown, flags: Flags): S10kError {
  if (error instanceof S10kError) return error
  // read by shape: oclif's plugins may bring their own copy of @oclif/core, whose classes are not this one's
  const state = typeof error === 'object' && error !== null && 'parse' in error ? (error as {parse?: ParseState}).parse : undefined
  const reason = state ? validationReason(state, flags) : undefined
  if (reason !== undefined) return new UsageError(reason)
  // anything else (a rule of a plugin's own flags): oclif's words, on one line, without its colours and help pointer
  const text = (error instanceof Error ? error.message : String(error)).replace(ANSI, '')
  return new UsageError(
    text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && l !== HELP_POINTER)
      .join(' '),
  )
}
