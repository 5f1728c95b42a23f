import {Help, type Command} from '@oclif/core'

import {displayModeSummary} from './flags.js'
import {loadPluginFormatters} from './hooks/events.js'

/** oclif's help, with the display modes that plugins add listed in every command's `--display-mode`. */
export class S10kHelp extends Help {
  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    if ('display-mode' in command.flags) {
      await loadPluginFormatters(this.config, (message) => process.stderr.write(`Warning: ${message}\n`))
      command.flags['display-mode'].summary = displayModeSummary()
    }
    return super.showCommandHelp(command)
  }
}
