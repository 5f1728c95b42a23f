/**
 * The CLI's own wiring, for bin/run.cjs and the root package's oclif configuration: argv pre-processing, the
 * core hooks and the help class. Plugins import index.ts (`s10k`), never this.
 */
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'

import {Config, type Interfaces, execute} from '@oclif/core'

import {expandArgv, prepareArgv as prepareWith} from '../argv/index.js'
import {commandStart} from '../argv/global-options.js'
import Version from './commands/version.js'
import {S10kError, UsageError} from '../command/errors.js'
import {printable} from '../text/printable.js'
import {recordedPlugins} from './recorded-plugins.js'
import {hasUserPlugins, onWarning, provideS10kToPlugins} from './user-plugins.js'
import {afterPrompt, redactStderr, registerSecret, secretsInArgv} from '../auth/secrets.js'
import {GLOBAL_OPTIONS} from '../flags/flags.js'

export * from '../index.js'
export {execute}
export {default as preparseHook} from './hooks/preparse.js'
export {default as pluginsPreinstallHook} from './hooks/plugins-preinstall.js'
export {default as commandNotFoundHook} from './hooks/command-not-found.js'
export {S10kHelp} from './help.js'

/** The core's own commands (oclif's explicit command strategy): `s10k version`. */
export const COMMANDS = {version: Version}

/** Expands `@files` and moves global options written before the command to after it. */
export function prepareArgv(argv: readonly string[]): string[] {
  return prepareWith(expandArgv(argv), GLOBAL_OPTIONS)
}

/** A word that may name a command or topic (`sec-tokens`, `version`); anything else after `-p` is a slip. */
const COMMAND_WORD = /^[a-z]+(-[a-z]+)*(:[a-z]+(-[a-z]+)*)*$/

/**
 * `-p X` (a slip for `--secret=X`) is refused without showing X, unless X stands where the command goes and names
 * one of its commands or topics: then `-p` prompts, as in `s10k -p sec-tokens list`. Gives the config loaded to tell.
 */
async function refuseSecretAfterPrompt(expanded: readonly string[], load: Interfaces.LoadOptions): Promise<Config | undefined> {
  const slip = afterPrompt(expanded, commandStart(expanded, GLOBAL_OPTIONS))
  if (slip === undefined) return undefined
  if (slip.atCommand && COMMAND_WORD.test(slip.value)) {
    const config = await Config.load(load)
    if (config.findCommand(slip.value) || config.findTopic(slip.value)) return config
  }
  registerSecret(slip.value)
  throw new UsageError(
    'Unexpected argument after -p, not shown in case it is the secret: -p takes no value and prompts for the secret; to give it, use --secret=VALUE',
  )
}

/**
 * `plugins install` or `link` (prepared arguments): the new plugin loads in this run too, so the run provides
 * `s10k` to plugins, for the rest of the process.
 */
export function addsPlugin(args: readonly string[]): boolean {
  const [first = '', second = ''] = args
  return (first === 'plugins' && ['install', 'add', 'link'].includes(second)) || ['plugins:install', 'plugins:add', 'plugins:link'].includes(first)
}

/** What to run once the arguments are prepared: oclif's arguments and load options, or a one-line refusal. */
export type PreparedRun = {args: string[]; load: NonNullable<Interfaces.LoadOptions>} | {refusal: string; exitCode: number}

/**
 * The part of a run before oclif: expands `@files`, learns the secrets the environment and the arguments give
 * (so that nothing written to stderr, DEBUG output included, shows them), prepares the arguments and chooses how
 * oclif loads. A bad `@file` or a secret written where it would be echoed is a refusal: its line for stderr and exit code. bin/run.cjs (through
 * `main`) and the tests' in-process runs both start here.
 */
export async function prepareRun(argv: readonly string[], dir: string): Promise<PreparedRun> {
  registerSecret(process.env.SN_TOKEN_SECRET)
  try {
    const expanded = expandArgv(argv)
    for (const secret of secretsInArgv(expanded)) registerSecret(secret)
    const args = prepareWith(expanded, GLOBAL_OPTIONS)
    const [first = ''] = args
    const userPlugins = hasUserPlugins()
    if (addsPlugin(args) || userPlugins) provideS10kToPlugins(new URL('../dist/bundle/resolve-s10k.mjs', dir))
    // the plugins as the build recorded them, unless plugins are being managed or the user has some of their own
    const root = dirname(dirname(fileURLToPath(dir)))
    const plugins = userPlugins || first === 'plugins' || first.startsWith('plugins:') ? undefined : await recordedPlugins(root)
    const load = plugins ? {root, plugins} : dir
    const config = await refuseSecretAfterPrompt(expanded, load)
    return {args, load: config ?? load}
  } catch (error) {
    if (!(error instanceof S10kError)) throw error
    return {refusal: `${printable(error.reason)}\n`, exitCode: error.exitCode}
  }
}

/**
 * bin/run.cjs: keeps secrets out of stderr and warnings to one line, prepares the run and hands it to oclif. A
 * refusal ends the run here, in one line.
 */
export async function main(argv: readonly string[], dir: string): Promise<void> {
  redactStderr()
  if (!process.env.DEBUG) {
    process.removeAllListeners('warning')
    process.on('warning', (warning) => {
      onWarning(warning, (text) => process.stderr.write(printable(text)))
    })
  }
  const run = await prepareRun(argv, dir)
  if ('refusal' in run) {
    process.stderr.write(run.refusal)
    process.exitCode = run.exitCode
    return
  }
  await execute({args: run.args, loadOptions: run.load})
}
