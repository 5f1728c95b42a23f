/** The changes `sec-tokens create` and `update` make, each as its steps in order, with what was applied said on failure. */
import {type ChangeProgress, NotSent, PartialResultError, S10kError, type SolarClient} from 's10k'

import type {SecurityPolicy} from './policy.js'
import {
  type SecurityToken,
  TOKENS_PATH,
  checkToken,
  findToken,
  generateToken,
  newTokenSecret,
  saveTokenInfo,
  saveTokenPolicy,
  saveTokenStatus,
  tokenReport,
} from './tokens.js'

/** What `sec-tokens create` was asked for. An empty name or description is none. */
export interface NewToken {
  type: string
  name?: string
  description?: string
  policy?: SecurityPolicy
}

/**
 * Creates the token, then names it. Once it exists, its ID and one-time secret go to `deliver` before anything else
 * can fail: the service never shows the secret again. Returns the token (with its secret), or `NotSent` in a dry
 * run. If naming fails, the error carries the token to show and says it was created.
 */
export async function createToken(
  client: SolarClient,
  request: NewToken,
  progress: ChangeProgress,
  deliver: (delivery: {text: string; note: string}) => void,
): Promise<SecurityToken | NotSent> {
  const info = {name: request.name || undefined, description: request.description || undefined}
  const named = Boolean(info.name || info.description)
  progress.plan(named ? ['token created', 'name and description'] : ['token created'])
  const token = await progress.step('token created', () => generateToken(client, request.type, request.policy))
  if (token instanceof NotSent) return token
  deliver(newTokenSecret(token))
  checkToken(token, `POST ${TOKENS_PATH}/generate/${request.type}`)
  if (!named) return token
  try {
    await progress.step('name and description', () => saveTokenInfo(client, token.id, info))
  } catch (error) {
    if (!(error instanceof S10kError)) throw error
    throw new PartialResultError(
      `Security token ${token.id} was created, but its name and description were not set: ${error.reason}`,
      tokenReport([token], {list: false, withSecret: true}),
      error.exitCode,
    )
  }
  return {...token, ...info}
}

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
  send: () => Promise<SecurityToken | NotSent | undefined>
}

/**
 * Applies the changes in the Java tool's order (info, status, policy), reading the token first only when
 * needed: to check its type, or to keep the description (or name) the service would otherwise clear.
 * Returns the updated token, or `NotSent` in a dry run. A failure part way says which changes were applied,
 * which may have been and which were not.
 */
export async function updateToken(
  client: SolarClient,
  id: string,
  changes: TokenChanges,
  progress: ChangeProgress,
): Promise<SecurityToken | NotSent | undefined> {
  let current: SecurityToken | undefined
  const steps: Step[] = []
  if (changes.name !== undefined || changes.description !== undefined) {
    const label = [changes.name === undefined ? '' : 'name', changes.description === undefined ? '' : 'description'].filter(Boolean).join(' and ')
    const info = () => ({name: changes.name ?? current?.name, description: changes.description ?? current?.description})
    steps.push({label, send: () => saveTokenInfo(client, id, info())})
  }
  const status = changes.status
  if (status) steps.push({label: `status ${status}`, send: () => saveTokenStatus(client, id, status)})
  const policy = changes.policy
  if (policy) {
    const label = changes.replacePolicy ? 'policy replaced' : 'policy merged'
    steps.push({label, send: () => saveTokenPolicy(client, id, policy, changes.replacePolicy)})
  }
  progress.plan(steps.map((s) => s.label))

  if (changes.expectedType || (changes.name === undefined) !== (changes.description === undefined)) {
    current = await findToken(client, id)
    if (!current) throw new S10kError(`No security token ${id} found for these credentials; nothing was changed.`)
    if (changes.expectedType && current.type !== changes.expectedType) {
      throw new S10kError(`Security token ${id} is a ${current.type} token, not ${changes.expectedType}; nothing was changed.`)
    }
  }

  let result: SecurityToken | NotSent | undefined
  for (const step of steps) result = (await progress.step(step.label, step.send)) ?? result
  if (result instanceof NotSent) return result
  return policy ? result : progress.readBack(() => findToken(client, id))
}
