import {Flags, PartialResultError, type Report, S10kCommand, commandUsage, displayModeFlag, parseCsv, prettyJson, withShortNames} from 's10k'

import {metadataJson, pathRows, valueAtPath} from '../../../metadata.js'
import {nodeIdFlag} from '../../../node-flags.js'
import {findMetadata, rowsReport, tableRows} from '../../../nodes.js'

const flags = withShortNames({
  'display-mode': displayModeFlag(),
  'node-id': nodeIdFlag('the ID of the node whose metadata to read'),
  path: Flags.string({
    aliases: ['path'],
    helpValue: '<metadataPath>',
    summary: 'the metadata key path of the table, like /pm/cpd/schedule; without it, every value by key path',
  }),
})

export default class NodesMetaCsvGet extends S10kCommand {
  static override summary = 'Extract CSV from node metadata at a specific metadata key path.'

  static override aliases = ['nodes:meta:csv']

  static override description =
    'Shows a table stored in node metadata (such as a tariff schedule), stored as CSV text or as an array of rows, ' +
    "as rows without a header (the table's own first row comes first). Without --path, every value of the " +
    'metadata as a key path and its value (Path,Value rows), which csv-set without --path reads back. JSON is ' +
    "the array of rows. A key that cannot be written as a key path (empty, or holding '/') is named on stderr, " +
    'and the exit code is then 1.'

  static output =
    'The rows; `No metadata matched your criteria.` on stderr when the node has no metadata, or a message and the metadata that is there when nothing is at the path.'

  static override usage = commandUsage(flags)

  static override examples = [
    {
      description: 'Show the schedule stored at /pm/cpd/schedule:',
      command: '<%= config.bin %> <%= command.id %> --node-id 101 --path /pm/cpd/schedule',
    },
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(NodesMetaCsvGet)
    const id = flags['node-id']
    const found = (await findMetadata(await this.client(), [id])).at(0)
    const empty = (message: string): Report => ({columns: [], rows: [], items: [], list: true, headerless: true, emptyMessage: message})
    if (!found) return empty('No metadata matched your criteria.')
    // without --path: every value as a key path and its text, which csv-set without --path reads back
    if (flags.path === undefined) {
      const {rows, unwritable} = pathRows(found.metadata)
      const report = rowsReport([['Path', 'Value'], ...rows])
      if (unwritable.length === 0) return report
      // csv-set could not restore these: say so, rather than write a table that silently lacks them
      throw new PartialResultError(
        `${unwritable.length} key(s) cannot be written as a key path (empty, or holding '/'), so they are not in the rows: ${unwritable.slice(0, 5).join(', ')}${unwritable.length > 5 ? ', ...' : ''}`,
        report,
      )
    }
    const rows = tableRows(valueAtPath(found.metadata, flags.path), parseCsv)
    if (!rows) {
      return empty(`No table at path [${flags.path}] in the metadata of node ${id}. Available metadata:\n${prettyJson(metadataJson(found.metadata))}`)
    }
    return rowsReport(rows)
  }
}
