import {Help, type Command} from '@oclif/core'

import {loadPluginFormatters} from './hooks/events.js'
import {formatterNames} from './output/registry.js'

/** `CSV, JSON, or PRETTY`, the way the seed page lists the display modes. */
export function listModes(names: readonly string[]): string {
  const sorted = [...names].sort()
  return sorted.length <= 2 ? sorted.join(' or ') : `${sorted.slice(0, -1).join(', ')}, or ${sorted.at(-1)}`
}

export function displayModeSummary(names: readonly string[] = formatterNames()): string {
  return `the format to display the data as, one of ${listModes(names)}; defaults to PRETTY`
}

/** oclif's help, with the display modes that plugins add listed in every command's `--display-mode`. */
export class S10kHelp extends Help {
  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    const mode = command.flags['display-mode']
    if (mode) {
      await loadPluginFormatters(this.config, (message) => process.stderr.write(`Warning: ${message}\n`))
      mode.summary = displayModeSummary()
    }
    return super.showCommandHelp(command)
  }
}
