import {S10kCommand, S10kError, displayModeFlag, withShortNames} from 's10k'

/** An example plugin command: built on S10kCommand, it gets the global options, credentials and display modes. */
export default class Whoami extends S10kCommand {
  static summary = 'Show the security token s10k signs requests with.'

  static description = 'Looks up the token of the credentials in use (never its secret), which also checks that they work.'

  static examples = ['<%= config.bin %> <%= command.id %>', '<%= config.bin %> -P home <%= command.id %> -mode MARKDOWN']

  static flags = withShortNames({'display-mode': displayModeFlag()})

  async run() {
    await this.parse(Whoami)
    const client = await this.client()
    const found = await client.request({
      method: 'GET',
      path: '/solaruser/api/v1/sec/user/auth-tokens/find',
      query: [['identifiers', client.tokenId]],
    })
    const token = found?.results?.[0]
    if (!token) throw new S10kError(`Token ${client.tokenId} is not visible to itself.`)
    return {
      columns: [{title: 'Token ID'}, {title: 'User ID', align: 'right'}, {title: 'Type'}, {title: 'Status'}, {title: 'Name'}],
      rows: [[token.id, String(token.userId), token.type, token.status, token.name]],
      items: [{id: token.id, userId: token.userId, type: token.type, status: token.status, name: token.name}],
      list: false,
    }
  }
}
