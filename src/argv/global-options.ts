import {secretLongForm} from '../auth/secrets.js'

/**
 * Global options as the Java tool spells them. They may be written before the command
 * (`s10k -P home -n sec-tokens update ...`), which oclif cannot parse, so they are moved after it in
 * long form. Before the command `-n` means `--dry-run`; after it, `-n` belongs to the command (`--name`).
 */

export interface GlobalOption {
  long: string
  short?: string
  takesValue: boolean
}

type Find = (name: string, long: boolean) => GlobalOption | undefined

/** The long form(s) for one global option token, and how many following tokens it consumed. */
function toLongForm(arg: string, next: string | undefined, findGlobal: Find): {tokens: string[]; consumed: number} | undefined {
  // the secret's own forms first: `-p` alone and a last `--secret` prompt
  const secret = secretLongForm(arg, next === undefined)
  if (secret !== undefined) return {tokens: [secret], consumed: 0}
  const long = arg.startsWith('--')
  const body = arg.slice(long ? 2 : 1)
  const eq = body.indexOf('=')
  const name = eq === -1 ? body : body.slice(0, eq)
  const option = findGlobal(name, long)
  if (!option) {
    // clustered single-letter switches such as -nv
    if (long || eq !== -1 || body.length < 2) return undefined
    const options = Array.from({length: body.length}, (_, i) => findGlobal(body[i], false))
    if (options.some((o) => !o || o.takesValue)) return undefined
    return {tokens: options.map((o) => `--${o?.long}`), consumed: 0}
  }
  if (!option.takesValue) return eq === -1 ? {tokens: [`--${option.long}`], consumed: 0} : undefined
  if (eq !== -1) return {tokens: [`--${option.long}=${body.slice(eq + 1)}`], consumed: 0}
  if (next === undefined) return undefined
  return {tokens: [`--${option.long}=${next}`], consumed: 1}
}

/** The global options written before the command, in long form, and where the command starts. */
function leadingGlobals(argv: readonly string[], globals: readonly GlobalOption[]): {hoisted: string[]; command: number} {
  const findGlobal: Find = (name, long) => globals.find((o) => (long ? o.long === name : o.short === name))
  const hoisted: string[] = []
  let i = 0
  while (i < argv.length && argv[i].startsWith('-') && argv[i] !== '--' && argv[i] !== '-') {
    const converted = toLongForm(argv[i], argv[i + 1], findGlobal)
    if (!converted) break
    hoisted.push(...converted.tokens)
    i += 1 + converted.consumed
  }
  return {hoisted, command: i}
}

/** The index of the command's first word, after the global options written before it. */
export function commandStart(argv: readonly string[], globals: readonly GlobalOption[]): number {
  return leadingGlobals(argv, globals).command
}

/** Moves the global options written before the command to after it, in long `--name=value` form. */
export function hoistGlobalOptions(argv: readonly string[], globals: readonly GlobalOption[]): string[] {
  const {hoisted, command} = leadingGlobals(argv, globals)
  const rest = argv.slice(command)
  if (hoisted.includes('--version')) return ['--version']
  if (hoisted.length === 0) return [...rest]
  if (rest.length === 0) return ['--help']
  const dashdash = rest.indexOf('--')
  return dashdash === -1 ? [...rest, ...hoisted] : [...rest.slice(0, dashdash), ...hoisted, ...rest.slice(dashdash)]
}
