import {Errors, type Hook} from '@oclif/core'

import {toUsageError} from '../../argv/parse-errors.js'
import {ExitCode} from '../../command/errors.js'
import {printable} from '../../text/printable.js'

/** Where to look next after a failure of one of oclif's commands, by command. */
function hint(bin: string, id: string): string {
  if (['plugins:uninstall', 'plugins:unlink', 'plugins:remove'].includes(id)) return `see: ${bin} plugins, which lists the installed plugins`
  return `see: ${bin} ${id.replaceAll(':', ' ')} --help`
}

/**
 * After a command of oclif's plugins (help, plugins, autocomplete) or the core's `version` fails: its error in s10k's words, one line with
 * a hint, bad input exiting 2, instead of oclif's indented, wrapped error. s10k's own commands report their
 * errors themselves (S10kCommand.catch) and end with an ExitError, which is left alone.
 */
const hook: Hook.Finally = async function ({Command, error, id}) {
  // oclif's plugins' commands, and the core's own `version` (an oclif Command, not an S10kCommand)
  if (!error || error instanceof Errors.ExitError || !Command) return
  if (!Command.pluginName?.startsWith('@oclif/') && Command.pluginName !== this.config.name) return
  const failure = error as Error & {parse?: unknown; oclif?: {exit?: number}; skipOclifErrorHandling?: boolean}
  const usage = failure.parse !== undefined
  const reason = usage ? toUsageError(error, Command.flags).reason : error.message.replaceAll(/\s*\n\s*/g, ' ').trim()
  process.stderr.write(printable(`${reason} (${hint(this.config.bin, id)})\n`))
  failure.skipOclifErrorHandling = true
  failure.oclif = {...failure.oclif, exit: usage ? ExitCode.usage : (failure.oclif?.exit ?? ExitCode.requestFailed)}
}

export default hook
