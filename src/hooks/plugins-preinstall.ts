import {mkdir, readFile, writeFile} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import type {Hook} from '@oclif/core'

/**
 * Before `s10k plugins install`: plugins import `s10k` (a peer dependency), which is not on the npm registry,
 * so the user's plugin folder gets a `file:` dependency on this very CLI; npm then links it instead of
 * trying to download it.
 */
const hook: Hook.PluginsPreinstall = async function () {
  const path = join(this.config.dataDir, 'package.json')
  let pjson: {dependencies?: Record<string, string>; oclif?: unknown} & Record<string, unknown>
  try {
    pjson = JSON.parse(await readFile(path, 'utf8')) as typeof pjson
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    pjson = {name: this.config.name, private: true, oclif: {schema: 1, plugins: []}}
  }
  const self = `file:${this.config.root}`
  if (pjson.dependencies?.s10k === self) return
  pjson.dependencies = {...pjson.dependencies, s10k: self}
  await mkdir(dirname(path), {recursive: true})
  await writeFile(path, JSON.stringify(pjson, null, 2))
}

export default hook
