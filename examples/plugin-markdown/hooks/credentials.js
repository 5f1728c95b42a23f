import {readFile, stat} from 'node:fs/promises'
import {homedir} from 'node:os'
import {join} from 'node:path'

/**
 * The `credentials` hook: asked only when s10k's own sources (options, environment, ~/.s10k/credentials)
 * have none. A real provider would ask the system keychain; this example reads
 * ~/.s10k/example-keychain.json: {"default": {"tokenId": "...", "secret": "..."}, "<profile>": {...}}.
 */
export default async function credentials({profile}) {
  const file = join(homedir(), '.s10k', 'example-keychain.json')
  let text
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if (error.code === 'ENOENT') return undefined
    throw error
  }
  if (((await stat(file)).mode & 0o077) !== 0) throw new Error(`${file} can be read by other users; run chmod 600 ${file}`)
  const entry = JSON.parse(text)[profile ?? 'default']
  return entry && {tokenId: entry.tokenId, secret: entry.secret}
}
