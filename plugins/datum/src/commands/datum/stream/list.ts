import {Flags, type Report, S10kCommand, commandUsage, withShortNames} from 's10k'

import {streamFilterFlags, streamFilterRequest} from '../../../stream-filter.js'
import {findStreams, streamListReport} from '../../../streams.js'

const flags = withShortNames({
  ...streamFilterFlags(),
  'unsorted-names': Flags.boolean({char: 'U', summary: 'show property names in their stored order instead of sorted'}),
})

export default class DatumStreamList extends S10kCommand {
  static override summary = 'Show datum stream metadata matching a search filter.'

  static override description =
    'Shows the datum streams the token may read, with their time zone and property names: those of given streams, ' +
    'nodes or locations, sources, or having given property names. All criteria must match.'

  static output =
    'The streams (property names sorted unless -U; JSON keeps the stored order), or `No stream metadata matched your criteria.` on stderr (JSON mode still writes `[ ]`).'

  static override usage = commandUsage(flags)

  static override synopsisBreaks = ['stream-id', 'source-id', 'property', 'instantaneous']

  static override examples = [
    {description: 'All datum stream metadata of a node:', command: '<%= config.bin %> <%= command.id %> --node-id 101'},
    {
      description: 'Streams of node 101 having some property named watts:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --property watts',
    },
    {
      description: 'Streams with an instantaneous pcmLimit and an accumulating wattHours property:',
      command: '<%= config.bin %> <%= command.id %> --instantaneous pcmLimit --accumulating wattHours',
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(DatumStreamList)
    const {path, query} = streamFilterRequest(flags)
    return streamListReport(await findStreams(await this.client(), path, query), flags['unsorted-names'])
  }
}
