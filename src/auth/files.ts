import {readFileSync, statSync} from 'node:fs'
import {join} from 'node:path'

import {parse as parseToml} from 'smol-toml'

import {ConfigError} from '../command/errors.js'

export type TomlTable = Record<string, unknown>

export function s10kDir(home: string): string {
  return join(home, '.s10k')
}

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)
}

/** Reads a TOML file of ~/.s10k; a missing file is an empty table, a broken one a clear error. */
export function readTomlFile(path: string): TomlTable {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    throw new ConfigError(`Cannot read ${path}: ${(error as Error).message}`)
  }
  try {
    return parseToml(text)
  } catch (error) {
    const first = (error as Error).message.split('\n')[0]
    throw new ConfigError(`Invalid TOML in ${path}: ${first}`)
  }
}

/** True when a file exists and group or others may read it. */
export function readableByOthers(path: string): boolean {
  try {
    return (statSync(path).mode & 0o077) !== 0
  } catch {
    return false
  }
}
