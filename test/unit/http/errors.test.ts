import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import type {AxiosResponse} from 'axios'

import {CredentialsError, RequestError} from '../../../src/command/errors.js'
import {DEFAULT_HTTP} from '../../../src/auth/config.js'
import {toRequestError, unwrapEnvelope} from '../../../src/http/errors.js'

const URL = 'https://data.solarnetwork.net/solaruser/api/v1/sec/user/auth-tokens?tokenId=abc'

function response(status: number, data: string, headers: Record<string, string> = {}, statusText = ''): AxiosResponse<string> {
  return {status, statusText, data, headers, config: {}} as unknown as AxiosResponse<string>
}

const unwrap = (r: AxiosResponse<string>, method = 'GET', subject?: string) => unwrapEnvelope(r, method, URL, subject)

/** What `run` throws; failing the test when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return assert.fail('no error')
}

const fails = (r: AxiosResponse<string>, method = 'GET', subject?: string) => thrown(() => unwrap(r, method, subject))

describe('envelope unwrapping', () => {
  it("gives a successful envelope's data", () => {
    assert.deepEqual(unwrap(response(200, '{"success":true,"data":{"id":"x","n":[1,2]}}')), {id: 'x', n: [1, 2]})
    assert.equal(unwrap(response(200, '{"success":true}')), undefined)
  })

  it('reads the data with the parser given (exact numbers), after checking the envelope', () => {
    const seen: string[] = []
    const parse = (body: string) => (seen.push(body), {data: 'parsed'})
    assert.equal(unwrapEnvelope(response(200, '{"success":true,"data":1.10}'), 'GET', URL, undefined, parse), 'parsed')
    assert.deepEqual(seen, ['{"success":true,"data":1.10}'])
    const error = thrown(() =>
      unwrapEnvelope(response(200, '{"success":true}'), 'GET', URL, undefined, () => {
        throw new Error('number too deep')
      }),
    ) as Error
    assert.equal(
      error.message,
      'Unexpected response from GET https://data.solarnetwork.net/solaruser/api/v1/sec/user/auth-tokens: number too deep (HTTP 200)',
    )
  })

  it("says the service's reason for a non-success, in friendlier words about the subject, without the query string", () => {
    const error = fails(response(403, '{"success":false,"message":"ACCESS_DENIED"}'), 'DELETE', 'the token') as RequestError
    assert.ok(error instanceof RequestError)
    assert.equal(
      error.message,
      'Access denied (ACCESS_DENIED): the token belongs to another user, or these credentials may not do this (HTTP 403 from DELETE https://data.solarnetwork.net/solaruser/api/v1/sec/user/auth-tokens)',
    )
    assert.equal(error.status, 403)
    assert.equal(error.serviceMessage, 'ACCESS_DENIED')
    assert.equal(error.maybeApplied, false)
    assert.match(
      (fails(response(404, '{"success":false,"message":"UNKNOWN_OBJECT"}')) as Error).message,
      /^Not found \(UNKNOWN_OBJECT\): the object does not exist or is not yours \(HTTP 404 from GET /,
    )
    assert.match((fails(response(200, '{"success":false,"message":"Nope."}')) as Error).message, /^Non-success response from GET \S+: Nope\.$/)
    assert.match((fails(response(200, '{"success":false}')) as Error).message, /: Unknown reason\.$/)
  })

  it("shows the service's message escaped, on one line", () => {
    const error = fails(response(400, '{"success":false,"message":"bad\\u001b[2J\\nline"}')) as RequestError
    assert.equal(error.serviceMessage, 'bad\\u001b[2J\\u000aline')
    assert.match(error.message, /^bad\\u001b\[2J\\u000aline \(HTTP 400 from GET /)
  })

  it("reads only the envelope's own members, never inherited ones", () => {
    // as if something had polluted Object.prototype: the answer `{}` must still not count as a success
    Object.defineProperty(Object.prototype, 'success', {value: true, configurable: true})
    try {
      assert.match((fails(response(200, '{}')) as Error).message, /^Non-success response from GET \S+: Unknown reason\.$/)
    } finally {
      Reflect.deleteProperty(Object.prototype, 'success')
    }
    // and a "__proto__" key is data
    assert.match((fails(response(200, '{"__proto__":{"success":true,"data":"planted"}}')) as Error).message, /: Unknown reason\.$/)
  })

  it('rejects credentials with a hint about the likely cause', () => {
    const rejected = (r: AxiosResponse<string>) => {
      const error = fails(r)
      assert.ok(error instanceof CredentialsError)
      return error.message
    }
    assert.match(
      rejected(response(401, '', {}, 'Unauthorized')),
      /^Credentials rejected by GET \S+: HTTP 401 Unauthorized \(check the token ID and secret\)$/,
    )
    assert.match(rejected(response(401, '{"success":false,"message":"Request date skew too large"}')), /\(check this computer's clock\)$/)
    assert.match(rejected(response(403, '{"success":false,"message":"Token expired"}', {'www-authenticate': 'SNWS2'})), /\(the token has expired\)$/)
    // a 403 is a refusal of what was asked unless it says the credentials are bad
    assert.match(rejected(response(403, '{"success":false,"message":"Bad credentials"}')), /: Bad credentials \(check the token ID and secret\)$/)
    assert.ok(fails(response(403, '{"success":false,"message":"ACCESS_DENIED"}')) instanceof RequestError)
  })

  it('does not follow redirects, and describes answers that are not the envelope', () => {
    assert.match(
      (fails(response(302, '', {location: 'https://elsewhere/'})) as Error).message,
      /^Unexpected redirect to https:\/\/elsewhere\/ from GET \S+, not followed: check service-urls/,
    )
    assert.match((fails(response(404, '')) as Error).message, /^GET \S+ failed: HTTP 404: no such API here; check service-urls in ~\/.s10k\/config$/)
    assert.match((fails(response(429, '', {'retry-after': '30'})) as Error).message, /: SolarNetwork is limiting requests; try again in 30 s$/)
    assert.match(
      (fails(response(500, '<html>oops</html>', {'content-type': 'text/html'}, 'Server Error')) as Error).message,
      /failed: HTTP 500 Server Error, with an HTML page instead of JSON$/,
    )
    assert.match((fails(response(200, '{"success":tru')) as Error).message, /^Unexpected response from GET \S+: malformed JSON \(HTTP 200\)$/)
    assert.match((fails(response(200, ' ')) as Error).message, /: an empty body \(HTTP 200\)$/)
  })

  it('says a change may have been applied when a gateway or a server error that is not the service answered', () => {
    const maybe = (status: number, body: string, method: string) => (fails(response(status, body), method) as RequestError).maybeApplied
    assert.equal(maybe(502, '', 'POST'), true)
    assert.equal(maybe(504, '{"success":false,"message":"x"}', 'DELETE'), true)
    assert.equal(maybe(500, '<html></html>', 'PATCH'), true)
    // the service's own error envelope: it did not apply it
    assert.equal(maybe(500, '{"success":false,"message":"x"}', 'POST'), false)
    // a read changes nothing
    assert.equal(maybe(502, '', 'GET'), false)
  })
})

describe('requests that got no answer', () => {
  const error = (code: string, method: string) => toRequestError(Object.assign(new Error(code), {code}), method, URL, DEFAULT_HTTP)

  it('name the URL without its query and say whether the request may have been applied', () => {
    const refused = error('ECONNREFUSED', 'POST')
    assert.equal(refused.message, 'Cannot reach https://data.solarnetwork.net/solaruser/api/v1/sec/user/auth-tokens: connection refused')
    assert.equal(refused.maybeApplied, false)
    const reset = error('ECONNRESET', 'POST')
    assert.equal(reset.message, 'No answer from https://data.solarnetwork.net/solaruser/api/v1/sec/user/auth-tokens: connection reset')
    assert.equal(reset.maybeApplied, true)
    assert.equal(error('ECONNRESET', 'GET').maybeApplied, false)
  })
})
