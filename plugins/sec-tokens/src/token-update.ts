import {type ChangeProgress, S10kError, type SolarClient} from 's10k'

import type {SecurityPolicy} from './policy.js'
import {type SecurityToken, findToken, saveTokenInfo, saveTokenPolicy, saveTokenStatus} from './tokens.js'

/** What `sec-tokens update` was asked to change. Undefined means leave as it is; '' clears a name or description. */
export interface TokenChanges {
  name?: string
  description?: string
  status?: 'Active' | 'Disabled'
  policy?: SecurityPolicy
  replacePolicy: boolean
  /** Refuse to change a token that is not of this type. */
  expectedType?: string
}

export function hasChanges(changes: TokenChanges): boolean {
  return changes.name !== undefined || changes.description !== undefined || changes.status !== undefined || changes.policy !== undefined
}

interface Step {
  label: string
  run: () => Promise<SecurityToken | undefined | void>
}

/**
 * Applies the changes in the Java tool's order (info, status, policy), reading the token first only when
 * needed: to check its type, or to keep the description (or name) the service would otherwise clear.
 * A failure part way says which changes were applied and which were not.
 */
export async function updateToken(
  client: SolarClient,
  id: string,
  changes: TokenChanges,
  progress: ChangeProgress,
): Promise<SecurityToken | undefined> {
  let current: SecurityToken | undefined
  const steps: Step[] = []
  if (changes.name !== undefined || changes.description !== undefined) {
    const label = [changes.name === undefined ? '' : 'name', changes.description === undefined ? '' : 'description'].filter(Boolean).join(' and ')
    const info = () => ({name: changes.name ?? current?.name, description: changes.description ?? current?.description})
    steps.push({label, run: () => saveTokenInfo(client, id, info())})
  }
  if (changes.status) steps.push({label: `status ${changes.status}`, run: () => saveTokenStatus(client, id, changes.status!)})
  if (changes.policy) {
    const policy = changes.policy
    steps.push({label: changes.replacePolicy ? 'policy replaced' : 'policy merged', run: () => saveTokenPolicy(client, id, policy, changes.replacePolicy)})
  }
  progress.plan(steps.map((s) => s.label))

  if (changes.expectedType || (changes.name === undefined) !== (changes.description === undefined)) {
    current = await findToken(client, id)
    if (!current) throw new S10kError(`No security token ${id} found for these credentials; nothing was changed.`)
    if (changes.expectedType && current.type !== changes.expectedType) {
      throw new S10kError(`Security token ${id} is a ${current.type} token, not ${changes.expectedType}; nothing was changed.`)
    }
  }

  let result: SecurityToken | undefined
  for (const step of steps) {
    progress.start()
    try {
      result = (await step.run()) ?? result
    } catch (error) {
      if (!(error instanceof S10kError) || step === steps[0]) throw error
      throw new S10kError(`${error.reason.replace(/\.$/, '')}. ${progress.failed()}`, error.exitCode)
    }
    progress.finish()
  }
  if (client.dryRun) return undefined
  return changes.policy ? result : findToken(client, id)
}
