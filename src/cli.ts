/**
 * The CLI's own wiring, for bin/run.cjs and the root package's oclif configuration: argv pre-processing, the
 * core hooks and the help class. Plugins import index.ts (`s10k`), never this.
 */
import {dirname} from 'node:path'
import {fileURLToPath} from 'node:url'

import {execute} from '@oclif/core'

import {prepareArgv as prepareWith} from './argv/index.js'
import Version from './commands/version.js'
import {ExitCode, S10kError} from './errors.js'
import {printable} from './printable.js'
import {recordedPlugins} from './recorded-plugins.js'
import {hasUserPlugins, onWarning, provideS10kToPlugins} from './user-plugins.js'
import {redactStderr, registerSecret, secretAfterPrompt, secretsInArgv} from './secrets.js'
import {GLOBAL_OPTIONS} from './flags.js'

export * from './index.js'
export {execute}
export {default as preparseHook} from './hooks/preparse.js'
export {default as pluginsPreinstallHook} from './hooks/plugins-preinstall.js'
export {default as commandNotFoundHook} from './hooks/command-not-found.js'
export {S10kHelp} from './help.js'

/** The core's own commands (oclif's explicit command strategy): `s10k version`. */
export const COMMANDS = {version: Version}

/** Expands `@files` and moves global options written before the command to after it. */
export function prepareArgv(argv: readonly string[]): string[] {
  return prepareWith(argv, GLOBAL_OPTIONS)
}

/** bin/run.cjs: prepares the arguments (a bad `@file` ends the run here, in one line) and runs the command. */
export async function main(argv: readonly string[], dir: string): Promise<void> {
  for (const secret of secretsInArgv(argv)) registerSecret(secret)
  registerSecret(process.env.SN_TOKEN_SECRET)
  redactStderr()
  const slip = secretAfterPrompt(argv)
  if (slip !== undefined) {
    registerSecret(slip)
    process.stderr.write(
      'Unexpected argument after -p, not shown in case it is the secret: -p takes no value and prompts for the secret; to give it, use --secret=VALUE\n',
    )
    process.exitCode = ExitCode.usage
    return
  }
  if (!process.env.DEBUG) {
    process.removeAllListeners('warning')
    process.on('warning', (warning) => {
      onWarning(warning, (text) => process.stderr.write(printable(text)))
    })
  }
  let args: string[]
  try {
    args = prepareArgv(argv)
  } catch (error) {
    if (!(error instanceof S10kError)) throw error
    process.stderr.write(`${printable(error.reason)}\n`)
    process.exitCode = error.exitCode
    return
  }
  // installing or linking loads the new plugin in this run too
  const [first = '', second = ''] = args
  const pluginCommand =
    (first === 'plugins' && ['install', 'add', 'link'].includes(second)) || ['plugins:install', 'plugins:add', 'plugins:link'].includes(first)
  const userPlugins = hasUserPlugins()
  if (pluginCommand || userPlugins) provideS10kToPlugins(new URL('../dist/bundle/resolve-s10k.mjs', dir))
  // the plugins as the build recorded them, unless plugins are being managed or the user has some of their own
  const root = dirname(dirname(fileURLToPath(dir)))
  const plugins = userPlugins || first === 'plugins' || first.startsWith('plugins:') ? undefined : await recordedPlugins(root)
  await execute(plugins ? {args, loadOptions: {root, plugins}} : {args, dir})
}
