/**
 * The caller's token secret, all in one place: how the options give it (`--secret X`, picocli's `-p=X`, `-p` alone
 * to prompt), reading it, refusing a value written after `-p`, and keeping it out of everything written.
 * It is never written anywhere: every secret s10k learns (from the arguments, the environment, a credentials file
 * or a prompt) is registered here, and everything written to stderr (messages, traces, oclif's DEBUG output) has it
 * replaced by `****`. A new token's secret, which is output, is not registered.
 */
import {Flags} from '@oclif/core'

import {UsageError} from '../command/errors.js'
import type {IOStreams} from '../command/io.js'

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

/** The global options that carry the secret; `-p` alone becomes the hidden `--prompt-secret`. */
export const secretFlags = {
  secret: Flags.string({
    summary: 'the token secret; -p alone prompts for it without echo',
    helpGroup: 'GLOBAL',
    helpValue: '<secret>',
  }),
  'prompt-secret': Flags.boolean({hidden: true}),
}

/** picocli's letter for the secret: `-p=X` gives it, `-p` alone prompts. */
export const SECRET_LETTER = 'p'

const PROMPT_SECRET_FLAG = '--prompt-secret'

/**
 * The long form of a token that gives the secret as the Java tool does, or undefined: `-p` alone prompts and
 * `-p=X` is `--secret=X`; `--secret` with nothing after it (`atEnd`) prompts too.
 */
export function secretLongForm(arg: string, atEnd = false): string | undefined {
  if (arg === `-${SECRET_LETTER}` || (atEnd && arg === '--secret')) return PROMPT_SECRET_FLAG
  return arg.startsWith(`-${SECRET_LETTER}=`) ? `--secret=${arg.slice(3)}` : undefined
}

/** Whether a command's options (by long name) take the secret the Java tool's way. */
export const takesSecret = (longNames: {has(name: string): boolean}): boolean => longNames.has(PROMPT_SECRET_FLAG.slice(2))

/** The secret the parsed options give: asked for without echo after `-p`; `--secret X` is taken with a warning. */
export async function secretFromOptions(
  flags: {secret?: string; 'prompt-secret'?: boolean},
  io: IOStreams,
  warn: (message: string) => void,
): Promise<string | undefined> {
  const secret = flags['prompt-secret'] ? await io.readSecret('Enter value for --secret (the SolarNetwork API token secret): ') : flags.secret
  if (flags.secret !== undefined) warn('--secret on the command line can end up in shell history; prefer -p (prompt), SN_TOKEN_SECRET or a profile')
  return secret
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

/** A word that may name a command or topic (`sec-tokens`, `version`); anything else after `-p` is a slip. */
const COMMAND_WORD = /^[a-z]+(-[a-z]+)*(:[a-z]+(-[a-z]+)*)*$/

/**
 * `-p X`, a slip for `--secret=X`: `-p` takes no value (alone it prompts), so X would end up quoted in an
 * "unexpected argument" or "unknown command" error. It is refused without showing X (and X is registered), unless
 * X stands where the command goes (`command` is the index of the command's first word) and `namesCommand` says it
 * names a command or topic (given the arguments from X on): then `-p` prompts, as in `s10k -p sec-tokens list`.
 */
export async function refuseValueAfterPrompt(
  argv: readonly string[],
  command: number,
  namesCommand: (words: readonly string[]) => Promise<boolean>,
): Promise<void> {
  for (let i = 0; i + 1 < argv.length; i++) {
    if (argv[i] === '--') return
    const next = argv[i + 1]
    if (argv[i] !== `-${SECRET_LETTER}` || next === '--' || next.startsWith('-')) continue
    if (i + 1 === command && COMMAND_WORD.test(next) && (await namesCommand(argv.slice(i + 1)))) return
    registerSecret(next)
    throw new UsageError(
      'Unexpected argument after -p, not shown in case it is the secret: -p takes no value and prompts for the secret; to give it, use --secret=VALUE',
    )
  }
}

/** Makes every write to stderr go through `redact`. */
export function redactStderr(stream: NodeJS.WriteStream = process.stderr): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean
  const redacting = (chunk: unknown, ...rest: unknown[]): boolean =>
    write(typeof chunk === 'string' ? redact(chunk) : chunk instanceof Uint8Array ? redact(Buffer.from(chunk).toString('utf8')) : chunk, ...rest)
  stream.write = redacting
}
