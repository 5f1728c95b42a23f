import {NotSent, type Report, S10kCommand, commandUsage, displayModeFlag, withShortNames} from 's10k'

import {buildPolicy, policyFlags} from '../../policy-flags.js'
import {requiredTokenTypeFlag, tokenInfoFlags} from '../../token-flags.js'
import {createToken} from '../../token-changes.js'
import {tokenReport} from '../../tokens.js'

const flags = withShortNames({
  type: requiredTokenTypeFlag('the type of token to create'),
  ...tokenInfoFlags,
  ...policyFlags,
  'display-mode': displayModeFlag(),
})

export default class SecTokensCreate extends S10kCommand {
  static override summary = 'Create a security token.'

  /** `tokens` is the Java tool's alias for the `sec-tokens` group. */
  static override aliases = ['tokens:create']

  static override description =
    'Generates a new token of the given type, with an optional name, description and security policy. ' +
    'The output includes the token secret: it is shown only this once, so store it safely. If the name or ' +
    'description cannot be set, the token and its secret are still printed, and the exit code is 1.'

  static output = 'The new security token, including its secret, which is shown only this once.'

  static override usage = commandUsage(flags)

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

  static override flags = flags

  async run(): Promise<Report | undefined> {
    const {flags} = await this.parse(SecTokensCreate)
    const request = {type: flags.type, name: flags.name, description: flags.description, policy: buildPolicy(flags)}
    const token = await createToken(await this.client(), request, this.progress, (delivery) => {
      this.deliverOnce(delivery)
    })
    if (token instanceof NotSent) return undefined
    return tokenReport([token], {list: false, withSecret: true})
  }
}
