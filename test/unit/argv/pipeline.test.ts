import assert from 'node:assert/strict'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {COMMAND_PASSES, LAUNCH_PASSES, type LaunchContext, commandArgv, launchArgv} from '../../../src/argv/pipeline.js'
import {REDACTED, redact} from '../../../src/auth/secrets.js'
import {GLOBAL_OPTIONS} from '../../../src/flags/flags.js'

const context = (names: readonly string[] = []): LaunchContext => ({
  globals: GLOBAL_OPTIONS,
  cwd: '/work',
  home: '/home/me',
  namesCommand: async ([word]) => names.includes(word),
})

describe('the argv pipeline', () => {
  it('names its passes in the order they run', () => {
    assert.deepEqual(
      LAUNCH_PASSES.map((p) => p.name),
      ['expand @files', 'learn secrets', 'refuse a value after -p', 'move global options after the command', 'absolute plugin paths'],
    )
    assert.deepEqual(
      COMMAND_PASSES.map((p) => p.name),
      ['picocli names', 'options given twice or without a value', 'values attached with ='],
    )
  })

  it('expands @files first, so that the options they hold are moved and their secrets learned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's10k-pipeline-'))
    const file = join(dir, 'opts')
    writeFileSync(file, '-P home --secret pipeline-secret-1 # comment\n')
    assert.deepEqual(await launchArgv([`@${file}`, 'sec-tokens', 'list'], context()), [
      'sec-tokens',
      'list',
      '--profile=home',
      '--secret=pipeline-secret-1',
    ])
    assert.equal(redact('pipeline-secret-1'), REDACTED)
  })

  it('refuses a value after -p before anything is moved, unless it is the command', async () => {
    await assert.rejects(launchArgv(['-p', 'pipeline-secret-2', 'sec-tokens', 'list'], context(['sec-tokens'])), /after -p/)
    assert.equal(redact('pipeline-secret-2'), REDACTED)
    assert.deepEqual(await launchArgv(['-p', 'sec-tokens', 'list'], context(['sec-tokens'])), ['sec-tokens', 'list', '--prompt-secret'])
  })

  it('makes the paths given to plugins install absolute last', async () => {
    assert.deepEqual(await launchArgv(['-v', 'plugins', 'install', './x.tgz'], context()), ['plugins', 'install', 'file:/work/x.tgz', '--verbose'])
  })

  it("runs the command passes on the command's flags: names, then checks, then attached values", () => {
    const flags = {name: {type: 'option' as const, char: 'n' as const}, identifier: {type: 'option' as const, aliases: ['id']}}
    assert.deepEqual(commandArgv(['-id=X', '-n', 'a'], flags), ['--identifier=X', '--name', 'a'])
    // a value attached with = is marked, so that oclif cannot take it for an option
    assert.notEqual(commandArgv(['-n=-id'], flags)[0], '--name=-id')
    assert.match(commandArgv(['-n=-id'], flags)[0], /^--name=.-id$/u)
    assert.throws(() => commandArgv(['-id', 'X', '-id', 'Y'], flags), /--identifier \(-id\) can only be given once/)
  })
})
