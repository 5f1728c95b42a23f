import {ExitCode, Flags, NotSent, type Report, S10kCommand, S10kError, commandUsage, displayModeFlag, withShortNames} from 's10k'

import {buildPolicy, policyFlags} from '../../policy-flags.js'
import {statusFlags, tokenIdFlag, tokenInfoFlags, tokenTypeFlag} from '../../token-flags.js'
import {hasChanges, updateToken} from '../../token-changes.js'
import {tokenReport} from '../../tokens.js'

const flags = withShortNames({
  identifier: tokenIdFlag('the ID of the token to update'),
  ...tokenInfoFlags,
  ...statusFlags('make the token active', 'make the token disabled'),
  ...policyFlags,
  replace: Flags.boolean({char: 'R', summary: 'replace the security policy, instead of updating (adding to) the policy'}),
  type: tokenTypeFlag('the type the token must have (otherwise nothing is changed)'),
  'display-mode': displayModeFlag(),
})

export default class SecTokensUpdate extends S10kCommand {
  static override summary = 'Update a security token.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:update']

  static override description =
    'Changes the name, description, status or security policy of a token. Policy options are merged into the ' +
    'existing policy: lists (node IDs, source IDs, paths, aggregations, precisions) grow, single values (minimums, ' +
    'expiry, refresh) are replaced; with --replace the given options become the whole policy. Setting only a name ' +
    'or only a description keeps the other (the service would clear it, so s10k reads the token first); an empty ' +
    "value (--description '') clears it. With --type nothing is changed unless the token has that type."

  static output = 'The updated security token.'

  static override usage = commandUsage(flags)

  /** The handbook page's line breaks. */
  static override synopsisBreaks = ['description', 'api-path', 'expiration-date', 'active']

  static override examples = [
    {
      description: 'Update the name and description of a token:',
      command: `<%= config.bin %> <%= command.id %> --identifier hNAdH.aXHaEqFossMwT8 --name 'Student access' --description 'Allow access to school system data.'`,
    },
    {
      description: 'Add policy restrictions, preserving existing restrictions:',
      command: `<%= config.bin %> <%= command.id %> --identifier kF67p6g30eUXQICUgzQf --node-id 107,164 --source-id '/REGION2/**'`,
    },
    {
      description: 'Replace policy restrictions, discarding existing restrictions, with the --replace option:',
      command: `<%= config.bin %> <%= command.id %> --identifier kF67p6g30eUXQICUgzQf --node-id 107,164 --source-id '/REGION2/**' --replace`,
    },
  ]

  static override flags = flags

  async run(): Promise<Report | undefined> {
    const {flags} = await this.parse(SecTokensUpdate)
    const changes = {
      name: flags.name,
      description: flags.description,
      status: flags.active ? 'Active' : flags.disabled ? 'Disabled' : undefined,
      policy: buildPolicy(flags),
      replacePolicy: flags.replace,
      expectedType: flags.type,
    } as const
    if (!hasChanges(changes)) throw new S10kError('No update options provided.', ExitCode.nothingToDo)
    const token = await updateToken(await this.client(), flags.identifier, changes, this.progress)
    if (token instanceof NotSent) return undefined
    if (!token) {
      this.note('Token not available.')
      return undefined
    }
    return tokenReport([token], {list: false})
  }
}
