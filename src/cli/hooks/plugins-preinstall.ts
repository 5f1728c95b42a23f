import {join} from 'node:path'

import type {Hook} from '@oclif/core'

const NPMRC = 'legacy-peer-deps=true\n'

/**
 * Before `s10k plugins install`: plugins declare `s10k` as a peer dependency, and s10k gives it to them itself
 * (a module resolution hook: user-plugins.ts). npm must not try to install that peer from the registry (where
 * `s10k` is not, or is someone else's), so the plugin folder's own .npmrc turns automatic peer installs off.
 */
const hook: Hook.PluginsPreinstall = async function () {
  // loaded when a plugin is installed, not with every run's hooks
  const {readFile, writeFile, mkdir} = process.getBuiltinModule('node:fs/promises')
  const dir = this.config.dataDir
  const path = join(dir, '.npmrc')
  let current = ''
  try {
    current = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  if (/^legacy-peer-deps\s*=\s*true\s*$/m.test(current)) return
  await mkdir(dir, {recursive: true})
  await writeFile(path, current === '' || current.endsWith('\n') ? current + NPMRC : `${current}\n${NPMRC}`)
}

export default hook
