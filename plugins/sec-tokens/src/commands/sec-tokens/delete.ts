import {Flags, S10kCommand, S10kError, UsageError, askLine, withShortNames} from 's10k'

import {tokenIdFlag} from '../../token-flags.js'
import {deleteToken, findToken} from '../../tokens.js'

export default class SecTokensDelete extends S10kCommand {
  static override summary = 'Delete a security token.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:delete']

  static override description =
    'Deletes a token for good. On a terminal you are asked to type the token ID back; --yes skips the question, ' +
    'and is required when s10k is not run from a terminal.'

  static output = '`Security token deleted.`'

  static override usage = '<%= command.id %> -id=tokenId [-y]'

  static override examples = [
    {description: 'Delete a token, confirming by typing its ID:', command: '<%= config.bin %> <%= command.id %> -id hNAdH.aXHaEqFossMwT8'},
    {description: 'Delete a token from a script:', command: '<%= config.bin %> <%= command.id %> -id hNAdH.aXHaEqFossMwT8 --yes'},
  ]

  static override flags = withShortNames({
    identifier: tokenIdFlag('the ID of the token to delete'),
    yes: Flags.boolean({char: 'y', summary: 'delete without asking for confirmation'}),
  })

  async run(): Promise<undefined> {
    const {flags} = await this.parse(SecTokensDelete)
    const id = flags.identifier
    const confirm = !flags.yes && !flags['dry-run']
    if (confirm && !process.stdin.isTTY) {
      throw new UsageError('Not deleting without confirmation: pass --yes (-y) when not running at a terminal')
    }
    const client = await this.client()
    const token = await findToken(client, id)
    if (!token) throw new S10kError(`No security token ${id} found for these credentials; nothing was deleted.`)
    if (confirm) {
      const label = `${token.type} token${token.name ? ` "${token.name}"` : ''}`
      const answer = await askLine(`Delete security token ${id} (${label})? Type the token ID to confirm: `)
      if (answer.trim() !== id) throw new S10kError('The ID typed does not match; nothing was deleted.')
    }
    this.progress.plan(['token deleted'])
    this.progress.start()
    await deleteToken(client, id)
    this.progress.finish()
    if (client.dryRun) this.note('Dry run: nothing was deleted.')
    else this.log('Security token deleted.')
    return undefined
  }
}
