import assert from 'node:assert/strict'
import {mkdirSync} from 'node:fs'
import {join} from 'node:path'
import {after, describe, it} from 'node:test'

import {makeHome, runCli} from '../support/cli.js'

/**
 * Commands s10k does not have, and failures of oclif's own commands (help, plugins, autocomplete), as a newcomer
 * meets them: one line on stderr in s10k's words with a hint, nothing on stdout, bad input exiting 2. Spawned:
 * these go through bin/run.cjs, oclif's routing and its hooks, which is what is tested.
 */
describe('unknown commands and oclif command failures', () => {
  const home = makeHome()
  after(() => {
    home.remove()
  })
  const run = (args: readonly string[]) => runCli(args, {home: home.path})

  const java = (typed: string, group: string): string =>
    `${typed}: the Java tool's ${group} commands are not available in s10k yet; use the Java s10k tool for them (see: s10k --help for what s10k has)\n`
  for (const [typed, group] of [
    ['instructions list', 'instructions'],
    ['instr', 'instructions'],
    ['cloud-integrations integrations list', 'cloud-integrations'],
    ['c2c ds list', 'cloud-integrations'],
    ['flux tail', 'flux'],
    ['datum imports list', 'datum imports'],
    ['datum imp', 'datum imports'],
    ['nodes certificates report', 'nodes certificates'],
    ['nodes certs', 'nodes certificates'],
  ]) {
    it(`s10k ${typed} names the Java tool's ${group} commands as not available yet, exit 2`, async () => {
      const result = await run(typed.split(' '))
      assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', java(typed, group)])
    })
  }

  it('s10k help names a Java group as not available yet, as running it does', async () => {
    const result = await run(['help', 'flux', 'tail'])
    assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', java('flux tail', 'flux')])
  })

  for (const args of [
    ['help', 'nodes', 'lst'],
    ['nodes', 'lst', '--help'],
  ]) {
    it(`s10k ${args.join(' ')} says Unknown command with the closest one, exit 2`, async () => {
      const result = await run(args)
      assert.deepEqual(
        [result.code, result.stdout, result.stderr],
        [2, '', 'Unknown command: nodes lst. Did you mean nodes list? (see: s10k --help)\n'],
      )
    })
  }

  it('s10k autocomplete fish says which shells it supports, in one line, exit 2', async () => {
    const result = await run(['autocomplete', 'fish'])
    assert.deepEqual(
      [result.code, result.stdout, result.stderr],
      [2, '', 'Expected fish to be one of: zsh, bash, powershell (see: s10k autocomplete --help)\n'],
    )
  })

  it("an unknown option of one of oclif's commands is s10k's Unknown option, without the help after it", async () => {
    const result = await run(['help', '--bogus'])
    assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', "Unknown option: '--bogus' (see: s10k help --help)\n"])
  })

  it('s10k plugins uninstall of a plugin not installed points at s10k plugins', async () => {
    const result = await run(['plugins', 'uninstall', 'nosuch'])
    assert.deepEqual([result.code, result.stderr], [2, 'nosuch is not installed (see: s10k plugins, which lists the installed plugins)\n'])
  })

  it('s10k plugins install of a path that is not there or not a package says so in one line before npm runs', async () => {
    mkdirSync(join(home.path, 'empty'))
    for (const [path, reason] of [
      ['./missing', 'no such file or folder'],
      ['./empty', 'a folder without a package.json'],
    ]) {
      const result = await run(['plugins', 'install', path])
      assert.deepEqual(
        [result.code, result.stdout, result.stderr],
        [
          2,
          '',
          `Cannot install ${join(home.path, path.slice(2))}: ${reason}; give a plugin's folder or .tgz file, or an npm package name (see: s10k plugins install --help)\n`,
        ],
      )
    }
  })
})
