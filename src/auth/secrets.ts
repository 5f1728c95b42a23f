/**
 * The caller's token secret is never written anywhere: every secret s10k learns (from the arguments, the
 * environment, a credentials file or a prompt) is registered here, and everything written to stderr (messages,
 * traces, oclif's DEBUG output) has it replaced by `****`. A new token's secret, which is output, is not registered.
 */
const secrets = new Set<string>()

/** Shorter values would blank out ordinary words; real secrets are much longer. */
const MIN_LENGTH = 4

export const REDACTED = '****'

export function registerSecret(value: string | undefined): void {
  if (value !== undefined && value.length >= MIN_LENGTH) secrets.add(value)
}

export function redact(text: string): string {
  let out = text
  for (const secret of secrets) if (out.includes(secret)) out = out.replaceAll(secret, REDACTED)
  return out
}

/** The values the arguments give as secrets: `--secret X`, `--secret=X`, `-p=X`. */
export function secretsInArgv(argv: readonly string[]): string[] {
  const found: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--') break
    const attached = /^(?:--secret|-p)=(.*)$/s.exec(arg)
    if (attached) found.push(attached[1])
    else if (arg === '--secret' && i + 1 < argv.length) found.push(argv[i + 1])
  }
  return found
}

/**
 * `-p X`, a slip for `--secret=X`: `-p` takes no value (alone it prompts), so X would end up quoted in an
 * "unexpected argument" or "unknown command" error. Gives X, and whether it stands where the command goes
 * (`s10k -p sec-tokens list`), in which case it is no slip if it names a command or topic (`command` is the index
 * of the command's first word).
 */
export function afterPrompt(argv: readonly string[], command: number): {value: string; atCommand: boolean} | undefined {
  for (let i = 0; i + 1 < argv.length; i++) {
    if (argv[i] === '--') return undefined
    const next = argv[i + 1]
    if (argv[i] === '-p' && next !== '--' && !next.startsWith('-')) return {value: next, atCommand: i + 1 === command}
  }
  return undefined
}

/** Makes every write to stderr go through `redact`. */
export function redactStderr(stream: NodeJS.WriteStream = process.stderr): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean
  const redacting = (chunk: unknown, ...rest: unknown[]): boolean =>
    write(typeof chunk === 'string' ? redact(chunk) : chunk instanceof Uint8Array ? redact(Buffer.from(chunk).toString('utf8')) : chunk, ...rest)
  stream.write = redacting
}
