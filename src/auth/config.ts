import {join} from 'node:path'

import {UsageError} from '../errors.js'
import {isTable, readTomlFile, s10kDir} from './files.js'

export const DEFAULT_BASE_URL = 'https://data.solarnetwork.net'

export type ServiceName = 'solaruser' | 'solarquery'

export interface S10kConfig {
  serviceUrls: Record<ServiceName, string>
}

export function configPath(home: string): string {
  return join(s10kDir(home), 'config')
}

function checkUrl(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new UsageError(`${where} must be a URL string`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`${where} is not a valid URL: ${value}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${where} must be an http or https URL: ${value}`)
  return value
}

/**
 * ~/.s10k/config: top-level keys for the default profile, `[profile.NAME]` tables for named ones;
 * `service-urls` maps `solaruser` and `solarquery` to base URLs.
 */
export function loadConfig(home: string, profile?: string): S10kConfig {
  const path = configPath(home)
  const file = readTomlFile(path)
  const profiles = isTable(file.profile) ? file.profile : {}
  const section = profile && isTable(profiles[profile]) ? profiles[profile] : file
  const urls = isTable(section['service-urls']) ? section['service-urls'] : {}
  const where = (name: string): string => `${path}: service-urls.${name}`
  return {
    serviceUrls: {
      solaruser: urls.solaruser === undefined ? DEFAULT_BASE_URL : checkUrl(urls.solaruser, where('solaruser')),
      solarquery: urls.solarquery === undefined ? DEFAULT_BASE_URL : checkUrl(urls.solarquery, where('solarquery')),
    },
  }
}

/** `/solaruser/api/...` on the configured base URL; a base path other than `/` goes in front. */
export function serviceUrl(config: S10kConfig, path: string): string {
  const service = path.split('/')[1] as ServiceName
  const base = new URL(config.serviceUrls[service] ?? DEFAULT_BASE_URL)
  const prefix = base.pathname === '/' ? '' : base.pathname.replace(/\/$/, '')
  return `${base.protocol}//${base.host}${prefix}${path}`
}
