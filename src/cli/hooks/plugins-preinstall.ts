import {join} from 'node:path'

import {Errors, type Hook} from '@oclif/core'

import {ExitCode} from '../../command/errors.js'
import {printable} from '../../text/printable.js'

const NPMRC = 'legacy-peer-deps=true\n'

/**
 * A local plugin that is not there (`file:` and the path, as src/argv/plugin-paths.ts gives it): one line now,
 * instead of npm's error lines and oclif's npm command line.
 */
function refuseMissingPath(url: string): void {
  const {statSync} = process.getBuiltinModule('node:fs')
  const path = url.slice('file:'.length)
  const entry = statSync(path, {throwIfNoEntry: false})
  const bare = entry?.isDirectory() && !statSync(join(path, 'package.json'), {throwIfNoEntry: false})
  const reason = !entry ? 'no such file or folder' : bare ? 'a folder without a package.json' : undefined
  if (!reason) return
  process.stderr.write(
    printable(`Cannot install ${path}: ${reason}; give a plugin's folder or .tgz file, or an npm package name (see: s10k plugins install --help)\n`),
  )
  Errors.exit(ExitCode.usage)
}

/**
 * Before `s10k plugins install`: a local path must be there. Plugins declare `s10k` as a peer dependency, and s10k
 * gives it to them itself (a module resolution hook: user-plugins.ts). npm must not try to install that peer from the registry (where
 * `s10k` is not, or is someone else's), so the plugin folder's own .npmrc turns automatic peer installs off.
 */
const hook: Hook.PluginsPreinstall = async function ({plugin}) {
  // loaded when a plugin is installed, not with every run's hooks
  const {readFile, writeFile, mkdir} = process.getBuiltinModule('node:fs/promises')
  if (plugin.type === 'repo' && plugin.url.startsWith('file:')) refuseMissingPath(plugin.url)
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
