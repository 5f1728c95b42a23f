import type {Hook} from '@oclif/core'

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
 * Words after a command that takes no arguments are unexpected arguments, as the command itself would say.
 * An unknown command: one line in s10k's style, with spaces as users type commands, the closest command
 * suggested, exit 2 (a usage error).
 */
const hook: Hook.CommandNotFound = async function ({id}) {
  const words = (name: string): string => name.replaceAll(':', ' ')
  // `sec-tokens list extra`: a command that takes no such argument, not an unknown command
  const typed = id.split(':')
  for (let n = typed.length - 1; n > 0; n--) {
    if (!this.config.findCommand(typed.slice(0, n).join(':'))) continue
    const extra = typed.slice(n)
    const reason = `Unexpected argument${extra.length === 1 ? '' : 's'}: ${extra.join(', ')}`
    process.stderr.write(printable(`${reason} (see: ${this.config.bin} ${typed.slice(0, n).join(' ')} --help)\n`))
    this.exit(ExitCode.usage)
  }
  const visible = this.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases.filter((a) => !c.hiddenAliases.includes(a))])
  const suggestion = closest(id, visible)
  const hint = suggestion ? ` Did you mean ${words(suggestion)}?` : ''
  process.stderr.write(printable(`Unknown command: ${words(id)}.${hint} (see: ${this.config.bin} --help)\n`))
  this.exit(ExitCode.usage)
}

export default hook
