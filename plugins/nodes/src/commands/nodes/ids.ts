import {type Report, S10kCommand, commandUsage, displayModeFlag, withShortNames} from 's10k'

import {findNodeIds, nodeIdsReport} from '../../nodes.js'

const flags = withShortNames({'display-mode': displayModeFlag()})

export default class NodesIds extends S10kCommand {
  static override summary = 'List node IDs for the active credentials.'

  static override description =
    'Shows the IDs of the nodes the token may read (SolarQuery), which works for ReadNodeData tokens too: all of the ' +
    "account's nodes, or those the token's policy allows."

  static output = 'The node IDs, or `No node IDs matched your criteria.` on stderr (JSON mode still writes `[]`).'

  static override usage = commandUsage(flags)

  static override examples = [{description: 'List the node IDs:', command: '<%= config.bin %> <%= command.id %>'}]

  static override flags = flags

  async run(): Promise<Report> {
    await this.parse(NodesIds)
    return nodeIdsReport(await findNodeIds(await this.client()))
  }
}
