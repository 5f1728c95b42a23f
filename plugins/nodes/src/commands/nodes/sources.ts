import {
  Flags,
  type Report,
  S10kCommand,
  commandUsage,
  dateParameter,
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
    const local = flags['local-dates']
    const query: [string, string][] = []
    const add = (name: string, values: readonly (string | number)[] | undefined) => {
      if (values?.length) query.push([name, values.join(',')])
    }
    add('nodeIds', uniqueValues(flags['node-id']))
    add('sourceIds', uniqueValues(flags['source-id']))
    // both ends, each from its own option (the Java tool sent --max-date as both)
    if (flags['min-date']) query.push([local ? 'localStartDate' : 'startDate', dateParameter(flags['min-date'], local, flags['time-zone'])])
    if (flags['max-date']) query.push([local ? 'localEndDate' : 'endDate', dateParameter(flags['max-date'], local, flags['time-zone'])])
    if (flags.filter !== undefined && flags.filter.trim() !== '') query.push(['metadataFilter', flags.filter])
    add('propertyNames', uniqueValues(flags.property))
    add('instantaneousPropertyNames', uniqueValues(flags.instantaneous))
    add('accumulatingPropertyNames', uniqueValues(flags.accumulating))
    add('statusPropertyNames', uniqueValues(flags.status))
    return sourcesReport(await findSources(await this.client(), query))
  }
}
