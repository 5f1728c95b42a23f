import {
  AGGREGATIONS,
  Flags,
  MAX_RESPONSE_BYTES,
  type Message,
  type Report,
  S10kCommand,
  S10kError,
  type SolarClient,
  type StreamedResult,
  UsageError,
  commandUsage,
  dateTimeFlag,
  displayModeFlag,
  enumFlag,
  integerItem,
  listFlag,
  readStreamed,
  renderTable,
  timeZoneFlag,
  withShortNames,
} from 's10k'

import {READING_TYPES, datumQuery, identKind, period, streamIdent} from '../../datum-query.js'
import {PRETTY_MAX_ROWS, datumReport} from '../../datum-table.js'
import {QUERY_STREAM_PATH, locationIdsFlag, nodeIdsFlag, sourceIdsFlag, streamIdsFlag} from '../../streams.js'

const integer = (helpValue: string, summary: string, char: 'M' | 'O') =>
  Flags.custom<number>({parse: async (input, _context, opt) => integerItem(input.trim(), opt.name)})({char, helpValue, summary})

const flags = withShortNames({
  'show-stream-ids': Flags.boolean({char: 'S', summary: 'show the stream ID of each row (PRETTY only)'}),
  'stream-id': streamIdsFlag('a stream ID to show datum of'),
  'source-id': sourceIdsFlag('a source ID to show datum of (wildcard patterns allowed)'),
  'stream-ident': listFlag((v, flag) => streamIdent(v, flag), {
    aliases: ['ident'],
    helpValue: 'identifier[,identifier...]',
    summary: 'a stream identifier objectId:sourceId, like 101:con/1, instead of --node-id and --source-id',
  }),
  'stream-ident-kind': Flags.custom<'Node' | 'Location'>({parse: async (input, _context, opt) => identKind(input, opt.name)})({
    helpValue: 'kind',
    summary: 'the kind of object --stream-ident names, Node or Location (n or l); defaults to Node',
  }),
  'min-date': dateTimeFlag(['min'], '<minDate>', 'a minimum date to show datum from, like 2020-10-30 or 2020-10-30T12:45'),
  'max-date': dateTimeFlag(['max'], '<maxDate>', 'a maximum date (exclusive) to show datum to, like 2020-10-30 or 2020-10-30T12:45'),
  'local-dates': Flags.boolean({aliases: ['local'], summary: "treat the dates as each stream's local time instead of in --time-zone"}),
  'time-zone': timeZoneFlag(),
  'most-recent': Flags.boolean({aliases: ['recent'], summary: 'show only the most recent datum of each stream'}),
  aggregation: enumFlag(AGGREGATIONS, {aliases: ['agg'], helpValue: '<aggregation>', summary: 'an aggregation level, like Hour or Day'}),
  'partial-aggregation': enumFlag(AGGREGATIONS, {
    aliases: ['pagg'],
    helpValue: '<partialAggregation>',
    summary: 'a partial aggregation level, to include partial periods at the ends of the range',
  }),
  reading: enumFlag(READING_TYPES, {
    aliases: ['read'],
    helpValue: '<readingType>',
    summary: 'show readings of this type instead of datum, like Difference',
  }),
  tolerance: Flags.custom({parse: async (input, _context, opt) => period(input, opt.name)})({
    aliases: ['tol'],
    helpValue: '<timeTolerance>',
    summary: 'how far from the dates a reading may look for datum, an ISO period like P7D; the service defaults to P1M',
  }),
  property: listFlag((v) => v, {
    aliases: ['prop'],
    helpValue: 'propName[,propName...]',
    summary: 'show only this property (PRETTY only), in this order',
  }),
  max: integer('max', 'the most results to show; 0 or less for all', 'M'),
  offset: integer('<resultOffset>', 'how many results to skip', 'O'),
  'display-mode': displayModeFlag(),
  'node-id': nodeIdsFlag('a node ID to show datum of (not with --location-id)'),
  'location-id': locationIdsFlag('a location ID to show datum of (not with --node-id)'),
})

/** The service's answer to a query it refused inside the stream, or to a node the token may not read (§3.5). */
const emptyAnswer = (path: string): S10kError =>
  new S10kError(
    `The service sent an empty answer to GET ${path}: the token may not read these nodes or streams, or the query is one ` +
      'it cannot answer (such as minute-level aggregation over more than 840 hours, or a stream ID naming no stream)',
  )

export default class DatumList extends S10kCommand {
  static override summary = 'List datum matching a search filter.'

