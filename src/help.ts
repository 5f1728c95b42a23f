import {type Command, type CommandHelp, Help} from '@oclif/core'

import {EXIT_CODE_MEANINGS} from './errors.js'
import {GLOBAL_OPTIONS, displayModeSummary, globalFlags, handbookOrder} from './flags.js'
import {loadPluginFormatters} from './hooks/events.js'

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
 * oclif's help, with the display modes that plugins add listed in every command's `--display-mode`, and the
 * global options and exit codes in `s10k --help`.
 */
export class S10kHelp extends Help {
  constructor(...args: ConstructorParameters<typeof Help>) {
    super(...args)
    this.render = withoutTemplateWhenSimple(this.config.bin, undefined, this.render)
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    const help = super.getCommandHelpClass(command)
    help.render = withoutTemplateWhenSimple(this.config.bin, command.id, help.render)
    return help
  }

  override async showRootHelp(): Promise<void> {
    // oclif's root help already ends with a blank line
    await super.showRootHelp()
    this.log(section('GLOBAL OPTIONS (before or after the command)', globalOptionRows()))
    this.log('')
    this.log(section('EXIT CODES', EXIT_CODE_MEANINGS))
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    // options in the handbook's order (helpOptions.flagSortOrder is none, so oclif keeps this one)
    command.flags = Object.fromEntries(handbookOrder(Object.entries(command.flags)))
    if ('display-mode' in command.flags) {
      await loadPluginFormatters(this.config, (message) => process.stderr.write(`Warning: ${message}\n`))
      command.flags['display-mode'].summary = displayModeSummary()
    }
    return super.showCommandHelp(command)
  }
}
