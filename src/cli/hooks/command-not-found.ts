import {Errors, type Hook, type Interfaces} from '@oclif/core'

import {ExitCode} from '../../command/errors.js'
import {printable} from '../../text/printable.js'

/** Edit distance between two command names (insertions, deletions, substitutions). */
export function distance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = row
  }
  return previous[b.length]
}

/** The command closest to what was typed, if it is close enough to be what was meant. */
export function closest(typed: string, ids: readonly string[]): string | undefined {
  let best: {id: string; d: number} | undefined
  for (const id of ids) {
    const d = distance(typed, id)
    if (!best || d < best.d) best = {id, d}
  }
  return best && best.d <= Math.max(2, Math.floor(typed.length / 3)) ? best.id : undefined
}

/**
 * The Java tool's command groups that s10k does not have yet (SolarNetwork/sn-cli, app's SnCliTool and each
 * group's @Command), with the aliases picocli accepts for them; README's "Command groups" table lists them.
 */
export const JAVA_ONLY_GROUPS: ReadonlyArray<{group: string; aliases: readonly string[]}> = [
  {group: 'cloud-integrations', aliases: ['c2c']},
  {group: 'datum imports', aliases: ['datum import', 'datum imp']},
  {group: 'flux', aliases: []},
  {group: 'instructions', aliases: ['instr']},
  {group: 'nodes certificates', aliases: ['nodes certs']},
]

/** The Java tool's group that a command typed as `words` belongs to, if s10k does not have it yet. */
export function javaOnlyGroup(words: string): string | undefined {
  return JAVA_ONLY_GROUPS.find(({group, aliases}) => [group, ...aliases].some((name) => words === name || words.startsWith(`${name} `)))?.group
}

/**
 * What s10k says of a command it does not have (`id` as oclif gives it, `nodes:lst`): one line, with spaces as
 * users type commands, naming the Java tool's group when it is one s10k does not have yet, or else the closest
 * command.
 */
export function unknownCommandMessage(config: Interfaces.Config, id: string): string {
  const words = (name: string): string => name.replaceAll(':', ' ')
  const java = javaOnlyGroup(words(id))
  if (java) {
    return `${words(id)}: the Java tool's ${java} commands are not available in s10k yet; use the Java s10k tool for them (see: ${config.bin} --help for what s10k has)`
  }
  const visible = config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases.filter((a) => !c.hiddenAliases.includes(a))])
  const suggestion = closest(id, visible)
  const hint = suggestion ? ` Did you mean ${words(suggestion)}?` : ''
  return `Unknown command: ${words(id)}.${hint} (see: ${config.bin} --help)`
}

/** Ends the run with the unknown-command line on stderr, exit 2 (a usage error). */
export function exitUnknownCommand(config: Interfaces.Config, id: string): never {
  process.stderr.write(printable(`${unknownCommandMessage(config, id)}\n`))
  Errors.exit(ExitCode.usage)
}

/**
 * Words after a command that takes no arguments (`sec-tokens list extra`) are unexpected arguments, as the command
 * itself would say: one line pointing at its help, exit 2.
 */
function exitUnexpectedArguments(config: Interfaces.Config, id: string): void {
  const typed = id.split(':')
  for (let n = typed.length - 1; n > 0; n--) {
    if (!config.findCommand(typed.slice(0, n).join(':'))) continue
    const extra = typed.slice(n)
    const reason = `Unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.join(', ')}`
    process.stderr.write(printable(`${reason} (see: ${config.bin} ${typed.slice(0, n).join(' ')} --help)\n`))
    Errors.exit(ExitCode.usage)
  }
}

const hook: Hook.CommandNotFound = async function ({id}) {
  exitUnexpectedArguments(this.config, id)
  exitUnknownCommand(this.config, id)
}

export default hook
