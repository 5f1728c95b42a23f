import {PartialResultError, type Report, S10kCommand, S10kError, displayModeFlag, withShortNames} from 's10k'

import {buildPolicy, policyFlags} from '../../policy-flags.js'
import {tokenInfoFlags, tokenTypeFlag} from '../../token-flags.js'
import {generateToken, saveTokenInfo, tokenReport} from '../../tokens.js'

export default class SecTokensCreate extends S10kCommand {
  static override summary = 'Create a security token.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:create']

  static override description =
    'Generates a new token of the given type, with an optional name, description and security policy. ' +
    'The output includes the token secret: it is shown only this once, so store it safely. If the name or ' +
    'description cannot be set, the token and its secret are still printed, and the exit code is 1.'

  static output = 'The new security token, including its secret, which is shown only this once.'

  static override usage =
    '<%= command.id %> [-r] -t=<tokenType> [-n=<name>] [-D=<description>] [-node=nodeId[,nodeId...]]... ' +
    '[-source=sourceId[,sourceId...]]... [-N=metaPath[,metaPath...]]... [-U=metaPath[,metaPath...]]... ' +
    '[-A=path[,path...]]... [-exp=<expirationDate>] [-tz=<zone>] [-mode=<displayMode>] ' +
    '[-agg=aggregation | --aggregation=aggregation[,aggregation...]...] ' +
    '[-loc=precision | --location-precision=precision[,precision...]...]'

  static override examples = [
    {
      description: 'Create a token that can read two nodes:',
      command: `<%= config.bin %> <%= command.id %> -t ReadNodeData -n 'Dashboard' --node-id 107,164`,
    },
    {
      description: 'Create a User token that expires at the end of 2030 in Auckland:',
      command: '<%= config.bin %> <%= command.id %> -t User -exp 2030-12-31T23:59 -tz Pacific/Auckland',
    },
  ]

  static override flags = withShortNames({
    type: tokenTypeFlag('the type of token to create, one of ReadNodeData or User', true),
    ...tokenInfoFlags,
    ...policyFlags,
    'display-mode': displayModeFlag(),
  })

  async run(): Promise<Report | undefined> {
    const {flags} = await this.parse(SecTokensCreate)
    const policy = await buildPolicy(flags)
    const client = await this.client()
    const info = {name: flags.name || undefined, description: flags.description || undefined}
    const named = Boolean(info.name || info.description)
    this.progress.plan(named ? ['token created', 'name and description'] : ['token created'])
    this.progress.start()
    const token = await generateToken(client, flags.type!, policy)
    this.progress.finish()
    if (!token) {
      if (named) await saveTokenInfo(client, '<new token ID>', info)
      this.note('Dry run: no token was created.')
      return undefined
    }
    if (named) {
      try {
        this.progress.start()
        await saveTokenInfo(client, token.id, info)
        this.progress.finish()
      } catch (error) {
        const reason = error instanceof S10kError ? error.reason : String(error)
        this.note('Store the token secret now: it cannot be shown again.')
        throw new PartialResultError(
          `Security token ${token.id} was created, but its name and description were not set: ${reason}`,
          tokenReport([token], {list: false, withSecret: true}),
          error instanceof S10kError ? error.exitCode : undefined,
        )
      }
      Object.assign(token, info)
    }
    this.note('Store the token secret now: it cannot be shown again.')
    return tokenReport([token], {list: false, withSecret: true})
  }
}
