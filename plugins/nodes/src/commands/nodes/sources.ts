import {
  Flags,
  type Report,
  S10kCommand,
  commandUsage,
  dateTimeFlag,
  displayModeFlag,
  listFlag,
  timeZoneFlag,
  uniqueValues,
  withShortNames,
} from 's10k'

import {nodeIdsFlag} from '../../node-flags.js'
import {findSources, sourcesReport} from '../../nodes.js'

const names = (aliases: string[], summary: string, char?: 'i' | 'a' | 's') =>
  listFlag((v) => v, {...(char ? {char} : {}), aliases, helpValue: 'name[,name...]', summary})

const flags = withShortNames({
  'node-id': nodeIdsFlag('a node ID to limit the results to'),
  'source-id': listFlag((v) => v, {
    aliases: ['source'],
    helpValue: 'sourceId[,sourceId...]',
    summary: 'a source ID to limit the results to (wildcard patterns allowed)',
  }),
  'min-date': dateTimeFlag(['min'], '<minDate>', 'a minimum date to limit the results to, like 2020-10-30 or 2020-10-30T12:45'),
  'max-date': dateTimeFlag(['max'], '<maxDate>', 'a maximum date (exclusive) to limit the results to, like 2020-10-30 or 2020-10-30T12:45'),
  'local-dates': Flags.boolean({aliases: ['local'], summary: "treat the dates as each node's local time instead of in --time-zone"}),
  'time-zone': timeZoneFlag(),
  filter: Flags.string({aliases: ['filter'], helpValue: '<filter>', summary: 'a metadata filter to limit the results to, like (/m/foo=bar)'}),
  property: names(['prop'], 'a property name the source must have, of any kind'),
  instantaneous: names([], 'an instantaneous property name the source must have', 'i'),
  accumulating: names([], 'an accumulating property name the source must have', 'a'),
  status: names([], 'a status property name the source must have', 's'),
  'display-mode': displayModeFlag(),
})

export default class NodesSources extends S10kCommand {
  static override summary = 'List node sources matching a search filter.'

  static override description =
    'Shows the source IDs of the nodes the token may read, by node, optionally only those with data between --min-date ' +
    '(inclusive) and --max-date (exclusive), matching a metadata filter, or having given property names.'

  static output = 'Node and source ID pairs, or `No sources matched your criteria.` on stderr (JSON mode still writes `[]`).'

  static override usage = commandUsage(flags)

  static override synopsisBreaks = ['source-id', 'min-date', 'local-dates', 'filter', 'property', 'instantaneous', 'accumulating', 'status']

  static override examples = [
    {description: 'List all sources:', command: '<%= config.bin %> <%= command.id %>'},
    {
      description: 'Sources of node 101 with watts and wattHours readings since August 2025:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --instantaneous watts --accumulating wattHours --min-date 2025-08-01',
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(NodesSources)
    const filter = {
      nodeIds: uniqueValues(flags['node-id']),
      sourceIds: uniqueValues(flags['source-id']),
      minDate: flags['min-date'],
      maxDate: flags['max-date'],
      localDates: flags['local-dates'],
      timeZone: flags['time-zone'],
      metadataFilter: flags.filter,
      propertyNames: uniqueValues(flags.property),
      instantaneousPropertyNames: uniqueValues(flags.instantaneous),
      accumulatingPropertyNames: uniqueValues(flags.accumulating),
      statusPropertyNames: uniqueValues(flags.status),
    }
    return sourcesReport(await findSources(await this.client(), filter))
  }
}
