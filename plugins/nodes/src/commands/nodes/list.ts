import {type Report, S10kCommand, commandUsage, displayModeFlag, withShortNames} from 's10k'

import {findUserNodes, userNodesReport} from '../../nodes.js'

const flags = withShortNames({'display-mode': displayModeFlag()})

export default class NodesList extends S10kCommand {
  static override summary = 'List node information for the active credentials.'

  static override description = 'Shows the nodes of your account: ID, when it was created, whether it is public, and its country and time zone.'

  static output = 'The nodes, or `No nodes available.` on stderr (JSON mode still writes `[]`).'

  static override usage = commandUsage(flags)

  static override examples = [
    {description: 'List your nodes:', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'As CSV:', command: '<%= config.bin %> <%= command.id %> -mode CSV'},
  ]

  static override flags = flags

  async run(): Promise<Report> {
    await this.parse(NodesList)
    return userNodesReport(await findUserNodes(await this.client()))
  }
}
