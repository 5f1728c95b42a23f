#!/usr/bin/env node
// Last build step, after scripts/bundle.mjs: writes oclif's manifests (the root's and each first-party plugin's
// in plugins/), records oclif's configuration of the root and of every plugin in package.json's oclif.plugins
// (dist/bundle/plugins.json, read at start-up by src/cli/recorded-plugins.ts), then trains the code caches on
// runs that use it. A plugin is recorded where Node finds it from the root (node_modules/<name>), as installed.
import {readdirSync, realpathSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'

import {Config} from '@oclif/core'

import {runKept, trainCaches} from './bundle/common.mjs'

const ROOT = process.cwd()

function fail(message) {
  console.error(`record: ${message}`)
  process.exit(1)
}

// all at once
const dirs = ['.', ...readdirSync('plugins').map((p) => join('plugins', p))]
const manifests = await Promise.all(
  dirs.map((dir) =>
    runKept(process.execPath, [join(ROOT, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {
      cwd: dir,
      env: {...process.env, OCLIF_SKIP_NEW_VERSION_CHECK: 'true'},
    }),
  ),
)
for (const [i, {status, out}] of manifests.entries()) {
  process.stdout.write(out)
  if (status !== 0) fail(`oclif manifest failed in ${dirs[i]}`)
}

// oclif's own loading, as a run without recorded plugins does it (no user plugins)
const config = await Config.load({root: ROOT, userPlugins: false, devPlugins: false})
const order = [config.pjson.name, ...config.pjson.oclif.plugins]
const missing = order.filter((name) => !config.plugins.has(name))
if (missing.length > 0) fail(`oclif did not load ${missing.join(', ')}`)
const recorded = order.map((name) => {
  const plugin = config.plugins.get(name)
  const root = plugin.isRoot ? '.' : join('node_modules', name)
  if (realpathSync(join(ROOT, root)) !== realpathSync(plugin.root)) fail(`${name} is at ${plugin.root}, not ${root}`)
  // the commands in the order oclif sorts them in, which a recorded manifest keeps
  const commands = Object.fromEntries(plugin.commands.map((c) => [c.id, plugin.manifest.commands[c.id]]))
  return {name, root, manifest: {...plugin.manifest, commands}}
})
// flags that several commands define alike (s10k's global options) are written once, in the root's record, and
// each use as its number there: every run parses this file, and they were over a third of it
const flagUses = (plugin) =>
  Object.values(plugin.manifest.commands).flatMap((command) => Object.entries(command.flags ?? {}).map(([name, flag]) => [command, name, flag]))
const counts = new Map()
for (const [, , flag] of recorded.flatMap(flagUses)) counts.set(JSON.stringify(flag), (counts.get(JSON.stringify(flag)) ?? 0) + 1)
const shared = [...counts].filter(([, n]) => n > 1).map(([text]) => text)
const numbers = new Map(shared.map((text, i) => [text, i]))
for (const [command, name, flag] of recorded.flatMap(flagUses)) command.flags[name] = numbers.get(JSON.stringify(flag)) ?? flag
recorded[0].flags = shared.map((text) => JSON.parse(text))
writeFileSync(join(ROOT, 'dist', 'bundle', 'plugins.json'), JSON.stringify(recorded))

try {
  await trainCaches(join(ROOT, 'dist', 'bundle'))
} catch (error) {
  fail(error.message)
}
