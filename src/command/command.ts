import {homedir} from 'node:os'

import {Command, Errors, type Interfaces} from '@oclif/core'

import {atFileHint, commandArgv} from '../argv/pipeline.js'
import {loadConfig} from '../auth/config.js'
import {credentialsPath, noCredentials, resolveCredentials} from '../auth/credentials.js'
import {readableByOthers} from '../auth/files.js'
import {ExitCode, PartialResultError, S10kError, UsageError} from './errors.js'
import {globalFlags, withShortNames} from '../flags/flags.js'
import {loadPluginFormatters, pluginCredentials} from './events.js'
import {SolarClient} from '../http/client.js'
import {type IOStreams, isInteractive, processIO} from './io.js'
import {findFormatter} from '../output/registry.js'
import type {Report} from '../output/report.js'
import {StreamState, type StreamedResult, writeStreamed} from '../output/stream.js'
import {unprotectingFlags} from '../argv/parse-attached.js'
import {toUsageError} from '../argv/parse-errors.js'
import {ChangeProgress} from './progress.js'
import {printable} from '../text/printable.js'
import {registerSecret, secretFromOptions} from '../auth/secrets.js'

export type GlobalFlags = Interfaces.InferredFlags<typeof globalFlags>

/** A one-line result written to stdout as it is (`Security token deleted.`), then the report, if any, by display mode. */
export interface Message {
  message: string
  report?: Report
}

/** What a command's `run()` returns: data for the formatters, a line of text, an answer to stream, or nothing to show. */
export type CommandResult = Report | Message | StreamedResult | undefined

/** Asks `question`; the answer must be `expected`, otherwise the run ends with `refusal`. */
export type Confirm = (question: string, expected: string, refusal: string) => Promise<void>

/** Signals that end a run part way, with the word the shell uses for each. */
const SIGNALS = {SIGINT: 'Interrupted', SIGTERM: 'Terminated', SIGHUP: 'Hung up'} as const

type AnyFlags = Interfaces.FlagInput
/** oclif's own bounds for parsed flags and arguments (its `FlagOutput`, which it does not export by name). */
type FlagOutput = Interfaces.OutputFlags<AnyFlags>
type ArgOutput = Interfaces.OutputArgs<Interfaces.ArgInput>

/**
 * The base of every s10k command: global options, credentials, a lazily built signed client, rendering of
 * the returned result by `--display-mode`, the dry-run notice, and errors turned into one line and a documented
 * exit code.
 */
export abstract class S10kCommand extends Command {
  static override baseFlags = withShortNames(globalFlags)

  /**
   * Flags (by name) that start a new line of the synopsis in the generated docs, to follow the handbook's layout;
   * oclif copies it into the manifest.
   */
  static synopsisBreaks?: readonly string[]

  /** The terminal: tests replace it before the command runs. */
  io: IOStreams = processIO()

  /** What the command has changed so far; reported if it fails or is interrupted part way. */
  protected readonly progress = new ChangeProgress()
  private globals?: GlobalFlags & {'display-mode'?: string}
  /** Text the user must get whatever happens (see `deliverOnce`), until it has been written. */
  private delivery?: {text: string; note: string}
  private clientPromise?: Promise<SolarClient>
  private readonly signalHandlers = new Map<string, () => void>()
  private builtClient?: SolarClient
  /** The export being streamed, if any: an interrupt says how far it got. */
  private streaming?: StreamState

  override async init(): Promise<void> {
    await super.init()
    await loadPluginFormatters(this.config, (message) => this.warn(message))
    for (const [signal, word] of Object.entries(SIGNALS)) {
      const handler = (): void => {
        this.stopOnSignal(signal as keyof typeof SIGNALS, word)
      }
      this.signalHandlers.set(signal, handler)
      process.once(signal, handler)
    }
  }

  /** The signed SolarNetwork client, built on first use from the resolved credentials. */
  protected client(): Promise<SolarClient> {
    this.clientPromise ??= this.buildClient()
    return this.clientPromise
  }

