import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import type {AxiosResponse} from 'axios'

import {policyJson, readPolicy} from '../../../plugins/sec-tokens/src/policy.js'
import {DEFAULT_BASE_URL, loadConfig} from '../../../src/auth/config.js'
import {resolveCredentials} from '../../../src/auth/credentials.js'
import {unwrapEnvelope} from '../../../src/http/errors.js'
import {makeHome} from '../../support/cli.js'

/** Runs `body` with `Object.prototype[key]` set, as a polluted process would have it, and puts it back. */
function withPrototype<T>(key: string, value: unknown, body: () => T): T {
  Object.defineProperty(Object.prototype, key, {value, configurable: true, writable: true, enumerable: false})
  try {
    return body()
  } finally {
    Reflect.deleteProperty(Object.prototype, key)
  }
}

const answer = (data: string): AxiosResponse<string> => ({data, status: 200, statusText: 'OK', headers: {}, config: {} as never})

describe('configuration and answers read own properties only', () => {
  it('config: an inherited service-urls or http table is never read; TOML keys named __proto__ are data', () => {
    const missing = makeHome()
    const toml = makeHome({config: '[profile.__proto__.service-urls]\nsolaruser = "https://proto.example"\n[constructor]\nx = 1\n'})
    try {
      const polluted = {solaruser: 'http://127.0.0.2:9', solarquery: 'http://127.0.0.2:9'}
      const config = withPrototype('service-urls', polluted, () => withPrototype('http', {'allow-plain-http': true}, () => loadConfig(missing.path)))
      assert.deepEqual(config.serviceUrls, {solaruser: DEFAULT_BASE_URL, solarquery: DEFAULT_BASE_URL})
      assert.equal(config.http.allowPlainHttp, false)
      const named = withPrototype('service-urls', polluted, () => loadConfig(missing.path, 'dev'))
      assert.equal(named.serviceUrls.solaruser, DEFAULT_BASE_URL)
      assert.equal(loadConfig(toml.path, '__proto__').serviceUrls.solaruser, 'https://proto.example')
      assert.equal(loadConfig(toml.path, 'constructor').serviceUrls.solaruser, DEFAULT_BASE_URL)
    } finally {
      missing.remove()
      toml.remove()
    }
  })

  it('credentials: -P names a profile of the file, never an inherited property', () => {
    const home = makeHome({credentials: 'sn_token_id = "a"\nsn_token_secret = "b"\n'})
    const empty = makeHome()
    try {
      for (const profile of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        assert.equal(resolveCredentials({profile, env: {}, home: home.path}), undefined, profile)
      }
      const inherited = withPrototype('sn_token_secret', 'leaked', () =>
        withPrototype('sn_token_id', 'x', () => resolveCredentials({env: {}, home: empty.path})),
      )
      assert.equal(inherited, undefined)
    } finally {
      home.remove()
      empty.remove()
    }
  })

  it('a service answer: an inherited success or data is never read', () => {
    const unwrap = (body: string) => unwrapEnvelope(answer(body), 'GET', 'https://x.example/solaruser/api')
    assert.throws(() => withPrototype('success', true, () => unwrap('{"data":1}')), /Non-success response/)
    assert.throws(() => unwrap('{"__proto__":{"success":true},"data":1}'), /Non-success response/)
    assert.equal(
      withPrototype('data', 'inherited', () => unwrap('{"success":true}')),
      undefined,
    )
  })

  it('a policy from the service: only its own fields', () => {
    const policy = withPrototype('nodeIds', [1, 2], () => readPolicy(JSON.parse('{"__proto__":{"sourceIds":["a"]},"apiPaths":["/x"]}')))
    assert.deepEqual(policy && policyJson(policy), {apiPaths: ['/x']})
  })
})
