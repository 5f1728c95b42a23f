import assert from 'node:assert/strict'
import {after, describe, it} from 'node:test'

import {mkdtempSync, rmSync, truncateSync, writeFileSync} from 'node:fs'
import {homedir, tmpdir} from 'node:os'
import {join, resolve} from 'node:path'

import {LAUNCH_PASSES, type LaunchContext, launchArgv} from '../../../src/argv/pipeline.js'
import {GLOBAL_OPTIONS} from '../../../src/flags/flags.js'

const context: LaunchContext = {globals: GLOBAL_OPTIONS, cwd: process.cwd(), home: homedir(), namesCommand: async () => false}
const expandArgv = (argv: readonly string[]) => LAUNCH_PASSES.find((pass) => pass.name === 'expand @files')!.run(argv, context) as string[]
const prepare = (...argv: string[]) => launchArgv(argv, context)

describe('the argv passes before oclif', () => {
  const dir = mkdtempSync(join(tmpdir(), 's10k-argv-'))
  after(() => {
    rmSync(dir, {recursive: true, force: true})
  })

  it('reads @files from disk, passing one that cannot be read on literally', () => {
    writeFileSync(join(dir, 'args.txt'), `-P home # the profile\n@${join(dir, 'more.txt')}\n`)
    writeFileSync(join(dir, 'more.txt'), "--name 'Student access'\n")
    const missing = `@${join(dir, 'missing.txt')}`
    assert.deepEqual(expandArgv(['sec-tokens', `@${join(dir, 'args.txt')}`, missing, `@@${dir}`]), [
      'sec-tokens',
      '-P',
      'home',
      '--name',
      'Student access',
      missing,
      `@${dir}`,
    ])
  })

  it('refuses an @file larger than standard input may be, without reading it all', () => {
    const big = join(dir, 'big.txt')
    writeFileSync(big, '')
    truncateSync(big, 64 * 1024 * 1024 + 1)
    assert.throws(() => expandArgv([`@${big}`]), {name: 'UsageError', message: `Argument file @${big} is larger than 64 MB, s10k's limit`})
  })

  it('moves global options after the command, then makes the paths given to plugins install absolute', async () => {
    assert.deepEqual(await prepare('-v', 'plugins', 'install', './p.tgz', 'file:../q', '~/r.tar.gz', 'some-plugin', '--', '-x'), [
      'plugins',
      'install',
      `file:${resolve('p.tgz')}`,
      `file:${resolve('..', 'q')}`,
      `file:${join(homedir(), 'r.tar.gz')}`,
      'some-plugin',
      '--verbose',
      '--',
      '-x',
    ])
    assert.deepEqual(await prepare('plugins:add', '/abs/x.tgz', 'github-user/repo'), ['plugins:add', 'file:/abs/x.tgz', 'github-user/repo'])
  })

  it('leaves paths alone for every other command', async () => {
    assert.deepEqual(await prepare('-P', 'x', 'nodes', 'meta', 'save', './m.json'), ['nodes', 'meta', 'save', './m.json', '--profile=x'])
    assert.deepEqual(await prepare('plugins', 'uninstall', './p.tgz'), ['plugins', 'uninstall', './p.tgz'])
  })
})
