import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

const API = '/solaruser/api/v1/sec/user/auth-tokens'
const HN = 'hNAdH.aXHaEqFossMwT8'

describe('sec-tokens delete', () => {
  const session = useSession()

  it('deletes with --yes', async () => {
    const result = await session.run(['sec-tokens', 'delete', '-id', HN, '-y'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, 'Security token deleted.\n')
    assert.deepEqual(session.received(), [`GET ${API}/find?identifiers=${HN}`, `DELETE ${API}?tokenId=${HN}`])
    assert.equal(session.emulator.tokens.has(HN), false)
  })

  it('refuses without a terminal or --yes, deleting nothing', async () => {
    const result = await session.run(['sec-tokens', 'delete', '-id', HN])
    assert.equal(result.code, 2)
    assert.match(result.stderr, /^Not deleting without confirmation: pass --yes \(-y\) when not running at a terminal/)
    assert.deepEqual(session.emulator.requests, [])
  })

  it("says so for an unknown or another user's token, exit 1", async () => {
    for (const id of ['noSuchToken000000000', 'ZCv5FUjlTlIQGjigLhSW']) {
      const result = await session.run(['sec-tokens', 'delete', '-id', id, '--yes'])
      assert.equal(result.code, 1)
      assert.equal(result.stderr, `No security token ${id} found for these credentials; nothing was deleted.\n`)
    }
    assert.equal(session.emulator.tokens.has('ZCv5FUjlTlIQGjigLhSW'), true)
    assert.ok(session.received().every((r) => r.startsWith('GET ')))
  })

  it("shows the service's message when it refuses the delete", async () => {
    session.emulator.inject({method: 'DELETE', status: 403, body: '{"success":false,"message":"ACCESS_DENIED"}'})
    const result = await session.run(['sec-tokens', 'delete', '-id', HN, '--yes'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /^Access denied \(ACCESS_DENIED\)/)
  })

  it('dry run shows the request and deletes nothing', async () => {
    const result = await session.run(['sec-tokens', 'delete', '-id', HN, '--dry-run'])
    assert.equal(result.code, 0, result.stderr)
    assert.equal(result.stdout, `DELETE ${session.url}${API}?tokenId=${HN}\n`)
    assert.equal(result.stderr, 'Dry run: nothing was changed; the requests shown above were not sent.\n')
    assert.equal(session.emulator.tokens.has(HN), true)
  })
})
