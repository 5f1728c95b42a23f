import {Flags, type Message, S10kCommand, commandUsage, withShortNames} from 's10k'

import {nodeIdFlag} from '../../../node-flags.js'
import {deleteMetadata} from '../../../nodes.js'

const flags = withShortNames({
  'node-id': nodeIdFlag('the ID of the node whose metadata to delete'),
  yes: Flags.boolean({char: 'y', summary: 'delete without asking (needed when not at a terminal)'}),
})

export default class NodesMetaDelete extends S10kCommand {
  static override summary = 'Delete all metadata associated with a node.'

  static override description =
    "Removes every key and tag of the node's metadata. At a terminal it asks you to type the node ID to confirm; " + 'elsewhere it needs --yes.'

  static output = '`Node metadata deleted.`'

  static override usage = commandUsage(flags)

  static override examples = [{description: 'Delete metadata:', command: '<%= config.bin %> <%= command.id %> --node-id 101'}]

  static override flags = flags

  async run(): Promise<Message | undefined> {
    const {flags} = await this.parse(NodesMetaDelete)
    const id = flags['node-id']
    const confirm = this.confirmation({yes: flags.yes, yesFlag: '--yes (-y)', doing: 'deleting'})
    const client = await this.client()
    await confirm(`Delete all metadata of node ${id}? Type the node ID to confirm`, String(id), 'The ID typed does not match; nothing was deleted.')
    const sent = await this.progress.step('metadata deleted', () => deleteMetadata(client, id))
    return sent ? undefined : {message: 'Node metadata deleted.'}
  }
}
