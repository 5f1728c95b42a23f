import {
  type Instant,
  type JsonValue,
  NotSent,
  type Report,
  S10kError,
  type SolarClient,
  describeJson,
  formatInstantAlt,
  formatInstantIso,
  parseInstant,
  prettyJson,
  reportOf,
} from 's10k'

import {type SecurityPolicy, policyJson, readPolicy} from './policy.js'

export const TOKEN_TYPES = ['ReadNodeData', 'User'] as const
export const TOKENS_PATH = '/solaruser/api/v1/sec/user/auth-tokens'

/** A security token as the service returns it (solarnetwork-api.md §2.3). */
export interface SecurityToken {
  id: string
  authSecret?: string
  created?: string | number | null
  userId?: number | null
  name?: string
  description?: string
  status?: string
  type?: string
  expired?: boolean
  policy?: unknown
}

const FIELD_TYPES: Record<string, (value: unknown) => boolean> = {
  id: (v) => typeof v === 'string' && v !== '',
  authSecret: (v) => typeof v === 'string',
  created: (v) => typeof v === 'string' || typeof v === 'number',
  userId: (v) => typeof v === 'number',
  name: (v) => typeof v === 'string',
  description: (v) => typeof v === 'string',
  status: (v) => typeof v === 'string',
  type: (v) => typeof v === 'string',
  expired: (v) => typeof v === 'boolean',
  policy: (v) => typeof v === 'object' && !Array.isArray(v),
}

const KINDS: Record<string, string> = {id: 'a token ID', created: 'a date', userId: 'a number', expired: 'true or false', policy: 'an object'}

/**
 * A token from the service, checked field by field: an answer of another shape is one clear error naming the
 * field, never a crash further on. `answer` says which request it came from.
 */
export function checkToken(value: unknown, answer: string): SecurityToken {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new S10kError(`The service's answer to ${answer} is not a token: ${describeValue(value)}`)
  }
  for (const [field, ok] of Object.entries(FIELD_TYPES)) {
    const v = (value as Record<string, unknown>)[field]
    if (field !== 'id' && (v === undefined || v === null)) continue
    if (!ok(v))
      throw new S10kError(`The service's answer to ${answer} has a token whose ${field} is not ${KINDS[field] ?? 'text'}: ${describeValue(v)}`)
  }
  return value as SecurityToken
}

/** A value from the service, short, for a message. */
const describeValue = (value: unknown): string => describeJson(value, 40)

/** What display needs of a token, read once: its policy as the Java tool reads it, and when it was created. */
interface ParsedToken {
  token: SecurityToken
  policy?: SecurityPolicy
  created?: Instant | string
}

function parse(token: SecurityToken): ParsedToken {
  const created = token.created === undefined || token.created === null ? undefined : (parseInstant(token.created) ?? String(token.created))
  return {token, policy: readPolicy(token.policy), created}
}

function createdText({created}: ParsedToken, format: (instant: Instant) => string): string | undefined {
  return typeof created === 'object' ? format(created) : created
}

function json(parsed: ParsedToken): JsonValue {
  const {token, policy} = parsed
  const ordered: {[key: string]: JsonValue | undefined} = {
    id: token.id,
    authSecret: token.authSecret ?? undefined,
    created: createdText(parsed, formatInstantAlt),
    userId: token.userId ?? undefined,
    name: token.name ?? undefined,
    description: token.description ?? undefined,
    status: token.status ?? undefined,
    type: token.type ?? undefined,
    expired: token.expired ?? false,
    policy: policy ? policyJson(policy) : undefined,
  }
  return Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined))
}

/** The token as the Java tool writes it: fixed field order, `created` in the service's form, policy re-read. */
export function tokenJson(token: SecurityToken): JsonValue {
  return json(parse(token))
}

const LIST_COLUMNS = ['Token ID', 'Created', 'User ID', 'Type', 'Status', 'Name', 'Description', 'Policy']
const CREATE_COLUMNS = ['Token ID', 'Token Secret', 'Created', 'User ID', 'Type', 'Name', 'Description', 'Policy']