  static override description =
    'Shows datum (raw, aggregated, or readings with --reading) of given nodes, locations or streams over a date range. ' +
    'CSV and JSON are passed on from the service as they arrive, so any number of rows can be exported; PRETTY must ' +
    `hold every row to size its columns and shows at most ${PRETTY_MAX_ROWS.toLocaleString('en-US')} rows.`

  static output =
    "A table (PRETTY), the service's CSV, or the service's stream JSON (compact, then a newline). No rows: a header-only " +
    'table, no CSV at all, or JSON without data, exit 0. A failure part way through a CSV or JSON export is one line on stderr ' +
    'saying how many rows were written, exit 1; stdout then holds whole CSV rows only, or the start of the JSON.'

  static override usage = commandUsage(flags)

  static override synopsisBreaks = ['source-id', 'stream-ident', 'min-date', 'local-dates', 'aggregation', 'tolerance', 'display-mode']

  static override examples = [
    {
      description: 'Hourly aggregate datum of one source over a day:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --source-id con/1 --min-date 2025-08-21 --max-date 2025-08-22 --aggregation Hour',
    },
    {
      description: 'The reading difference over the same day:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --source-id con/1 --min-date 2025-08-21 --max-date 2025-08-22 --reading Difference',
    },
    {
      description: 'Export a year of raw datum as CSV:',
      command:
        '<%= config.bin %> <%= command.id %> --node-id 101 --source-id con/1 --min-date 2025-01-01 --max-date 2026-01-01 -mode CSV > con-1.csv',
    },
  ]

  static override flags = flags

  async run(): Promise<Report | StreamedResult | Message> {
    const {flags} = await this.parse(DatumList)
    if (flags['stream-ident'] && (flags['node-id'] || flags['location-id'] || flags['source-id'])) {
      throw new UsageError('--stream-ident names the nodes and sources itself: give it without --node-id, --location-id or --source-id')
    }
    const query = datumQuery(flags)
    const path = `${QUERY_STREAM_PATH}/${flags.reading ? 'reading' : 'datum'}`
    const mode = (flags['display-mode'] ?? 'PRETTY').toUpperCase()
    const client = await this.client()
    if (mode === 'CSV') {
      const stream = await client.stream({method: 'GET', path, query, accept: 'text/csv'})
      return {stream, format: 'csv', empty: () => this.checkEmptyCsv(client, path, query)}
    }
    if (mode === 'JSON') {
      const stream = await client.stream({method: 'GET', path, query, accept: 'application/json'})
      // the smallest real JSON answer is {"success":true}: an empty one is the service's silent refusal
      return {
        stream,
        format: 'json',
        empty: async () => {
          throw emptyAnswer(path)
        },
      }
    }
    const text = await this.readJson(client, path, query, PRETTY_MAX_ROWS)
    const aggregate = flags.aggregation !== undefined && flags.aggregation !== 'None'
    const properties = flags.property ? [...new Set(flags.property.flat())] : undefined
    const report = datumReport(
      text,
      {aggregate, reading: flags.reading !== undefined, showStreamIds: flags['show-stream-ids'], properties},
      `GET ${path}`,
    )
    // the Java tool's table without rows ends with its closing rule twice (solarnetwork-datum.md §4.1.4)
    if (report.rows.length === 0 && mode === 'PRETTY') {
      const text = renderTable(report)
      return {message: text + text.slice(0, text.indexOf('\n'))}
    }
    return report
  }

  /** Reads a JSON answer that must be held, within s10k's limits; an empty one is the service's silent refusal. */
  private async readJson(client: SolarClient, path: string, query: [string, string][], maxRows?: number): Promise<string> {
    const answer = await client.stream({method: 'GET', path, query, accept: 'application/json'})
    const limit = maxRows === undefined ? '' : ` and ${maxRows.toLocaleString('en-US')} rows`
    const text = await readStreamed(answer, {
      maxBytes: MAX_RESPONSE_BYTES,
      maxRows,
      tooLarge:
        `The answer is larger than PRETTY shows (${MAX_RESPONSE_BYTES / 1024 / 1024} MB${limit}): ` +
        'limit the rows with -M (and -O), or use -mode CSV or -mode JSON, which stream any number of rows',
    })
    if (text.trim() === '') throw emptyAnswer(path)
    return text
  }

  /**
   * An empty CSV answer is either no rows or the service's silent refusal (§3.5): the same query as JSON, for one
   * row, tells them apart (an empty JSON answer is always a refusal).
   */
  private async checkEmptyCsv(client: SolarClient, path: string, query: [string, string][]): Promise<void> {
    await this.readJson(client, path, [...query.filter(([name]) => name !== 'max'), ['max', '1']])
  }
}
