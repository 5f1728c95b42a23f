import {type Report, S10kCommand, S10kError, commandUsage, displayModeFlag, parseJsonExact, withShortNames} from 's10k'

import {USER_META_PATH, streamIdFlag, streamViewReport, toStreamMeta} from '../../../streams.js'

const flags = withShortNames({
  'stream-id': streamIdFlag('the stream ID to show'),
  'display-mode': displayModeFlag(),
})

export default class DatumStreamView extends S10kCommand {
  static override summary = 'Show the metadata of one datum stream.'

  static override description =
    'Shows a node datum stream of your account (SolarUser, so a User token is needed): its IDs, time zone and ' + 'property names in stored order.'

  static output = 'Property and value rows; `Datum stream not available.` on stderr (exit 1) when the stream is not one of yours.'

  static override usage = commandUsage(flags)

  static override examples = [
    {description: 'Show a stream:', command: '<%= config.bin %> <%= command.id %> --stream-id cc114908-cc0f-4680-a92e-718690742ba9'},
  ]

  static override flags = flags

  async run(): Promise<Report> {
    const {flags} = await this.parse(DatumStreamView)
    const path = `${USER_META_PATH}/${flags['stream-id']}`
    const data = await (await this.client()).request({method: 'GET', path, subject: `datum stream ${flags['stream-id']}`, parse: parseJsonExact})
    // the service answers without data for a stream that is not the user's (the Java tool then asks a path that does not exist)
    if (data === undefined || data === null) throw new S10kError('Datum stream not available.')
    return streamViewReport(toStreamMeta(data, `GET ${path}`))
  }
}
