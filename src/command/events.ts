import type {Hook, Interfaces} from '@oclif/core'

import type {Credentials} from '../auth/credentials.js'
import {registerFormatter} from '../output/registry.js'
import type {Formatter} from '../output/report.js'

/** The hook events s10k defines for plugins (see PLUGINS.md). */
declare module '@oclif/core' {
  interface Hooks {
    /** Return extra display modes; each becomes a `--display-mode` value of every command. */
    formatters: {options: Record<string, never>; return: Formatter[] | undefined}
    /** Return credentials for a profile (undefined: the default) when no built-in source has any. */
    credentials: {options: {profile?: string}; return: Pick<Credentials, 'tokenId' | 'secret'> | undefined}
  }
}

export type FormattersHook = Hook<'formatters'>
export type CredentialsHook = Hook<'credentials'>

function isFormatter(value: unknown): value is Formatter {
  const f = value as Partial<Formatter> | null | undefined
  return typeof f?.name === 'string' && /^[A-Za-z][\w-]*$/.test(f.name) && typeof f.render === 'function'
}

let formattersLoaded: Promise<void> | undefined

/** Asks every plugin's `formatters` hook for display modes, once per run. */
export function loadPluginFormatters(config: Interfaces.Config, warn: (message: string) => void): Promise<void> {
  formattersLoaded ??= (async () => {
    const {successes, failures} = await config.runHook('formatters', {})
    for (const {plugin, result} of successes) {
      for (const formatter of result ?? []) {
        if (isFormatter(formatter)) registerFormatter(formatter)
        else warn(`Plugin ${plugin.name} returned an invalid formatter; it was ignored`)
      }
    }
    for (const {plugin, error} of failures) warn(`Plugin ${plugin.name} could not provide formatters: ${error.message}`)
  })()
  return formattersLoaded
}

/** The first plugin `credentials` hook that has credentials for the profile. */
export async function pluginCredentials(
  config: Interfaces.Config,
  profile: string | undefined,
  warn: (message: string) => void,
): Promise<Credentials | undefined> {
  const {successes, failures} = await config.runHook('credentials', {profile})
  for (const {plugin, error} of failures) warn(`Plugin ${plugin.name} could not provide credentials: ${error.message}`)
  for (const {plugin, result} of successes) {
    // a plugin may return anything: only a non-blank token ID with a non-empty secret counts
    const answer = result as {tokenId?: unknown; secret?: unknown} | null | undefined
    const tokenId = typeof answer?.tokenId === 'string' ? answer.tokenId.trim() : ''
    const secret = typeof answer?.secret === 'string' ? answer.secret : ''
    if (tokenId !== '' && secret !== '') return {tokenId, secret, source: `plugin ${plugin.name}`, profile}
  }
  return undefined
}
