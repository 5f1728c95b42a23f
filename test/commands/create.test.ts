import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

const API = '/solaruser/api/v1/sec/user/auth-tokens'

describe('sec-tokens create', () => {
  const session = useSession()

  function newToken() {
    const known = new Set(['a09sjds09wu9wjsd9uy2', 'hNAdH.aXHaEqFossMwT8', 'kF67p6g30eUXQICUgzQf', 'ZCv5FUjlTlIQGjigLhSW'])
    const created = [...session.emulator.tokens.values()].filter((t) => !known.has(t.id))
    assert.equal(created.length, 1)
    return created[0]
  }

  it('generates with the policy, then sets name and description; shows the secret once', async () => {
    const result = await session.run([
      'sec-tokens',
      'create',
      '-t',
      'readnodedata',
      '-n',
      'Dashboard',
      '-D',
      'Wall screen',
      '-node',
      '107,164',
      '-agg',
      'hour',
    ])
    assert.equal(result.code, 0, result.stderr)
    const token = newToken()
    assert.deepEqual(session.received(), [
      `POST ${API}/generate/ReadNodeData {"nodeIds":[107,164],"minAggregation":"Hour"}`,
      `POST ${API}/info name=Dashboard&description=Wall+screen&tokenId=${token.id.replaceAll('.', '.')}`,
    ])
    assert.equal(result.stderr, 'Store the token secret now: it cannot be shown again.\n')
    const lines = result.stdout.split('\n')
    assert.match(lines[1], /^\| Token ID +\| Token Secret +\| Created +\| User ID \| Type +\| Name +\| Description +\| Policy +\|$/)
    assert.ok(lines[3].startsWith(`| ${token.id} | ${token.secret} |`))
    assert.match(lines[3], /\| ReadNodeData \| Dashboard \| Wall screen \| \{ +\|$/)
  })

  it('sends no body without policy options, and writes the secret in JSON', async () => {
    const result = await session.run(['sec-tokens', 'create', '--type=User', '-mode=JSON'])
    assert.equal(result.code, 0, result.stderr)
    const token = newToken()
    assert.deepEqual(session.received(), [`POST ${API}/generate/User`])
    assert.equal(session.emulator.requests[0].contentType, undefined)
    const json = JSON.parse(result.stdout) as Record<string, unknown>
    assert.deepEqual(Object.keys(json), ['id', 'authSecret', 'created', 'userId', 'status', 'type', 'expired'])
    assert.equal(json.authSecret, token.secret)
  })

  it('still prints the token and its secret when the name cannot be set, exit 1', async () => {
    session.emulator.inject({path: '/info', status: 503, body: '<html>Service Unavailable</html>', contentType: 'text/html'})
    const result = await session.run(['sec-tokens', 'create', '-t', 'User', '-n', 'Lost name', '-mode', 'CSV'])
    assert.equal(result.code, 1)
    const token = newToken()
    assert.match(
      result.stdout,
      new RegExp(
        `^Token ID,Token Secret,Created,User ID,Type,Name,Description,Policy\r\n${token.id.replaceAll('.', '\\.')},${token.secret!.replaceAll('.', '\\.')},`,
      ),
    )
    assert.match(
      result.stderr,
      new RegExp(
        `Security token ${token.id.replaceAll('.', '\\.')} was created, but its name and description were not set: POST .* failed: HTTP 503 Service Unavailable, with an HTML page instead of JSON`,
      ),
    )
  })

  it('needs a type, and rejects bad policy values before sending anything', async () => {
    const missing = await session.run(['sec-tokens', 'create', '-n', 'x'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /^Missing required option: --type \(-t\)/)
    const bad = await session.run(['sec-tokens', 'create', '-t', 'User', '-node', '1,two'])
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /^Invalid value for option '--node-id': 'two' is not an integer/)
    assert.deepEqual(session.emulator.requests, [])
  })

  it("shows the service's refusal for a node that is not the user's", async () => {
    session.emulator.userNodes = new Map([[123, [100, 101]]])
    const result = await session.run(['sec-tokens', 'create', '-t', 'User', '-node', '999'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /^Access denied \(ACCESS_DENIED\)/)
  })

  it('dry run shows the requests and creates nothing', async () => {
    const result = await session.run(['-n', 'sec-tokens', 'create', '-t', 'User', '-m', 'Named', '-r'])
    assert.equal(result.code, 0, result.stderr)
    // the name is set on the new token's ID, which a dry run does not have: only the request that creates it is shown
    assert.match(result.stdout, /^POST http:.*\/generate\/User\nContent-Type: application\/json\n\n\{"refreshAllowed":true\}\n$/)
    assert.equal(result.stderr, 'Dry run: nothing was changed; the requests shown above were not sent.\n')
    assert.deepEqual(session.emulator.requests, [])
  })

  it('says so when the service answers success without a token, and sends nothing more', async () => {
    session.emulator.inject({path: '/generate/User', status: 200, body: '{"success":true}'})
    const result = await session.run(['sec-tokens', 'create', '-t', 'User', '-n', 'x'])
    assert.equal(result.code, 1)
    assert.equal(result.stdout, '')
    assert.match(result.stderr, /^The service returned no token \(one may have been created/)
    assert.doesNotMatch(result.stderr, /Dry run|Store the token secret/)
    assert.equal(session.emulator.requests.length, 1)
  })

  for (const [field, value, message] of [
    ['created', 1e20, undefined],
    ['name', 42, /has a token whose name is not text: 42$/],
    ['policy', 'everything', /has a token whose policy is not an object: "everything"$/],
  ] as const) {
    it(`keeps the secret when the new token's ${field} is ${JSON.stringify(value)}`, async () => {
      const body = {
        success: true,
        data: {id: 'NeWt0ken0000000000Aa', authSecret: 'S3cret-of-the-new-token', created: '2025-10-01 00:00:00Z', [field]: value},
      }
      session.emulator.inject({path: '/generate/User', status: 200, body: JSON.stringify(body)})
      const result = await session.run(['sec-tokens', 'create', '-t', 'User', '-mode', 'CSV'])
      assert.ok(`${result.stdout}${result.stderr}`.includes('S3cret-of-the-new-token'), result.stderr)
      if (message) {
        assert.equal(result.code, 1)
        assert.match(
          result.stderr,
          /^Store the token secret now: it cannot be shown again\.\nToken ID: NeWt0ken0000000000Aa\nToken secret: S3cret-of-the-new-token\n/,
        )
        assert.match(result.stderr.trimEnd().split('\n').at(-1) ?? '', message)
      } else {
        assert.equal(result.code, 0, result.stderr)
        assert.match(result.stdout, /\r\nNeWt0ken0000000000Aa,S3cret-of-the-new-token,100000000000000000000,/)
      }
    })
  }
})
