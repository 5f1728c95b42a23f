import {join} from 'node:path'

import {ConfigError} from '../command/errors.js'
import {ownValue} from '../json/own.js'
import {describeJson} from '../json/write.js'
import {isTable, readTomlFile, s10kDir, type TomlTable} from './files.js'

export const DEFAULT_BASE_URL = 'https://data.solarnetwork.net'

export type ServiceName = 'solaruser' | 'solarquery'

export interface HttpSettings {
  connectTimeoutMs: number
  responseTimeoutMs: number
  /** Send credentials over plain http to a host that is not this machine. */
  allowPlainHttp: boolean
}

export interface S10kConfig {
  serviceUrls: Record<ServiceName, string>
  http: HttpSettings
}

export const DEFAULT_HTTP: HttpSettings = {connectTimeoutMs: 10_000, responseTimeoutMs: 60_000, allowPlainHttp: false}

export function configPath(home: string): string {
  return join(s10kDir(home), 'config')
}

function checkUrl(value: unknown, where: string): string {
  if (typeof value !== 'string') throw new ConfigError(`${where} must be a URL string`)
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError(`${where} is not a valid URL: ${value}`)
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${where} must be an http or https URL: ${value}`)
  return value
}

/** Node's timers take at most 2^31 - 1 ms (about 24.8 days); beyond that they fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1

function seconds(value: unknown, where: string, fallback: number): number {
  if (value === undefined) return fallback
  const ms = typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 1000) : Number.NaN
  if (!(ms >= 1 && ms <= MAX_TIMER_MS)) {
    throw new ConfigError(
      `${where} must be a number of seconds from 0.001 to ${Math.floor(MAX_TIMER_MS / 1000)}, not ${typeof value === 'string' ? `'${value}'` : typeof value === 'number' ? String(value) : describeJson(value)}`,
    )
  }
  return ms
}

function httpSettings(table: Record<string, unknown>, path: string): HttpSettings {
  const where = (name: string): string => `${path}: http.${name}`
  const allow = ownValue(table, 'allow-plain-http')
  if (allow !== undefined && typeof allow !== 'boolean') throw new ConfigError(`${where('allow-plain-http')} must be true or false`)
  return {
    connectTimeoutMs: seconds(ownValue(table, 'connect-timeout'), where('connect-timeout'), DEFAULT_HTTP.connectTimeoutMs),
    responseTimeoutMs: seconds(ownValue(table, 'response-timeout'), where('response-timeout'), DEFAULT_HTTP.responseTimeoutMs),
    allowPlainHttp: allow ?? false,
  }
}

/**
 * ~/.s10k/config: top-level keys for the default profile, `[profile.NAME]` tables for named ones.
 * `service-urls` maps `solaruser` and `solarquery` to base URLs; `http` sets `connect-timeout` and
 * `response-timeout` (seconds) and `allow-plain-http`. Keys are read as the file's own, never inherited.
 */
export function loadConfig(home: string, profile?: string): S10kConfig {
  const path = configPath(home)
  const file = readTomlFile(path)
  const own = (table: TomlTable, key: string): TomlTable => {
    const value = ownValue(table, key)
    return isTable(value) ? value : {}
  }
  // a named profile without its own section gets the built-in defaults, never the default profile's service
  // URLs and [http] settings: those may point at another (development) service
  const section = profile ? own(own(file, 'profile'), profile) : file
  const urls = own(section, 'service-urls')
  const where = (name: string): string => `${path}: service-urls.${name}`
  const url = (name: ServiceName): string | undefined => {
    const value = ownValue(urls, name)
    return value === undefined ? undefined : checkUrl(value, where(name))
  }
  const user = url('solaruser')
  const query = url('solarquery')
  // SolarNetwork serves both from one origin: a profile that names one service sends every request there
  return {
    serviceUrls: {solaruser: user ?? query ?? DEFAULT_BASE_URL, solarquery: query ?? user ?? DEFAULT_BASE_URL},
    http: httpSettings(own(section, 'http'), path),
  }
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** This machine: `localhost`, 127.0.0.0/8 or `[::1]`. */
export function isLoopback(url: URL): boolean {
  return LOOPBACK.test(url.hostname)
}

/** Refuses plain http to anything but this machine, unless the config allows it. */
export function checkTransport(config: S10kConfig, url: URL): void {
  if (url.protocol !== 'http:' || isLoopback(url) || config.http.allowPlainHttp) return
  throw new ConfigError(
    `Refusing to send credentials over plain http to ${url.host}: use https, or set allow-plain-http = true under [http] in ~/.s10k/config`,
  )
}

/** `/solaruser/api/...` on the configured base URL; a base path other than `/` goes in front. */
export function serviceUrl(config: S10kConfig, path: string): string {
  const service = path.split('/')[1]
  if (service !== 'solaruser' && service !== 'solarquery') throw new Error(`Not a SolarNetwork service path: ${path}`)
  const base = new URL(config.serviceUrls[service])
  const prefix = base.pathname === '/' ? '' : base.pathname.replace(/\/$/, '')
  return `${base.protocol}//${base.host}${prefix}${path}`
}
