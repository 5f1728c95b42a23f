import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'

import {ROOT, makeHome, runCli} from '../support/cli.js'
import {addsPlugin} from '../../src/cli/index.js'
import {runS10k} from '../support/in-process.js'

/**
 * Every command's `--help`, the root's and each topic's, byte for byte as main printed them before start-up
 * was reworked (issue 18): recorded with `s10k <id> --help` on a clean HOME, one file per command id in
 * test/fixtures/help/ (`root`, `topic-<id>` for topics). The version line names this machine's platform and Node.
 */
const GOLDEN = join(ROOT, 'test', 'fixtures', 'help')
const goldens = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -'.txt'.length))
  .sort()

interface Manifest {
  commands: Record<string, unknown>
}

/** Every command s10k has: its own and each configured plugin's, from their oclif manifests. */
function commandIds(): string[] {
  const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {oclif: {plugins: string[]}}
  const manifests = ['.', ...pjson.oclif.plugins.map((name) => join('node_modules', name))].map(
    (dir) => JSON.parse(readFileSync(join(ROOT, dir, 'oclif.manifest.json'), 'utf8')) as Manifest,
  )
  return manifests.flatMap((m) => Object.keys(m.commands)).sort()
}

function argv(name: string): string[] {
  if (name === 'root') return ['--help']
  return [...name.replace(/^topic-/, '').split(':'), '--help']
}

describe('help output', () => {
  it('has a golden for every command', () => {
    assert.deepEqual(
      commandIds().filter((id) => !goldens.includes(id)),
      [],
      'capture the help of a new command into test/fixtures/help/<id>.txt',
    )
  })

  const home = makeHome()
  after(() => {
    home.remove()
  })
  for (const name of goldens) {
    it(`s10k ${argv(name).join(' ')} is unchanged`, async () => {
      const expected = readFileSync(join(GOLDEN, `${name}.txt`), 'utf8')
        .replace('{{platform}}', `${process.platform}-${process.arch}`)
        .replace('{{node}}', process.version)
      // adding a plugin, even its help, changes the process for good (test/support/in-process.ts): in a process
      const result = await (addsPlugin(argv(name)) ? runCli : runS10k)(argv(name), {home: home.path})
      assert.deepEqual([result.code, result.stderr], [0, ''])
      assert.equal(result.stdout, expected)
    })
  }
})
