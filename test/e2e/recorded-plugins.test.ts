import assert from 'node:assert/strict'
import {spawnSync} from 'node:child_process'
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {ROOT, cliEnv, makeHome} from '../support/cli.js'
import {copyInstallation} from '../support/installation.js'

interface Recorded {
  name: string
  root: string
  manifest: {version: string; commands: Record<string, {summary?: string}>}
  flags?: unknown[]
}

/**
 * oclif's configuration of s10k's own plugins, recorded at build time (dist/bundle/plugins.json) and used at
 * start-up instead of oclif's own loading, only while the installation matches it: each test edits the record
 * of a copy of the installation, so that using it shows in the help.
 */
describe('the recorded plugin configuration', () => {
  let copy: ReturnType<typeof copyInstallation>
  let original: Recorded[]
  const home = makeHome()
  before(() => {
    copy = copyInstallation()
    original = JSON.parse(readFileSync(join(copy.bundle, 'plugins.json'), 'utf8')) as Recorded[]
  })
  after(() => {
    copy.remove()
    home.remove()
  })

  /** Writes a record whose root manifest gives `s10k version` another summary, changed further by `edit`. */
  function record(edit: (plugins: Recorded[]) => void = () => undefined): void {
    const plugins = structuredClone(original)
    const root = plugins.find((p) => p.root === '.')!
    root.manifest.commands.version.summary = 'Recorded summary.'
    edit(plugins)
    writeFileSync(join(copy.bundle, 'plugins.json'), JSON.stringify(plugins))
  }

  function help(env: Record<string, string> = {}): string {
    const run = spawnSync(process.execPath, [copy.bin, '--help'], {env: {...cliEnv(home.path), ...env}, encoding: 'utf8'})
    assert.deepEqual([run.status, run.stderr], [0, ''])
    return run.stdout
  }

  it('is what a run uses when the installation matches it', () => {
    record()
    assert.match(help(), /^ {2}version +Recorded summary\.$/m)
  })

  it('writes a flag that several commands define alike once, with the root, and each use as its number', () => {
    const commands = original.flatMap((p) => Object.values(p.manifest.commands) as {flags: Record<string, unknown>}[])
    const profiles = commands.map((c) => c.flags.profile).filter((flag) => flag !== undefined)
    assert.ok(profiles.length > 1)
    assert.equal(new Set(profiles).size, 1)
    assert.equal((original[0].flags?.[profiles[0] as number] as {name: string}).name, 'profile')
  })

  it('names each plugin of package.json, in its order, after the root, where Node finds it', () => {
    const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {oclif: {plugins: string[]}}
    assert.deepEqual(
      original.map((p) => [p.name, p.root]),
      [['s10k', '.'], ...pjson.oclif.plugins.map((name) => [name, join('node_modules', name)])],
    )
  })

  for (const [kind, edit] of [
    ['a plugin is not where it was recorded', (plugins: Recorded[]) => (plugins[1].root = join('node_modules', '@s10k', 'moved'))],
    ['a plugin has another version', (plugins: Recorded[]) => (plugins[2].manifest.version = '0.0.1')],
    ['a flag it shares between commands is missing', (plugins: Recorded[]) => (plugins[0].flags = [])],
  ] as const) {
    it(`is not used when ${kind}: oclif loads the plugins itself`, () => {
      record(edit)
      assert.match(help(), /^ {2}version +Show the version of s10k\.$/m)
    })
  }

  it('is not used when the user has plugins of their own', () => {
    record()
    const data = join(home.path, 'data')
    mkdirSync(data, {recursive: true})
    const link = {name: 's10k-plugin-markdown', root: join(ROOT, 'examples', 'plugin-markdown'), type: 'link'}
    writeFileSync(join(data, 'package.json'), JSON.stringify({private: true, oclif: {schema: 1, plugins: [link]}}))
    assert.match(help({S10K_DATA_DIR: data}), /^ {2}version +Show the version of s10k\.$/m)
  })
})