/** Tokens for display; `withSecret` gives the layout of `create`, which shows the secret once. */
export function tokenReport(tokens: readonly SecurityToken[], options: {list: boolean; withSecret?: boolean}): Report {
  const titles = options.withSecret ? CREATE_COLUMNS : LIST_COLUMNS
  return reportOf(
    tokens.map((token) => parse(token)),
    {
      columns: titles.map((title) => ({title, align: title === 'User ID' ? 'right' : 'left'})),
      row: (p) => {
        const {token, policy} = p
        const cells: Record<string, string | undefined> = {
          'Token ID': token.id,
          'Token Secret': token.authSecret,
          Created: createdText(p, formatInstantIso),
          'User ID': token.userId === undefined || token.userId === null ? undefined : String(token.userId),
          Type: token.type,
          Status: token.status,
          Name: token.name,
          Description: token.description,
          Policy: policy ? prettyJson(policyJson(policy)) : undefined,
        }
        return titles.map((t) => cells[t] ?? undefined)
      },
      json: (p) => json(p),
      list: options.list,
    },
  )
}

export interface TokenFilter {
  identifiers?: string[]
  types?: string[]
  active?: boolean
}

/** How the service's refusals name a token. */
const subject = (id: string): string => `security token ${id}`

export async function findTokens(client: SolarClient, filter: TokenFilter): Promise<SecurityToken[]> {
  const query: [string, string][] = []
  if (filter.identifiers?.length) query.push(['identifiers', filter.identifiers.join(',')])
  if (filter.active !== undefined) query.push(['active', String(filter.active)])
  if (filter.types?.length) query.push(['tokenTypes', filter.types.join(',')])
  const path = `${TOKENS_PATH}/find`
  return (await client.results({method: 'GET', path, query})).map((token) => checkToken(token, `GET ${path}`))
}

export async function findToken(client: SolarClient, id: string): Promise<SecurityToken | undefined> {
  return (await findTokens(client, {identifiers: [id]}))[0]
}

/** Sets name and description together: the service clears whichever one is not sent. */
export async function saveTokenInfo(client: SolarClient, id: string, info: {name?: string; description?: string}): Promise<NotSent | undefined> {
  const form: [string, string][] = []
  if (info.name) form.push(['name', info.name])
  if (info.description) form.push(['description', info.description])
  form.push(['tokenId', id])
  return sentOrNot(await client.request({method: 'POST', path: `${TOKENS_PATH}/info`, form, subject: subject(id)}))
}

export async function saveTokenStatus(client: SolarClient, id: string, status: 'Active' | 'Disabled'): Promise<NotSent | undefined> {
  const form: [string, string][] = [
    ['tokenId', id],
    ['status', status],
  ]
  return sentOrNot(await client.request({method: 'POST', path: `${TOKENS_PATH}/status`, form, subject: subject(id)}))
}

/** Merges the policy into the token's (PATCH) or replaces it (PUT); returns the updated token. */
export async function saveTokenPolicy(
  client: SolarClient,
  id: string,
  policy: SecurityPolicy,
  replace: boolean,
): Promise<SecurityToken | NotSent | undefined> {
  const method = replace ? 'PUT' : 'PATCH'
  const path = `${TOKENS_PATH}/policy`
  const token = await client.request({method, path, query: [['tokenId', id]], json: policyJson(policy), subject: subject(id)})
  return token instanceof NotSent || token === undefined ? token : checkToken(token, `${method} ${path}`)
}

/** Creates a token; the response is the only time its secret is ever shown. */
export async function generateToken(client: SolarClient, type: string, policy?: SecurityPolicy): Promise<SecurityToken | NotSent> {
  const token = await client.request<SecurityToken>({
    method: 'POST',
    path: `${TOKENS_PATH}/generate/${encodeURIComponent(type)}`,
    json: policy ? policyJson(policy) : undefined,
  })
  if (token instanceof NotSent) return token
  if (typeof token?.id !== 'string' || token.id === '' || typeof token.authSecret !== 'string' || token.authSecret === '') {
    throw new S10kError('The service returned no token (one may have been created without its secret: check with `s10k sec-tokens list`)')
  }
  // the ID and secret are good: the caller makes sure they reach the user before it checks the other fields
  return token
}

/** What must reach the user once a token exists, whatever happens next: its ID and its one-time secret. */
export function newTokenSecret(token: SecurityToken): {text: string; note: string} {
  return {text: `Token ID: ${token.id}\nToken secret: ${token.authSecret}\n`, note: 'Store the token secret now: it cannot be shown again.'}
}

export async function deleteToken(client: SolarClient, id: string): Promise<NotSent | undefined> {
  return sentOrNot(await client.request({method: 'DELETE', path: TOKENS_PATH, query: [['tokenId', id]], subject: subject(id)}))
}

/** A change whose answer carries no data: only whether it was sent matters. */
function sentOrNot(result: unknown): NotSent | undefined {
  return result instanceof NotSent ? result : undefined
}
