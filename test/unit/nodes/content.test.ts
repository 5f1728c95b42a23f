import assert from 'node:assert/strict'
import {closeSync, ftruncateSync, openSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import NodesMetaCsvSet from '../../../plugins/nodes/src/commands/nodes/meta/csv-set.js'
import NodesMetaSave from '../../../plugins/nodes/src/commands/nodes/meta/save.js'
import {cliEnv} from '../../support/cli.js'
import {CALLER} from '../../support/fixtures.js'
import {runInProcess, testIO, useProcessEnv} from '../../support/in-process.js'
import {useSession} from '../../support/session.js'

describe('content is content: standard input is never a file name; files are limited like standard input (in-process)', () => {
  const session = useSession()
  useProcessEnv(() => cliEnv(session.home.path))

  const credentials = (): string => join(session.home.path, '.s10k', 'credentials')
  const meta = (): unknown => session.emulator.nodes.nodes.get(101)?.metadata?.meta

  it('csv-set -s uploads piped text that starts with @ as the text, never the file it names', async () => {
    const text = `@${credentials()}`
    const result = await runInProcess(NodesMetaCsvSet, ['-node', '101', '-s', '--path', '/m/note'], testIO({input: text}))
    assert.equal(result.code, 0, result.err)
    assert.deepEqual((meta() as {m: unknown}).m, {limit: 123, note: text})
    assert.ok(!session.received().some((r) => r.includes(CALLER.secret)), 'the credentials file was sent')
  })

  it('csv-set takes a piped CSV whose first field starts with @', async () => {
    const result = await runInProcess(NodesMetaCsvSet, ['-node', '101', '--path', '/pm/at/rows'], testIO({input: `@${credentials()},b\n@c,d\n`}))
    assert.equal(result.code, 0, result.err)
    assert.deepEqual((meta() as {pm: unknown}).pm, {
      at: {
        rows: [
          [`@${credentials()}`, 'b'],
          ['@c', 'd'],
        ],
      },
    })
  })

  it('meta save reads piped @path as (invalid) JSON, not as the file it names', async () => {
    const file = join(session.home.path, 'meta.json')
    writeFileSync(file, '{"m":{"fromFile":true}}')
    const result = await runInProcess(NodesMetaSave, ['-node', '101'], testIO({input: `@${file}`}))
    assert.equal(result.code, 2)
    assert.match(result.err, /JSON/)
    assert.deepEqual(session.emulator.requests, [])
  })

  it('@@file (an @path argument) is still read, and one larger than 64 MB is refused in one line, nothing sent', async () => {
    const ok = await runInProcess(NodesMetaCsvSet, ['-node', '101', '-s', '--path', '/m/cred', `@${credentials()}`], testIO())
    assert.equal(ok.code, 0, ok.err)
    assert.match(String((meta() as {m: {cred: unknown}}).m.cred), /^sn_token_id = /)
    const big = join(session.home.path, 'big.csv')
    const fd = openSync(big, 'w')
    ftruncateSync(fd, 64 * 1024 * 1024 + 1)
    closeSync(fd)
    const sent = session.emulator.requests.length
    for (const path of [big, '/dev/zero']) {
      for (const command of [NodesMetaCsvSet, NodesMetaSave]) {
        const args = command === NodesMetaSave ? ['-node', '101', `@${path}`] : ['-node', '101', '--path', '/m/x', `@${path}`]
        const result = await runInProcess(command, args, testIO())
        assert.equal(result.code, 2)
        assert.match(result.err, new RegExp(`^The (CSV|metadata) file ${path} is larger than 64 MB, s10k's limit \\(see: `))
        assert.equal(result.err.split('\n').length, 2)
      }
    }
    assert.equal(session.emulator.requests.length, sent)
  })
})
