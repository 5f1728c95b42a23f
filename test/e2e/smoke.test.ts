import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

/**
 * bin/run.cjs runs each plugin's commands end to end, and gives what the in-process runs of test/commands give,
 * byte for byte (the harness there stands in for a process everywhere else).
 */
describe('the built bin, end to end (spawned)', () => {
  const session = useSession()

  for (const args of [
    ['version'],
    ['--help'],
    ['sec-tokens', 'list', '-mode', 'CSV'],
    ['-n', 'sec-tokens', 'update', '-id', 'kF67p6g30eUXQICUgzQf', '-a'],
    ['nodes', 'list'],
    ['nodes', 'meta', 'list', '-node', '101', '-mode', 'JSON'],
    ['datum', 'stream', 'list', '--node-id', '101', '-mode', 'CSV'],
    ['sec-tokens', 'list', '-t', 'Admin'],
    ['nodes', 'lst'],
  ]) {
    it(`s10k ${args.join(' ')}`, async () => {
      const spawned = await session.spawn(args)
      const inProcess = await session.run(args)
      assert.ok(spawned.stdout.length + spawned.stderr.length > 0, 'it says something')
      assert.deepEqual(spawned, inProcess)
    })
  }
})
