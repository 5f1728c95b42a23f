import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

const API = '/solaruser/api/v1/sec/user/auth-tokens'

describe('sec-tokens list', () => {
  const session = useSession()

  it('shows all tokens in one table with a separator between rows', async () => {
    const result = await session.run(['sec-tokens', 'list', '-id', 'a09sjds09wu9wjsd9uy2,hNAdH.aXHaEqFossMwT8'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(
      result.stdout,
      '+----------------------+-----------------------------+---------+--------------+--------+-------+-------------+--------+\n' +
        '| Token ID             | Created                     | User ID | Type         | Status | Name  | Description | Policy |\n' +
        '+----------------------+-----------------------------+---------+--------------+--------+-------+-------------+--------+\n' +
        '| a09sjds09wu9wjsd9uy2 | 2025-09-28T22:10:05.500Z    |     123 | User         | Active | Admin |             |        |\n' +
        '+----------------------+-----------------------------+---------+--------------+--------+-------+-------------+--------+\n' +
        '| hNAdH.aXHaEqFossMwT8 | 2025-09-29T03:52:43.281061Z |     123 | ReadNodeData | Active |       |             |        |\n' +
        '+----------------------+-----------------------------+---------+--------------+--------+-------+-------------+--------+\n',
    )
    assert.deepEqual(session.received(), [`GET ${API}/find?identifiers=a09sjds09wu9wjsd9uy2%2ChNAdH.aXHaEqFossMwT8`])
  })

  it('filters by type and status, one record per token in CSV', async () => {
    const result = await session.run(['sec-tokens', 'list', '-t=user', '-a', '-mode=CSV'])
    assert.equal(result.code, 0, result.stderr)
    const records = result.stdout.split('\r\n')
    assert.equal(records[0], 'Token ID,Created,User ID,Type,Status,Name,Description,Policy')
    assert.equal(records[1], 'a09sjds09wu9wjsd9uy2,2025-09-28T22:10:05.500Z,123,User,Active,Admin,,')
    assert.match(records[2], /^kF67p6g30eUXQICUgzQf,.*,"\{\n {2}""nodeIds"" : \[ 100, 101 \],/)
    assert.equal(records.at(-1), '')
    assert.deepEqual(session.received(), [`GET ${API}/find?active=true&tokenTypes=User`])
    await session.run(['sec-tokens', 'list', '--disabled', '--identifier', 'x', '--identifier', 'y,x'])
    assert.equal(session.received()[1], `GET ${API}/find?identifiers=x%2Cy&active=false`)
  })

  it('writes a JSON array, compact when piped', async () => {
    const result = await session.run(['sec-tokens', 'list', '-id', 'kF67p6g30eUXQICUgzQf,hNAdH.aXHaEqFossMwT8', '-mode', 'json'])
    const tokens = JSON.parse(result.stdout) as Array<{id: string}>
    assert.deepEqual(
      tokens.map((t) => t.id),
      ['hNAdH.aXHaEqFossMwT8', 'kF67p6g30eUXQICUgzQf'],
    )
    assert.ok(result.stdout.startsWith('[{"id":"hNAdH.aXHaEqFossMwT8","created":"2025-09-29 03:52:43.281061Z"'))
    assert.ok(result.stdout.endsWith('}]\n'), 'one line, ending with a newline')
  })

  it('says no tokens matched on stderr, exit 0, and [] in JSON mode', async () => {
    for (const mode of ['PRETTY', 'CSV']) {
      const result = await session.run(['sec-tokens', 'list', '-id', 'nope', '-mode', mode])
      assert.equal(result.code, 0)
      assert.equal(result.stdout, '')
      assert.equal(result.stderr, 'No security tokens matched your criteria.\n')
    }
    const json = await session.run(['sec-tokens', 'list', '-id', 'nope', '-mode', 'JSON'])
    assert.equal(json.stdout, '[]\n')
    assert.equal(json.stderr, 'No security tokens matched your criteria.\n')
  })

  it('shows the group help listing the four commands for `sec-tokens` alone', async () => {
    const result = await session.run(['sec-tokens'])
    assert.equal(result.code, 0)
    for (const command of ['create', 'delete', 'list', 'update']) assert.match(result.stdout, new RegExp(`^  sec-tokens ${command} +\\S`, 'm'))
  })

  it("answers to the Java tool's group alias, tokens", async () => {
    const result = await session.run(['tokens', 'list', '-id', 'kF67p6g30eUXQICUgzQf', '-mode', 'CSV'])
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, /\r\nkF67p6g30eUXQICUgzQf,/)
    assert.match((await session.run(['tokens'])).stdout, /^ {2}tokens update +Update a security token\.$/m)
  })

  it('says a word after the command is an unexpected argument, not an unknown command', async () => {
    const result = await session.run(['sec-tokens', 'list', 'extra'])
    assert.equal(result.code, 2)
    assert.equal(result.stderr, 'Unexpected argument: extra (see: s10k sec-tokens list --help)\n')
    assert.deepEqual(session.emulator.requests, [])
  })

  it('rejects bad input with exit 2 and sends nothing', async () => {
    for (const args of [
      ['-a', '-d'],
      ['-t', 'Admin'],
      ['-mode', 'yaml'],
      ['--name', 'x'],
    ]) {
      const result = await session.run(['sec-tokens', 'list', ...args])
      assert.equal(result.code, 2, args.join(' '))
      assert.equal(result.stderr.split('\n').length, 2)
    }
    assert.deepEqual(session.emulator.requests, [])
  })

  for (const [data, message] of [
    [['abc'], /^The service's answer to GET \/solaruser\/api\/v1\/sec\/user\/auth-tokens\/find is not a list of results: \["abc"\]\n$/],
    [{results: [null]}, /is not a token: null\n$/],
    [{results: ['abc']}, /is not a token: "abc"\n$/],
    [{results: [{id: 7}]}, /has a token whose id is not a token ID: 7\n$/],
    [{results: [{id: 'x', name: ['a']}]}, /has a token whose name is not text: \["a"\]\n$/],
    [{results: 'all'}, /has results that are not a list: "all"\n$/],
  ] as const) {
    it(`says what is wrong with an answer of another shape in one line: ${JSON.stringify(data)}`, async () => {
      session.emulator.inject({path: '/find', status: 200, body: JSON.stringify({success: true, data})})
      const result = await session.run(['sec-tokens', 'list'])
      assert.equal(result.code, 1)
      assert.equal(result.stdout, '')
      assert.match(result.stderr, message)
    })
  }
})
