import {Args, Flags, type Message, S10kCommand, commandUsage, prettyJsonText, withShortNames} from 's10k'

import {metadataText, parseMetadata} from '../../../metadata.js'
import {nodeIdFlag, readContent} from '../../../node-flags.js'
import {saveMetadata} from '../../../nodes.js'

const flags = withShortNames({
  replace: Flags.boolean({char: 'r', summary: 'replace all existing metadata, instead of merging into it'}),
  'node-id': nodeIdFlag('the ID of the node to save metadata to'),
})

export default class NodesMetaSave extends S10kCommand {
  static override summary = 'Save metadata associated with a node.'

  static override description =
    "Merges the metadata into the node's (new keys and tags are added, keys given replace the stored ones), or with " +
    '--replace makes it the whole of the node\'s metadata. The metadata is a JSON object with "m" (general values), ' +
    '"pm" (named objects) and "t" (tags), given as an argument, as @@file, or on standard input.'

  static output = '`Node metadata added:` or `Node metadata replaced:`, then the metadata sent, as JSON.'

  static override args = {
    metadata: Args.string({
      ignoreStdin: true,
      description: 'the metadata JSON, @file (@@file on the command line), or - / nothing to read standard input',
    }),
  }

  static override usage = `${commandUsage(flags)} [<metadata>]`

  static override examples = [
    {description: 'Metadata as an argument:', command: `<%= config.bin %> <%= command.id %> --node-id 101 '{"m":{"limit":123}}'`},
    {description: 'Metadata from a file:', command: '<%= config.bin %> <%= command.id %> --node-id 101 @@/path/to/metadata.json'},
    {description: 'Metadata from standard input:', command: '<%= config.bin %> <%= command.id %> --node-id 101 </path/to/metadata.json'},
  ]

  static override flags = flags

  async run(): Promise<Message | undefined> {
    const {args, flags} = await this.parse(NodesMetaSave)
    const text = await readContent(args.metadata === '-' ? undefined : args.metadata, this.io, 'metadata')
    // written once: the body sent, and laid out again for the echo
    const json = metadataText(parseMetadata(text))
    const client = await this.client()
    const replace = flags.replace
    this.progress.plan([replace ? 'metadata replaced' : 'metadata merged'])
    const sent = await this.progress.step(replace ? 'metadata replaced' : 'metadata merged', () =>
      saveMetadata(client, flags['node-id'], json, replace),
    )
    if (sent) return undefined
    return {message: `Node metadata ${replace ? 'replaced' : 'added'}:\n${prettyJsonText(json)}`}
  }
}
