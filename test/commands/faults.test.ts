import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {runCli} from '../support/cli.js'
import {useSession} from '../support/session.js'

const API = '/solaruser/api/v1/sec/user/auth-tokens'
const HN = 'hNAdH.aXHaEqFossMwT8'
const LIST = ['sec-tokens', 'list', '-id', HN, '-mode', 'CSV']
const ACTIVATE = ['sec-tokens', 'update', '-id', HN, '-a']

describe('faults', () => {
  const session = useSession()

  function writeConfig(text: string): void {
    writeFileSync(join(session.home.path, '.s10k', 'config'), text)
  }

  it('gives up on a hung server after the response timeout, naming the URL', async () => {
    writeConfig(`[service-urls]\nsolaruser = "${session.url}"\n[http]\nresponse-timeout = 0.5\n`)
    session.emulator.inject({path: '/status', action: 'hang'})
    const started = Date.now()
    const result = await session.run(ACTIVATE)
    assert.equal(result.code, 1)
    assert.equal(
      result.stderr,
      `No response from ${session.url}${API}/status within 0.5 s (response-timeout under [http] in ~/.s10k/config). May have been applied: status Active.\n`,
    )
    assert.ok(Date.now() - started < 5000)
  })

  it('retries a read once after a 503 or a reset connection', async () => {
    session.emulator.inject({path: '/find', status: 503, body: 'busy', contentType: 'text/plain'})
    const busy = await session.run(LIST)
    assert.equal(busy.code, 0, busy.stderr)
    session.emulator.inject({path: '/find', action: 'reset'})
    const reset = await session.run(LIST)
    assert.equal(reset.code, 0, reset.stderr)
    assert.deepEqual(session.received(), Array(4).fill(`GET ${API}/find?identifiers=${HN}`))
  })

  it('retries a read only once', async () => {
    session.emulator.inject({path: '/find', status: 504, body: '<html>Gateway Timeout</html>', contentType: 'text/html', times: 2})
    const result = await session.run(LIST)
    assert.equal(result.code, 1)
    assert.equal(result.stderr, `GET ${session.url}${API}/find failed: HTTP 504 Gateway Timeout, with an HTML page instead of JSON\n`)
    assert.equal(session.emulator.requests.length, 2)
  })

  it('never retries a request that changes data', async () => {
    session.emulator.inject({path: '/status', status: 503, body: '', contentType: 'text/plain'})
    const result = await session.run(ACTIVATE)
    assert.equal(result.code, 1)
    assert.equal(
      result.stderr,
      `POST ${session.url}${API}/status failed: HTTP 503 Service Unavailable, with an empty body. May have been applied: status Active.\n`,
    )
    assert.equal(session.emulator.requests.length, 1)
  })

  const answers: Array<[string, {status: number; body: string; contentType?: string; headers?: Record<string, string>}, number, RegExp]> = [
    ['malformed JSON', {status: 200, body: '{"success":tru'}, 1, /^Unexpected response from POST .*\/status: malformed JSON \(HTTP 200\)$/],
    [
      'an HTML error page',
      {status: 500, body: '<!DOCTYPE html><h1>Oops</h1>', contentType: 'text/html'},
      1,
      /^POST .*\/status failed: HTTP 500 Internal Server Error, with an HTML page instead of JSON\. May have been applied: status Active\.$/,
    ],
    ['success:false without a message', {status: 200, body: '{"success":false}'}, 1, /^Non-success response from POST .*\/status: Unknown reason\.$/],
    [
      'a 401',
      {status: 401, body: '{"success":false,"message":"Expired token"}'},
      4,
      /^Credentials rejected by POST .*\/status: Expired token \(the token has expired\)$/,
    ],
    [
      'a 403 from the security filter',
      {status: 403, body: '{"success":false,"message":"Bad credentials"}', headers: {'WWW-Authenticate': 'SNWS2'}},
      4,
      /^Credentials rejected by POST .*: Bad credentials \(check the token ID and secret\)$/,
    ],
    [
      'a 403 from the service',
      {status: 403, body: '{"success":false,"message":"ACCESS_DENIED"}'},
      1,
      /^Access denied \(ACCESS_DENIED\): .* \(HTTP 403 from POST .*\/status\)$/,
    ],
    [
      'a 404',
      {status: 404, body: '<html>Not Found</html>', contentType: 'text/html'},
      1,
      /^POST .*\/status failed: HTTP 404 Not Found: no such API here; check service-urls in ~\/\.s10k\/config$/,
    ],
    [
      'a 429',
      {status: 429, body: '', headers: {'Retry-After': '30'}},
      1,
      /^POST .*\/status failed: HTTP 429 Too Many Requests: SolarNetwork is limiting requests; try again in 30 s$/,
    ],
    [
      'a 500 with a message',
      {status: 500, body: '{"success":false,"message":"Internal error"}'},
      1,
      /^Internal error \(HTTP 500 from POST .*\/status\)$/,
    ],
    [
      'a redirect',
      {status: 302, body: '', headers: {Location: 'https://elsewhere.example/login'}},
      1,
      /^Unexpected redirect to https:\/\/elsewhere\.example\/login from POST .*\/status, not followed: check service-urls in ~\/\.s10k\/config$/,
    ],
  ]
  for (const [name, answer, code, message] of answers) {
    it(`reports ${name} in one line, exit ${code}`, async () => {
      session.emulator.inject({path: '/status', ...answer})
      const result = await session.run(ACTIVATE)
      assert.equal(result.code, code)
      assert.equal(result.stdout, '')
      assert.equal(result.stderr.split('\n').length, 2, result.stderr)
      assert.match(result.stderr.trimEnd(), message)
    })
  }

  it('says to check the clock when the service sees too much skew', async () => {
    session.emulator.now = () => Date.now() + 20 * 60_000
    const result = await session.run(ACTIVATE)
    assert.equal(result.code, 4)
    assert.match(result.stderr, /^Credentials rejected by POST .*: Date skew too large \(check this computer's clock\)\n$/)
  })

  it('refuses plain http to another host unless allowed, sending nothing', async () => {
    writeConfig('[service-urls]\nsolaruser = "http://solarnetwork.example"\n')
    const refused = await session.run(ACTIVATE)
    assert.equal(refused.code, 2)
    assert.equal(
      refused.stderr,
      'Refusing to send credentials over plain http to solarnetwork.example: use https, or set allow-plain-http = true under [http] in ~/.s10k/config\n',
    )
    writeConfig('[service-urls]\nsolaruser = "http://solarnetwork.example"\n[http]\nallow-plain-http = true\n')
    const allowed = await runCli(['-n', ...ACTIVATE], {home: session.home.path})
    assert.equal(allowed.code, 0, allowed.stderr)
    assert.match(allowed.stdout, /^POST http:\/\/solarnetwork\.example\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status\n/)
  })

  for (const [key, value] of [
    ['response-timeout', '"soon"'],
    ['response-timeout', '-1'],
    ['connect-timeout', '0.0001'],
    ['response-timeout', '3000000'],
    ['connect-timeout', 'nan'],
  ]) {
    it(`rejects ${key} = ${value} in the config in one line, naming the key, sending nothing`, async () => {
      writeConfig(`[service-urls]\nsolaruser = "${session.url}"\n[http]\n${key} = ${value}\n`)
      const result = await session.run(ACTIVATE)
      assert.equal(result.code, 2)
      assert.match(result.stderr, new RegExp(`config: http\\.${key} must be a number of seconds from 0\\.001 to 2147483, not .*\\n$`))
      assert.equal(result.stderr.split('\n').length, 2, result.stderr)
      assert.deepEqual(session.received(), [])
    })
  }

  it('gives up on a server that drips its answer at the response timeout, a deadline that bytes do not reset', async () => {
    writeConfig(`[service-urls]\nsolaruser = "${session.url}"\n[http]\nresponse-timeout = 2.5\n`)
    session.emulator.inject({path: '/find', action: 'drip', times: 2})
    const result = await session.run(LIST)
    assert.equal(result.code, 1)
    assert.equal(result.stderr, `No response from ${session.url}${API}/find within 2.5 s (response-timeout under [http] in ~/.s10k/config)\n`)
  })

  for (const action of ['endless', 'bomb'] as const) {
    it(`stops reading ${action === 'bomb' ? 'a compressed bomb' : 'an endless body'} at 64 MB decoded, in one line`, async () => {
      session.emulator.inject({path: '/find', action, times: 2})
      const result = await session.run(LIST)
      assert.equal(result.code, 1)
      assert.equal(
        result.stderr,
        `The response from ${session.url}${API}/find is larger than 64 MB (decoded), s10k's limit; it was not read further\n`,
      )
    })
  }

  it('says a change whose answer was lost after it was applied may have been applied', async () => {
    session.emulator.inject({path: '/status', action: 'reset', afterApplying: true})
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-d'])
    assert.equal(result.code, 1)
    assert.match(result.stderr, /^No answer from .*: connection reset\. May have been applied: status Disabled\.\n$/)
    assert.equal(session.emulator.tokens.get(HN)?.status, 'Disabled')
  })

  it('names the changes as applied when only reading the token back fails', async () => {
    session.emulator.inject({path: '/find', status: 500, body: '{"success":false,"message":"boom"}', times: 2})
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '-d'])
    assert.equal(result.code, 1)
    assert.equal(result.stderr, `Applied: status Disabled; the result could not be shown: boom (HTTP 500 from GET ${session.url}${API}/find)\n`)
    assert.equal(session.emulator.tokens.get(HN)?.status, 'Disabled')
  })

  it("says a change answered by a server error that is not the service's (a gateway's HTML page) may have been applied", async () => {
    session.emulator.inject({path: '/status', status: 500, body: '<html>Internal Server Error</html>', contentType: 'text/html', afterApplying: true})
    const html = await session.run(['sec-tokens', 'update', '-id', HN, '-d'])
    assert.equal(html.code, 1)
    assert.equal(
      html.stderr,
      `POST ${session.url}${API}/status failed: HTTP 500 Internal Server Error, with an HTML page instead of JSON. May have been applied: status Disabled.\n`,
    )
    assert.equal(session.emulator.tokens.get(HN)?.status, 'Disabled')
    // the service's own envelope says the change failed: not applied
    session.emulator.inject({path: '/status', status: 500, body: '{"success":false,"message":"boom"}'})
    const envelope = await session.run(['sec-tokens', 'update', '-id', HN, '-a'])
    assert.equal(envelope.stderr, `boom (HTTP 500 from POST ${session.url}${API}/status)\n`)
  })
})
