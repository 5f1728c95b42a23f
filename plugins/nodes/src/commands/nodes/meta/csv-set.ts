import {
  Args,
  Flags,
  JsonNumber,
  type Message,
  S10kCommand,
  UsageError,
  commandUsage,
  displayModeFlag,
  eachCsvRow,
  javaNumberText,
  parseCsv,
  printableLine,
  withShortNames,
} from 's10k'

import {PathRowsReader, metadataAtPath, metadataText} from '../../../metadata.js'
import {nodeIdFlag, readContent} from '../../../node-flags.js'
import {rowsReport, saveMetadata} from '../../../nodes.js'

const flags = withShortNames({
  string: Flags.boolean({char: 's', summary: 'store the CSV text as one string, instead of as an array of rows'}),
  'display-mode': displayModeFlag(),
  'node-id': nodeIdFlag('the ID of the node to save to'),
  path: Flags.string({
    aliases: ['path'],
    helpValue: '<metadataPath>',
    summary: 'the metadata key path to store the table at, like /pm/cpd/schedule; without it, the CSV is key path and value rows',
  }),
})

export default class NodesMetaCsvSet extends S10kCommand {
  static override summary = 'Save CSV data to node metadata at a specific metadata key path.'

  static override description =
    "Merges a table into the node's metadata at --path: as an array of rows (fields trimmed, # comment lines and " +
    'empty lines skipped, empty fields ""), or with --string as the CSV text itself (a text that is wholly a number is stored as that number, as ' +
    'the Java tool does, written as Java prints it: -0012.50 as -12.50). The CSV is given as an ' +
    'argument, as @@file, or on standard input. Without --path, each CSV row is a metadata key path and its value ' +
    '(as csv-get without --path writes them; a value that is JSON, such as 123 or true, is stored as such). With ' +
    '--display-mode the rows are shown after the message, as csv-get shows them.'

  static output = '`CSV saved to path [<path>].`, and with --display-mode the rows.'

  static override args = {
    csv: Args.string({ignoreStdin: true, description: 'the CSV text, @file (@@file on the command line), or - / nothing to read standard input'}),
  }

  static override usage = `${commandUsage(flags)} [<csv>]`

  static override examples = [
    {description: 'CSV from a file:', command: '<%= config.bin %> <%= command.id %> --node-id 101 --path /pm/cpd/schedule @@/path/to/data.csv'},
    {
      description: 'CSV from standard input:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --path /pm/cpd/schedule </path/to/data.csv',
    },
  ]

  static override flags = flags

  async run(): Promise<Message | undefined> {
    const {args, flags} = await this.parse(NodesMetaCsvSet)
    const text = await readContent(args.csv === '-' ? undefined : args.csv, this.io, 'CSV')
    const {path} = flags
    if (path === undefined && flags.string) throw new UsageError('--string needs --path: the key path to store the text at')
    // the rows are kept only to be shown: large CSV is read row by row into the metadata, and not held while it is sent
    const show = flags['display-mode'] !== undefined
    const rows: string[][] | undefined = path === undefined && !show ? undefined : parseCsv(text)
    // the metadata is held as the JSON text sent, not as millions of objects while the service reads it
    let json: string
    let count = 0
    if (path === undefined) {
      const reader = new PathRowsReader()
      if (rows) for (const row of rows) reader.add(row)
      else
        eachCsvRow(text, (row) => {
          reader.add(row)
        })
      json = reader.finishText()
      count = reader.count
    } else {
      // --string stores the text trimmed, as a number when it is one (the Java tool's populate rule), written as
      // BigDecimal prints it: leading zeros go (they are not JSON), every other digit stays (-0012.50 -> -12.50)
      const trimmed = text.trim()
      const number = /^-?\d+(\.\d+)?$/.test(trimmed) ? javaNumberText(trimmed.replace(/^(-?)0+(?=\d)/, '$1')) : undefined
      json = metadataText(metadataAtPath(path, flags.string ? (number === undefined ? trimmed : new JsonNumber(number)) : (rows ?? [])))
    }
    const client = await this.client()
    const sent = await this.progress.step('metadata merged', () => saveMetadata(client, flags['node-id'], json, false))
    if (sent) return undefined
    return {
      // the key path is the user's text: shown escaped, like every message
      message: path === undefined ? `Metadata saved from ${count} key path rows.` : `CSV saved to path [${printableLine(path)}].`,
      report: show && rows ? rowsReport(rows) : undefined,
    }
  }
}
