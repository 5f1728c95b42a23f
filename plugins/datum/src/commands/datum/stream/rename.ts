import {
  ExitCode,
  Flags,
  NotSent,
  type Report,
  S10kCommand,
  S10kError,
  commandUsage,
  displayModeFlag,
  listFlag,
  parseJsonExact,
  withShortNames,
} from 's10k'

import {USER_META_PATH, objectId, streamIdFlag, streamReport, toStreamMeta} from '../../../streams.js'

const names = (summary: string, char: 'i' | 'a' | 's') => listFlag((v) => v, {char, helpValue: 'propName[,propName...]', summary})

const flags = withShortNames({
  'stream-id': streamIdFlag('the stream ID to rename'),
  'node-id': Flags.custom<number>({parse: async (input, _context, opt) => objectId(input, opt.name)})({
    aliases: ['node'],
    helpValue: '<nodeId>',
    summary: 'the new node ID',
  }),
  'source-id': Flags.string({aliases: ['source'], helpValue: '<sourceId>', summary: 'the new source ID'}),
  instantaneous: names('the new instantaneous property names, in order (at least as many as now)', 'i'),
  accumulating: names('the new accumulating property names, in order (at least as many as now)', 'a'),
  status: names('the new status property names, in order (at least as many as now)', 's'),
  'display-mode': displayModeFlag(),
})

export default class DatumStreamRename extends S10kCommand {
  static override summary = 'Rename node datum stream IDs and property names.'

  static override description =
    'Changes a node datum stream of your account: its node ID, source ID, or property names. Names are positional: ' +
    'each given list replaces the stored one in order, and must be at least as long, or the service changes nothing. ' +
    'With --dry-run (-n before the command) the request is shown and not sent.'

  static output = 'The stream as it is after the change, as datum stream list shows it (names in stored order).'

  static override usage = commandUsage(flags)

  static override examples = [
    {
      description: 'Rename the source ID of a stream:',
      command: '<%= config.bin %> <%= command.id %> --stream-id f68e81cd-2ac3-4760-b449-16ebce64c15a --source-id RELAY/1',
    },
    {
      description: 'Rename the instantaneous property names of a stream:',
      command: '<%= config.bin %> <%= command.id %> --stream-id cc114908-cc0f-4680-a92e-718690742ba9 --instantaneous watts,amps,voltage,hertz',
    },
    {
      description: 'Show the request without sending it:',
      command: '<%= config.bin %> -n <%= command.id %> --stream-id f68e81cd-2ac3-4760-b449-16ebce64c15a --source-id RELAY/1',
    },
  ]

  static override flags = flags

  async run(): Promise<Report | undefined> {
    const {flags} = await this.parse(DatumStreamRename)
    const form: [string, string][] = []
    if (flags['node-id'] !== undefined) form.push(['nodeId', String(flags['node-id'])])
    if (flags['source-id'] !== undefined && flags['source-id'].trim() !== '') form.push(['sourceId', flags['source-id']])
    for (const [name, values] of [
      ['i', flags.instantaneous],
      ['a', flags.accumulating],
      ['s', flags.status],
    ] as const) {
      if (values) form.push([name, values.flat().join(',')])
    }
    if (form.length === 0) throw new S10kError('Nothing provided to update.', ExitCode.nothingToDo)
    const id = flags['stream-id']
    const path = `${USER_META_PATH}/${id}`
    const data = await (await this.client()).request({method: 'POST', path, form, subject: `datum stream ${id}`, parse: parseJsonExact})
    if (data instanceof NotSent) return undefined
    // the service updates nothing, and says only success, when a given name list is shorter than the stored one
    if (data === undefined || data === null) {
      throw new S10kError(
        `Datum stream ${id} was not changed: the service renamed nothing (each property name list given must be at least as long as the stream's current one)`,
      )
    }
    return streamReport(toStreamMeta(data, `POST ${path}`))
  }
}
