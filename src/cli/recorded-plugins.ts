/**
 * oclif's configuration of s10k's own plugins (the root and every plugin in its package.json's oclif.plugins),
 * recorded at build time (scripts/record.mjs) so that a run does not find, read and sort them again: given to
 * oclif through its public `plugins` load option. Used only while the installation is laid out as it was
 * recorded; otherwise, and when user plugins exist or a plugins command runs, oclif loads as usual.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'

import {type Command, type Interfaces, Plugin} from '@oclif/core'

/**
 * What the build records of one plugin: where it is, relative to s10k's root, and its manifest, in which a flag
 * that several commands define alike is its number in the root's `flags` (written once).
 */
export interface RecordedPlugin {
  name: string
  root: string
  manifest: Interfaces.Manifest
  flags?: Command.Flag.Cached[]
}

/** Puts back in `manifest` each flag the record shares, a copy per command; false when one is not in `shared`. */
function withSharedFlags(manifest: Interfaces.Manifest, shared: readonly Command.Flag.Cached[]): boolean {
  for (const command of Object.values(manifest.commands)) {
    for (const [name, flag] of Object.entries(command.flags) as [string, Command.Flag.Cached | number][]) {
      if (typeof flag !== 'number') continue
      const definition = shared.at(flag)
      if (definition === undefined) return false
      command.flags[name] = {...definition}
    }
  }
  return true
}

/** The file the build writes, in s10k's root. */
export const RECORDED_PLUGINS = join('dist', 'bundle', 'plugins.json')

/**
 * The plugins as recorded for the installation at `root`, each checked against its package.json (there, same
 * name and version, with an oclif section); undefined when one differs, so that oclif loads them itself.
 */
export async function recordedPlugins(root: string): Promise<Map<string, Plugin> | undefined> {
  let recorded: RecordedPlugin[]
  try {
    recorded = JSON.parse(readFileSync(join(root, RECORDED_PLUGINS), 'utf8')) as RecordedPlugin[]
  } catch {
    return undefined
  }
  const plugins = new Map<string, Plugin>()
  const shared = recorded[0]?.flags ?? []
  for (const {name, root: relative, manifest} of recorded) {
    const pluginRoot = join(root, relative)
    let pjson: Interfaces.PJSON
    try {
      pjson = JSON.parse(readFileSync(join(pluginRoot, 'package.json'), 'utf8')) as Interfaces.PJSON
    } catch {
      return undefined
    }
    if (pjson.name !== name || pjson.version !== manifest.version || !('oclif' in pjson) || !withSharedFlags(manifest, shared)) return undefined
    // a manifest given with pjson and root is used as it is (patches/README.md)
    const plugin = new Plugin({name, root: pluginRoot, type: 'core', isRoot: relative === '.', pjson, manifest})
    await plugin.load()
    plugins.set(plugin.name, plugin)
  }
  return plugins
}
