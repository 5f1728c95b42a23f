/**
 * The CLI's own wiring, for bin/run.cjs and the root package's oclif configuration: argv pre-processing, the
 * core hooks and the help class. Plugins import index.ts (`s10k`), never this.
 */
import {homedir} from 'node:os'
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'

import {Config, type Interfaces, execute} from '@oclif/core'

import {launchArgv} from '../argv/pipeline.js'
import Version from './commands/version.js'
import {S10kError} from '../command/errors.js'
import {printable} from '../text/printable.js'
import {recordedPlugins} from './recorded-plugins.js'
import {hasUserPlugins, onWarning, provideS10kToPlugins} from './user-plugins.js'
import {redactStderr, registerSecret} from '../auth/secrets.js'
import {GLOBAL_OPTIONS} from '../flags/flags.js'

export * from '../index.js'
export {execute}
export {default as preparseHook} from './hooks/preparse.js'
export {default as pluginsPreinstallHook} from './hooks/plugins-preinstall.js'
export {default as commandNotFoundHook} from './hooks/command-not-found.js'
export {default as finallyHook} from './hooks/finally.js'
export {S10kHelp} from './help.js'

/** The core's own commands (oclif's explicit command strategy): `s10k version`. */
export const COMMANDS = {version: Version}

/** The arguments as main gives them to oclif (a value after `-p` is refused unless `namesCommand` says otherwise). */
export function prepareArgv(
  argv: readonly string[],
  namesCommand: (words: readonly string[]) => Promise<boolean> = async () => false,
): Promise<string[]> {
  return launchArgv(argv, {globals: GLOBAL_OPTIONS, cwd: process.cwd(), home: homedir(), namesCommand})
}

/**
 * `plugins install` or `link` (prepared arguments): the new plugin loads in this run too, so the run provides
 * `s10k` to plugins, for the rest of the process.
 */
export function addsPlugin(args: readonly string[]): boolean {
  const [first = '', second = ''] = args
  return (first === 'plugins' && ['install', 'add', 'link'].includes(second)) || ['plugins:install', 'plugins:add', 'plugins:link'].includes(first)
}

/**
 * How oclif loads for a run whose command starts with `args`: the plugins as the build recorded them, unless plugins
 * are being managed or the user has some of their own.
 */
async function loadOptions(args: readonly string[], dir: string): Promise<NonNullable<Interfaces.LoadOptions>> {
  const [first = ''] = args
  const userPlugins = hasUserPlugins()
  if (addsPlugin(args) || userPlugins) provideS10kToPlugins(new URL('../dist/bundle/resolve-s10k.mjs', dir))
  const root = dirname(dirname(fileURLToPath(dir)))
  const plugins = userPlugins || first === 'plugins' || first.startsWith('plugins:') ? undefined : await recordedPlugins(root)
  return plugins ? {root, plugins} : dir
}

/** What to run once the arguments are prepared: oclif's arguments and load options, or a one-line refusal. */
export type PreparedRun = {args: string[]; load: NonNullable<Interfaces.LoadOptions>} | {refusal: string; exitCode: number}

/**
 * The part of a run before oclif: learns the secrets the environment gives (so that nothing written to stderr,
 * DEBUG output included, shows them), runs the argv pipeline (src/argv/pipeline.ts) and chooses how oclif loads.
 * A bad `@file` or a secret written where it would be echoed is a refusal: its line for stderr and exit code.
 * bin/run.cjs (through `main`) and the tests' in-process runs both start here.
 */
export async function prepareRun(argv: readonly string[], dir: string): Promise<PreparedRun> {
  registerSecret(process.env.SN_TOKEN_SECRET)
  // loaded only to tell whether the word after `-p` is a command; that word is then the command, loaded as such
  let config: Config | undefined
  try {
    const args = await prepareArgv(argv, async (words) => {
      config = await Config.load(await loadOptions(words, dir))
      return Boolean(config.findCommand(words[0]) ?? config.findTopic(words[0]))
    })
    return {args, load: config ?? (await loadOptions(args, dir))}
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
