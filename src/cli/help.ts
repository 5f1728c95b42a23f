import {type Command, CommandHelp, Help, type Interfaces} from '@oclif/core'

import {EXIT_CODE_MEANINGS} from '../command/errors.js'
import {GLOBAL_OPTIONS, displayModeSummary, globalFlags, handbookOrder} from '../flags/flags.js'
import {loadPluginFormatters} from '../command/events.js'
import {exitUnknownCommand} from './hooks/command-not-found.js'

/** The only ejs tags s10k's and its plugins' help texts use: a value of the help's context, escaped as ejs does. */
const SIMPLE_TAG = /<%= (config\.bin|command\.id) %>/g

/** ejs's escaping of `<%=` output (its escapeXML). */
const escapeXml = (text: string): string =>
  text.replace(/[&<>'"]/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;'})[c] ?? c)

/**
 * oclif renders every help text as an ejs template (about 1 ms each, and loading ejs first): text whose only tags
 * are `<%= config.bin %>` and `<%= command.id %>` renders to itself with those values put in, escaped as ejs does.
 * Anything else goes to oclif's render (which returns text with no tag as it is: patches/README.md).
 */
function withoutTemplateWhenSimple(bin: unknown, id: unknown, render: (input: string) => string): (input: string) => string {
  return (input) => {
    if (!input.includes('<%')) return render(input)
    const values = {'config.bin': bin, 'command.id': id}
    const simple = [...input.matchAll(SIMPLE_TAG)].every(([, name]) => typeof values[name as keyof typeof values] === 'string')
    const rest = input.replace(SIMPLE_TAG, '')
    if (!simple || rest.includes('<%') || rest.includes('%>')) return render(input)
    return input.replace(SIMPLE_TAG, (_, name: keyof typeof values) => escapeXml(values[name] as string))
  }
}

/** Two columns, as oclif lays out its sections: names padded to the widest, then the text. */
function section(title: string, rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([name]) => name.length))
  return `${title}\n${rows.map(([name, text]) => `  ${name.padEnd(width)}  ${text}`).join('\n')}`
}

/** The options every command takes, before or after the command, as `s10k --help` lists them. */
export function globalOptionRows(): [string, string][] {
  return GLOBAL_OPTIONS.map(({long, short, takesValue}) => {
    const flag = globalFlags[long as keyof typeof globalFlags]
    const value = takesValue && 'helpValue' in flag ? `=${String(flag.helpValue)}` : ''
    const names = short ? `-${short}, --${long}${value}` : `    --${long}${value}`
    return [names, flag.summary ?? '']
  })
}

/**
 * oclif's command help, with an option list's first row kept indented as the rows below it: oclif trims the whole
 * list, which pulled a first option without a letter (`--dry-run`) two columns left of the others.
 */
class S10kCommandHelp extends CommandHelp {
  override renderList(input: (string | undefined)[][], opts: Parameters<CommandHelp['renderList']>[1]): string {
    const list = super.renderList(input, opts)
    const first = input.find(([left, right]) => left || right)?.[0] ?? ''
    const indent = /^ */.exec(first)?.[0] ?? ''
    // a first row alone on its line (no text, or the multiline layout) is trimmed like every other row
    return indent && list.split('\n', 1)[0] !== first.trim() ? indent + list : list
  }
}

/**
 * oclif's help, with the display modes that plugins add listed in every command's `--display-mode`, and the
 * global options and exit codes in `s10k --help`.
 */
export class S10kHelp extends Help {
  protected override CommandHelpClass = S10kCommandHelp

  // options in the handbook's order (showCommandHelp), kept by oclif whoever builds the help: `--help` and `s10k help`
  constructor(config: Interfaces.Config, opts: Partial<Interfaces.HelpOptions> = {}) {
    super(config, {...opts, flagSortOrder: 'none'})
    this.render = withoutTemplateWhenSimple(this.config.bin, undefined, this.render)
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    const help = super.getCommandHelpClass(command)
    help.render = withoutTemplateWhenSimple(this.config.bin, command.id, help.render)
    return help
  }

  /** `s10k help nodes lst`: what running `s10k nodes lst` says (one line, exit 2), not oclif's `Command not found`. */
  override async showHelp(argv: string[]): Promise<void> {
    const helpWords = new Set(['help', '--help', ...(this.config.pjson.oclif.additionalHelpFlags ?? [])])
    const words = argv.filter((arg) => !helpWords.has(arg))
    const end = words.findIndex((arg) => arg.startsWith('-'))
    // every word before the options names the command or topic, as oclif reads them
    const subject = (end === -1 ? words : words.slice(0, end)).join(':')
    if (subject && !this.config.findCommand(subject) && !this.config.findTopic(subject)) exitUnknownCommand(this.config, subject)
    return super.showHelp(argv)
  }

  override async showRootHelp(): Promise<void> {
    // oclif's root help already ends with a blank line
    await super.showRootHelp()
    this.log(section('GLOBAL OPTIONS (before or after the command)', globalOptionRows()))
    this.log('')
    this.log(section('EXIT CODES', EXIT_CODE_MEANINGS))
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    // options in the handbook's order, which oclif keeps (flagSortOrder none)
    command.flags = Object.fromEntries(handbookOrder(Object.entries(command.flags)))
    if ('display-mode' in command.flags) {
      await loadPluginFormatters(this.config, (message) => process.stderr.write(`Warning: ${message}\n`))
      command.flags['display-mode'].summary = displayModeSummary()
    }
    return super.showCommandHelp(command)
  }
}
