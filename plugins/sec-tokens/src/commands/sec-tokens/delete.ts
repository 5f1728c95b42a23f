import {Flags, type Message, NotSent, S10kCommand, S10kError, commandUsage, withShortNames} from 's10k'

import {tokenIdFlag} from '../../token-flags.js'
import {deleteToken, findToken} from '../../tokens.js'

const flags = withShortNames({
  identifier: tokenIdFlag('the ID of the token to delete'),
  yes: Flags.boolean({char: 'y', summary: 'delete without asking for confirmation'}),
})

export default class SecTokensDelete extends S10kCommand {
  static override summary = 'Delete a security token.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:delete']

  static override description =
    'Deletes a token for good. On a terminal you are asked to type the token ID back; --yes skips the question, ' +
    'and is required when s10k is not run from a terminal.'

  static output = '`Security token deleted.`'

  static override usage = commandUsage(flags)

  static override examples = [
    {description: 'Delete a token, confirming by typing its ID:', command: '<%= config.bin %> <%= command.id %> -id hNAdH.aXHaEqFossMwT8'},
    {description: 'Delete a token from a script:', command: '<%= config.bin %> <%= command.id %> -id hNAdH.aXHaEqFossMwT8 --yes'},
  ]

  static override flags = flags

  async run(): Promise<Message | undefined> {
    const {flags} = await this.parse(SecTokensDelete)
    const id = flags.identifier
    const confirm = this.confirmation({yes: flags.yes, yesFlag: '--yes (-y)', doing: 'deleting'})
    const client = await this.client()
    const token = await findToken(client, id)
    if (!token) throw new S10kError(`No security token ${id} found for these credentials; nothing was deleted.`)
    const label = `${token.type} token${token.name ? ` "${token.name}"` : ''}`
    await confirm(`Delete security token ${id} (${label})? Type the token ID to confirm`, id, 'The ID typed does not match; nothing was deleted.')
    const deleted = await this.progress.step('token deleted', () => deleteToken(client, id))
    return deleted instanceof NotSent ? undefined : {message: 'Security token deleted.'}
  }
}
