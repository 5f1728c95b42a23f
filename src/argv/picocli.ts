import {secretLongForm, takesSecret} from '../auth/secrets.js'

/**
 * Rewrites picocli-style options (`-id=X`, `-node 1,2`, `-mode=JSON`, `-rR`) to oclif's long form, using only
 * the names a command really declares. Long options (`--name value`, `--name=value`) and option values are
 * never altered; anything unknown is left for the parser to report.
 */
export interface FlagShape {
  type: 'boolean' | 'option'
  char?: string
  charAliases?: readonly string[]
  aliases?: readonly string[]
}

interface NameIndex {
  /** picocli names written with one dash: chars and multi-letter aliases such as `id` or `node`. */
  short: Map<string, [string, FlagShape]>
  long: Map<string, FlagShape>
}

function indexFlags(flags: Readonly<Record<string, FlagShape>>): NameIndex {
  const short = new Map<string, [string, FlagShape]>()
  const long = new Map<string, FlagShape>()
  for (const [name, flag] of Object.entries(flags)) {
    long.set(name, flag)
    for (const alias of flag.aliases ?? []) {
      long.set(alias, flag)
      short.set(alias, [name, flag])
    }
    for (const c of [flag.char, ...(flag.charAliases ?? [])]) if (c) short.set(c, [name, flag])
  }
  return {long, short}
}

function isNegativeNumber(arg: string): boolean {
  return /^-\d/.test(arg)
}

/** One single-dash token in long form, or undefined when it does not name the command's options. */
function rewriteShort(arg: string, index: NameIndex): {tokens: string[]; takesNext: boolean} | undefined {
  const body = arg.slice(1)
  const eq = body.indexOf('=')
  const name = eq === -1 ? body : body.slice(0, eq)
  const found = index.short.get(name)
  if (found) {
    const [long, flag] = found
    if (eq !== -1) return {tokens: [`--${long}=${body.slice(eq + 1)}`], takesNext: false}
    return {tokens: [`--${long}`], takesNext: flag.type === 'option'}
  }
  // a cluster of single-letter switches, optionally ending in one that takes a value: -rR, -aNpath
  const tokens: string[] = []
  for (let i = 0; i < body.length; i++) {
    const entry = index.short.get(body[i])
    if (!entry) return undefined
    const [long, flag] = entry
    if (flag.type === 'boolean') {
      tokens.push(`--${long}`)
      continue
    }
    const rest = body.slice(i + 1)
    if (rest === '') return {tokens: [...tokens, `--${long}`], takesNext: true}
    return {tokens: [...tokens, `--${long}=${rest.startsWith('=') ? rest.slice(1) : rest}`], takesNext: false}
  }
  return {tokens, takesNext: false}
}

export function rewritePicocliOptions(argv: readonly string[], flags: Readonly<Record<string, FlagShape>>): string[] {
  const index = indexFlags(flags)
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') {
      out.push(...argv.slice(i))
      break
    }
    if (arg.startsWith('--')) {
      out.push(arg)
      const flag = index.long.get(arg.slice(2))
      if (flag?.type === 'option' && i + 1 < argv.length) out.push(argv[++i])
      continue
    }
    // picocli's interactive -p: alone it prompts, -p=VALUE is the secret
    const secret = takesSecret(index.long) ? secretLongForm(arg) : undefined
    if (secret !== undefined) {
      out.push(secret)
      continue
    }
    if (!arg.startsWith('-') || arg === '-' || isNegativeNumber(arg)) {
      out.push(arg)
      continue
    }
    const rewritten = rewriteShort(arg, index)
    if (!rewritten) {
      out.push(arg)
      continue
    }
    out.push(...rewritten.tokens)
    if (rewritten.takesNext && i + 1 < argv.length) out.push(argv[++i])
  }
  return out
}
