import {type Report, S10kCommand, commandUsage, displayModeFlag, uniqueValues, withShortNames} from 's10k'

import {statusFlags, tokenIdsFlag, tokenTypeFlag} from '../../token-flags.js'
import {findTokens, tokenReport} from '../../tokens.js'

const flags = withShortNames({
  identifier: tokenIdsFlag('the ID(s) of the tokens to show'),
  type: tokenTypeFlag('the type of token to show'),
  ...statusFlags('show only active tokens', 'show only disabled tokens'),
  'display-mode': displayModeFlag(),
})

export default class SecTokensList extends S10kCommand {
  static override summary = 'List security tokens.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:list']

  static override description =
    'Shows the security tokens of your account, optionally only some IDs, one type, or one status. PRETTY is one ' +
    'table with a line between rows, CSV one record per token, JSON an array.'

  static output = 'The matching security tokens, or `No security tokens matched your criteria.` on stderr (JSON mode still writes `[]`).'

  static override usage = commandUsage(flags)

  static override examples = [
    {description: 'List all tokens:', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'List the active ReadNodeData tokens as CSV:', command: '<%= config.bin %> <%= command.id %> -t ReadNodeData -a -mode CSV'},
    {
      description: 'Show two tokens as JSON:',
      command: '<%= config.bin %> <%= command.id %> -id hNAdH.aXHaEqFossMwT8,kF67p6g30eUXQICUgzQf -mode JSON',
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(SecTokensList)
    const tokens = await findTokens(await this.client(), {
      identifiers: uniqueValues(flags.identifier),
      types: flags.type ? [flags.type] : undefined,
      active: flags.active ? true : flags.disabled ? false : undefined,
    })
    return {...tokenReport(tokens, {list: true}), emptyMessage: 'No security tokens matched your criteria.'}
  }
}
