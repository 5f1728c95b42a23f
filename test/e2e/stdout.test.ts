import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'

/** What a process's standard output can do that an in-process run cannot: be a full disk or a closed pipe. */
describe('stdout failures (spawned)', () => {
  const session = useSession()

  function newToken() {
    const known = new Set(['a09sjds09wu9wjsd9uy2', HN, 'kF67p6g30eUXQICUgzQf', 'ZCv5FUjlTlIQGjigLhSW'])
    const created = [...session.emulator.tokens.values()].filter((t) => !known.has(t.id))
    assert.equal(created.length, 1)
    return created[0]
  }

  it('gives the secret on stderr when stdout cannot take it (a full disk), exit 1, no stack trace', async () => {
    const result = await session.spawn(['sec-tokens', 'create', '-t', 'User'], {stdoutTo: '/dev/full'})
    const token = newToken()
    assert.equal(result.code, 1)
    assert.equal(
      result.stderr,
      `Store the token secret now: it cannot be shown again.\nToken ID: ${token.id}\nToken secret: ${token.secret}\n` +
        `Applied: token created; the result could not be shown: Cannot write the output (ENOSPC): ENOSPC: no space left on device, write\n`,
    )
  })

  const changes: Array<[string, string[], string, () => boolean]> = [
    [
      'nodes meta csv-set',
      ['nodes', 'meta', 'csv-set', '-node', '101', '--path', '/pm/t/x', 'a,b'],
      'metadata merged',
      () => JSON.stringify(session.emulator.nodes.nodes.get(101)?.metadata?.meta).includes('"t":{"x":[["a","b"]]}'),
    ],
    [
      'nodes meta save',
      ['nodes', 'meta', 'save', '-node', '101', '{"m":{"saved":1}}'],
      'metadata merged',
      () => JSON.stringify(session.emulator.nodes.nodes.get(101)?.metadata?.meta).includes('"saved":1'),
    ],
    [
      'nodes meta delete',
      ['nodes', 'meta', 'delete', '-node', '101', '-y'],
      'metadata deleted',
      () => session.emulator.nodes.nodes.get(101)?.metadata === undefined,
    ],
    ['sec-tokens update', ['sec-tokens', 'update', '-id', HN, '-d'], 'status Disabled', () => session.emulator.tokens.get(HN)?.status === 'Disabled'],
    ['sec-tokens delete', ['sec-tokens', 'delete', '-id', HN, '-y'], 'token deleted', () => !session.emulator.tokens.has(HN)],
  ]
  for (const [name, args, label, applied] of changes) {
    for (const [how, options, code] of [
      ['a full disk', {stdoutTo: '/dev/full'}, 'ENOSPC'],
      ['a closed pipe', {stdoutClosed: true}, 'EPIPE'],
    ] as const) {
      it(`${name}: when ${how} takes no output, says on stderr that the change was applied (exit 1)`, async () => {
        const result = await session.spawn(args, options)
        assert.equal(result.code, 1, result.stderr)
        assert.match(result.stderr, new RegExp(`^Applied: ${label}; the result could not be shown: Cannot write the output \\(${code}\\): .*\n$`))
        assert.ok(applied(), `${name} was applied`)
        assert.ok(session.received().some((r) => !r.startsWith('GET ')))
      })
    }
  }

  for (const args of [
    ['nodes', 'list'],
    ['sec-tokens', 'list'],
    ['nodes', 'meta', 'list', '-node', '101', '-mode', 'JSON'],
  ]) {
    it(`${args.slice(0, -1).join(' ')}: a reader that closes the pipe ends the read quietly, exit 0`, async () => {
      const result = await session.spawn(args, {stdoutClosed: true})
      assert.deepEqual([result.code, result.stderr], [0, ''])
    })
  }
})
