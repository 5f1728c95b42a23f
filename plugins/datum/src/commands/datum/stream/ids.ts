import {type Report, S10kCommand, commandUsage, withShortNames} from 's10k'

import {streamFilterFlags, streamFilterRequest} from '../../../stream-filter.js'
import {findStreams, streamIdsReport} from '../../../streams.js'

const flags = withShortNames(streamFilterFlags())

export default class DatumStreamIds extends S10kCommand {
  static override summary = 'Show datum stream IDs matching a search filter.'

  static override description =
    'Shows the IDs of the datum streams the token may read, with their kind, object ID and source ID, usually to ' +
    'feed datum list --stream-id. The criteria are those of datum stream list.'

  static output = 'The stream IDs, or `No stream metadata matched your criteria.` on stderr (JSON mode still writes `[ ]`).'

  static override usage = commandUsage(flags)

  static override synopsisBreaks = ['stream-id', 'source-id', 'property', 'instantaneous']

  static override examples = [
    {description: 'The stream IDs of a node:', command: '<%= config.bin %> <%= command.id %> --node-id 101'},
    {
      description: 'Source IDs of streams with voltage and wattHours, for a script (with jq):',
      command:
        '<%= config.bin %> <%= command.id %> --instantaneous voltage --accumulating wattHours -mode JSON | jq -r \'map(.sourceId) | join(",")\'',
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(DatumStreamIds)
    const {path, query} = streamFilterRequest(flags, '/ids')
    return streamIdsReport(await findStreams(await this.client(), path, query))
  }
}
