import {homedir} from 'node:os'

import {Command, Errors, type Interfaces} from '@oclif/core'

import {loadConfig} from './auth/config.js'
import {credentialsPath, noCredentials, resolveCredentials} from './auth/credentials.js'
import {readableByOthers} from './auth/files.js'
import {ExitCode, PartialResultError, S10kError, UsageError} from './errors.js'
import {globalFlags, withShortNames} from './flags.js'
import {loadPluginFormatters, pluginCredentials} from './hooks/events.js'
import {SolarClient} from './http/client.js'
import {findFormatter} from './output/registry.js'
import {ChangeProgress} from './progress.js'
import {readSecret} from './prompt.js'
import type {Report} from './output/report.js'
import {toUsageError} from './parse-errors.js'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Output = {[name: string]: any}

export type GlobalFlags = Interfaces.InferredFlags<typeof globalFlags>

/**
 * The base of every s10k command: global options, credentials, a lazily built signed client, rendering of
 * the returned report by `--display-mode`, and errors turned into one line and a documented exit code.
 */
export abstract class S10kCommand extends Command {
  static override baseFlags = withShortNames(globalFlags)

  /** What the command has changed so far; reported if it fails or is interrupted part way. */
  protected readonly progress = new ChangeProgress()
  private globals?: GlobalFlags & {'display-mode'?: string}
  private clientPromise?: Promise<SolarClient>

  override async init(): Promise<void> {
    await super.init()
    await loadPluginFormatters(this.config, (message) => this.warn(message))
    process.once('SIGINT', () => {
      const detail = this.progress.interrupted()
      process.stderr.write(`\nInterrupted.${detail ? ' ' + detail : ''}\n`)
      process.exit(ExitCode.interrupted)
    })
  }

  /** The signed SolarNetwork client, built on first use from the resolved credentials. */
  protected client(): Promise<SolarClient> {
    this.clientPromise ??= this.buildClient()
    return this.clientPromise
  }

  /** Messages and warnings go to stderr; stdout carries only data. */
  protected note(message: string): void {
    process.stderr.write(message.endsWith('\n') ? message : message + '\n')
  }

  protected override async parse<F extends Output, B extends Output, A extends Output>(
    options?: Interfaces.Input<F, B, A>,
    argv: string[] = this.argv,
  ): Promise<Interfaces.ParserOutput<F, B, A>> {
    try {
      const parsed = await super.parse(options, argv)
      this.globals = parsed.flags as unknown as GlobalFlags
      return parsed
    } catch (error) {
      if (error instanceof Errors.ExitError) throw error
      throw toUsageError(error, options?.flags ?? {})
    }
  }

  protected override async _run<T>(): Promise<T> {
    const result = await super._run<T>()
    if (result !== undefined && result !== null) {
      try {
        await this.render(result as unknown as Report)
      } catch (error) {
        await this.catch(error as Error)
      }
    }
    return result
  }

  override async catch(error: Error & {exitCode?: number}): Promise<never> {
    if (error instanceof Errors.ExitError) throw error
    if (process.env.DEBUG) process.stderr.write(`${error.stack}\n`)
    if (error instanceof PartialResultError) await this.render(error.report as Report)
    if (error instanceof S10kError) {
      const hint = error instanceof UsageError ? ` (see: ${this.config.bin} ${this.id?.replaceAll(':', ' ')} --help)` : ''
      this.note(`${error.reason}${hint}`)
      return this.exit(error.exitCode) as never
    }
    this.note(`Unexpected error: ${error.message}`)
    return this.exit(ExitCode.requestFailed) as never
  }

  private async render(report: Report): Promise<void> {
    const mode = this.globals?.['display-mode'] ?? 'PRETTY'
    const formatter = findFormatter(mode)
    if (!formatter) throw new S10kError(`No formatter for display mode ${mode}`, ExitCode.usage)
    if (report.list && report.items.length === 0) {
      if (report.emptyMessage) this.note(report.emptyMessage)
      if (!formatter.rendersEmpty) return
    }
    const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY)
    process.stdout.write(await formatter.render(report, {terminal}))
  }

  private async buildClient(): Promise<SolarClient> {
    const flags = this.globals
    if (!flags) throw new Error('parse() must run before client()')
    const home = homedir()
    const secret = flags['prompt-secret']
      ? await readSecret('Enter value for --secret (the SolarNetwork API token secret): ')
      : flags.secret
    if (flags.secret !== undefined) {
      this.warn('--secret on the command line can end up in shell history; prefer -p (prompt), SN_TOKEN_SECRET or a profile')
    }
    const credentials =
      resolveCredentials({profile: flags.profile, token: flags.token, secret, env: process.env, home}) ??
      (await pluginCredentials(this.config, flags.profile, (message) => this.warn(message)))
    if (!credentials) throw noCredentials(home, flags.profile)
    if (credentials.source === 'default profile' || credentials.source.startsWith('profile ')) {
      const path = credentialsPath(home)
      if (readableByOthers(path)) this.warn(`${path} can be read by other users; fix it with: chmod 600 ${path}`)
    }
    return new SolarClient({
      credentials,
      config: loadConfig(home, flags.profile),
      dryRun: flags['dry-run'],
      verbose: flags.verbose,
      httpTrace: flags['http-trace'],
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
    })
  }

  override warn(input: string | Error): string | Error {
    this.note(`Warning: ${typeof input === 'string' ? input : input.message}`)
    return input
  }
}
