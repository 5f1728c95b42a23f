import {join} from 'node:path'

import {CredentialsError} from '../command/errors.js'
import {ownValue} from '../json/own.js'
import {isTable, readTomlFile, s10kDir, type TomlTable} from './files.js'

export interface Credentials {
  tokenId: string
  secret: string
  /** Where they came from, for messages: `--token`, `SN_TOKEN_ID`, `profile home`, ... */
  source: string
  /** The credentials-file profile they came from, if any. */
  profile?: string
}

export interface CredentialInputs {
  profile?: string
  token?: string
  secret?: string
  env: Readonly<Record<string, string | undefined>>
  home: string
}

export function credentialsPath(home: string): string {
  return join(s10kDir(home), 'credentials')
}

/** Jackson's `findValue`: a top-level key, otherwise the first nested key of that name, depth first. */
function findValue(table: TomlTable, name: string): unknown {
  if (Object.hasOwn(table, name)) return table[name]
  for (const value of Object.values(table)) {
    if (!isTable(value)) continue
    const found = findValue(value, name)
    if (found !== undefined) return found
  }
  return undefined
}

function profileCredentials(table: unknown, source: string, profile?: string): Credentials | undefined {
  if (!isTable(table)) return undefined
  const tokenId = ownValue(table, 'sn_token_id')
  const secret = ownValue(table, 'sn_token_secret')
  if (typeof tokenId !== 'string' || tokenId.trim() === '' || typeof secret !== 'string' || secret === '') return undefined
  return {tokenId: tokenId.trim(), secret, source, profile}
}

/**
 * The Java tool's order: a named profile (`-P`) that exists wins; otherwise `--token`/`--secret`, then
 * SN_TOKEN_ID/SN_TOKEN_SECRET, then, without `-P`, the file's default (top-level) profile. Undefined when
 * none of these has credentials; plugins may then provide them.
 */
export function resolveCredentials(inputs: CredentialInputs): Credentials | undefined {
  const file = readTomlFile(credentialsPath(inputs.home))
  if (inputs.profile) {
    const named = profileCredentials(findValue(file, inputs.profile), `profile ${inputs.profile}`, inputs.profile)
    if (named) return named
  }
  if (inputs.token !== undefined || inputs.secret !== undefined) {
    if (!inputs.token || !inputs.secret) {
      throw new CredentialsError(
        inputs.token ? '--token needs a secret: add -p to be prompted for it' : '--secret needs a token ID: add --token (-u)',
      )
    }
    return {tokenId: inputs.token, secret: inputs.secret, source: '--token'}
  }
  const {SN_TOKEN_ID: envToken, SN_TOKEN_SECRET: envSecret} = inputs.env
  if (envToken && envSecret) return {tokenId: envToken, secret: envSecret, source: 'SN_TOKEN_ID'}
  return inputs.profile ? undefined : profileCredentials(file, 'default profile')
}

export function noCredentials(home: string, profile?: string): CredentialsError {
  if (profile) return new CredentialsError(`No profile "${profile}" with sn_token_id and sn_token_secret in ${credentialsPath(home)}`)
  return new CredentialsError(
    'No credentials: pass --token and -p (prompt), set SN_TOKEN_ID/SN_TOKEN_SECRET, or add a profile to ~/.s10k/credentials',
  )
}