  /**
   * Text the user must get whatever happens next, such as a secret the service shows only once: it goes out with
   * the result; if the result cannot be written, or the run fails or is stopped first, it goes to stderr instead.
   * `note` is said on stderr with it either way.
   */
  protected deliverOnce(delivery: {text: string; note: string}): void {
    this.delivery = delivery
  }

  /** Messages and warnings go to stderr; stdout carries only data. */
  protected note(message: string): void {
    // messages quote the service and the arguments: their control characters are shown, not obeyed
    const text = printable(message)
    this.io.writeErr(text.endsWith('\n') ? text : text + '\n')
  }

  /**
   * For something that cannot be undone: checks now, before any request, that it can be confirmed (a person at a
   * terminal, or `yes`), and gives back the question to ask once the details are known (`doing`: `deleting`). The person must type
   * `expected` back. In a dry run nothing is asked, because nothing will be sent.
   */
  protected confirmation(options: {yes: boolean; yesFlag: string; doing: string}): Confirm {
    if (options.yes || this.globals?.['dry-run']) return async () => {}
    if (!this.io.stdinIsTerminal) {
      throw new UsageError(`Not ${options.doing} without confirmation: pass ${options.yesFlag} when not running at a terminal`)
    }
    return async (question, expected, refusal) => {
      const answer = await this.io.ask(`${printable(question)}: `)
      if (answer.trim() !== expected) throw new S10kError(refusal)
    }
  }

  protected override async parse<F extends FlagOutput, B extends FlagOutput, A extends ArgOutput>(
    options?: Interfaces.Input<F, B, A>,
    argv: string[] = this.argv,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    const input = options ?? (this.ctor as unknown as Interfaces.Input<F, B, A>)
    const flags: AnyFlags = {...input.baseFlags, ...input.flags}
    try {
      // the command passes of the argv pipeline: picocli's long forms, then values attached with `=` kept as values
      const parsed = await super.parse(
        {...input, flags: unprotectingFlags(input.flags), baseFlags: unprotectingFlags(input.baseFlags)},
        commandArgv(argv, flags),
      )
      this.globals = parsed.flags as unknown as GlobalFlags
      return parsed
    } catch (error) {
      if (error instanceof Errors.ExitError) throw error
      throw toUsageError(error, flags)
    }
  }

  protected override async _run<T>(): Promise<T> {
    // the signal handlers stay until the result is rendered: a streamed result is written then
    try {
      const result = await super._run<T>()
      try {
        if (this.builtClient && this.builtClient.notSent > 0) this.note('Dry run: nothing was changed; the requests shown above were not sent.')
        if (result !== undefined && result !== null) await this.render(result as CommandResult)
      } catch (error) {
        await this.catch(error as Error)
      }
      return result
    } finally {
      for (const [signal, handler] of this.signalHandlers) process.removeListener(signal, handler)
    }
  }

  override async catch(error: Error & {exitCode?: number}): Promise<never> {
    if (error instanceof Errors.ExitError) throw error
    if (process.env.DEBUG) this.io.writeErr(`${error.stack}\n`)
    if (error instanceof PartialResultError) {
      try {
        await this.render(error.report as Report)
      } catch {
        // the delivery below still gets what matters to stderr
      }
    }
    this.deliverToStderr()
    if (error instanceof S10kError) {
      const usage = error instanceof UsageError
      const takesContent = Object.keys(this.ctor.args).length > 0
      const hint = usage ? `${takesContent ? atFileHint() : ''} (see: ${this.config.bin} ${this.id?.replaceAll(':', ' ')} --help)` : ''
      this.note(`${error.reason}${hint}`)
      return this.exit(error.exitCode)
    }
    this.note(`Unexpected error: ${error.message}`)
    return this.exit(ExitCode.requestFailed)
  }

