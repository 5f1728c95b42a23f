import {Flags, type Report, S10kCommand, commandUsage, displayModeFlag, uniqueValues, withShortNames} from 's10k'

import {nodeIdsFlag} from '../../../node-flags.js'
import {findMetadata, metadataReport} from '../../../nodes.js'

const flags = withShortNames({
  filter: Flags.string({aliases: ['filter'], helpValue: '<filter>', summary: 'a metadata filter to limit the results to, like (m/limit>200)'}),
  'node-id': nodeIdsFlag('the ID(s) of the nodes whose metadata to show', true),
  'display-mode': displayModeFlag(),
})

export default class NodesMetaList extends S10kCommand {
  static override summary = 'Show metadata matching a search filter.'

  static override description =
    'Shows the metadata of the given nodes that have any: when it was last updated, and the metadata as JSON. In ' +
    'JSON mode only the metadata objects are written, as the Java tool does.'

  static output = 'The metadata, or `No metadata matched your criteria.` on stderr (JSON mode still writes `[]`).'

  static override usage = commandUsage(flags)

  static override examples = [
    {description: 'Show the metadata of node 101:', command: '<%= config.bin %> <%= command.id %> --node-id 101'},
    {description: 'Show the metadata of nodes 101 and 102:', command: '<%= config.bin %> <%= command.id %> --node-id 101,102'},
    {
      description: 'Show the metadata of nodes 101 and 102 whose limit is over 200:',
      command: "<%= config.bin %> <%= command.id %> --node-id 101,102 --filter '(m/limit>200)'",
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(NodesMetaList)
    return metadataReport(await findMetadata(await this.client(), uniqueValues(flags['node-id']) ?? [], flags.filter))
  }
}