  override warn(input: string | Error): string | Error {
    this.note(`Warning: ${typeof input === 'string' ? input : input.message}`)
    return input
  }

  private async render(result: CommandResult): Promise<void> {
    if (result === undefined) return
    if ('message' in result) {
      await this.writeOut(`${result.message}\n`)
      if (result.report) await this.render(result.report)
      return
    }
    if ('stream' in result) {
      // progress goes to stderr at a terminal when the data goes elsewhere; on the terminal itself the rows show it
      const progress =
        this.io.stderrIsTerminal && !this.io.stdoutIsTerminal
          ? (text: string) => {
              this.io.writeErr(text)
            }
          : undefined
      this.streaming = new StreamState(progress)
      await writeStreamed(result, this.io, this.streaming)
      return
    }
    const mode = this.globals?.['display-mode'] ?? 'PRETTY'
    const formatter = findFormatter(mode)
    if (!formatter) throw new S10kError(`No formatter for display mode ${mode}`, ExitCode.usage)
    if (result.list && (result.count ?? result.items.length) === 0) {
      if (result.emptyMessage) this.note(result.emptyMessage)
      if (!formatter.rendersEmpty) return
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion -- process streams give isTTY, undefined when not a terminal
    const toTerminal = Boolean(this.io.stdoutIsTerminal)
    await this.writeOut(await formatter.render(result, {terminal: isInteractive(this.io) || Boolean(this.globals?.pretty), toTerminal}))
    if (this.delivery) this.note(this.delivery.note)
    this.delivery = undefined
  }

  /**
   * Writes data to stdout. When it cannot be written, a change already made is still reported as applied (exit
   * 1); a read whose reader has gone (`| head`) ends quietly with exit 0, as Unix tools do.
   */
  protected async writeOut(text: string): Promise<void> {
    try {
      await this.io.writeOut(text)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EPIPE' && !this.progress.started && !this.delivery) return this.exit(ExitCode.ok)
      throw this.progress.afterChanges(new S10kError(`Cannot write the output${code ? ` (${code})` : ''}: ${(error as Error).message}`))
    }
  }

  private deliverToStderr(): void {
    if (!this.delivery) return
    this.io.writeErr(`${this.delivery.note}\n${this.delivery.text}`)
    this.delivery = undefined
  }

  private stopOnSignal(signal: keyof typeof SIGNALS, word: string): void {
    this.streaming?.clear()
    const detail = this.streaming ? `${this.streaming.written()}; the output is incomplete.` : this.progress.interrupted()
    this.io.writeErr(`\n${word}.${detail ? ' ' + detail : ''}\n`)
    this.deliverToStderr()
    const numbers: Record<keyof typeof SIGNALS, number> = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15}
    process.exit(128 + numbers[signal])
  }

  private async buildClient(): Promise<SolarClient> {
    const flags = this.globals
    if (!flags) throw new Error('parse() must run before client()')
    const home = homedir()
    const secret = await secretFromOptions(flags, this.io, (message) => this.warn(message))
    const credentials =
      resolveCredentials({profile: flags.profile, token: flags.token, secret, env: process.env, home}) ??
      (await pluginCredentials(this.config, flags.profile, (message) => this.warn(message)))
    if (!credentials) throw noCredentials(home, flags.profile)
    registerSecret(credentials.secret)
    if (credentials.source === 'default profile' || credentials.source.startsWith('profile ')) {
      const path = credentialsPath(home)
      if (readableByOthers(path)) this.warn(`${path} can be read by other users; fix it with: chmod 600 ${path}`)
    }
    this.builtClient = new SolarClient({
      credentials,
      config: loadConfig(home, flags.profile),
      dryRun: flags['dry-run'],
      verbose: flags.verbose,
      httpTrace: flags['http-trace'],
      stdout: (text) => this.writeOut(text),
      stderr: (text) => {
        this.io.writeErr(printable(text))
      },
    })
    return this.builtClient
  }
}
