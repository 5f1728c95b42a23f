import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {DEFAULT_BASE_URL, DEFAULT_HTTP, loadConfig} from '../../../src/auth/config.js'
import {makeHome} from '../../support/cli.js'

describe('config', () => {
  const config = [
    '[service-urls]',
    'solaruser = "http://127.0.0.1:9"',
    '[http]',
    'allow-plain-http = true',
    'response-timeout = 5',
    '[profile.work.service-urls]',
    'solaruser = "https://work.example"',
  ].join('\n')

  it("gives a named profile without its own section the built-in defaults, not the default profile's settings", () => {
    const home = makeHome({config})
    try {
      assert.deepEqual(loadConfig(home.path, 'home'), {serviceUrls: {solaruser: DEFAULT_BASE_URL, solarquery: DEFAULT_BASE_URL}, http: DEFAULT_HTTP})
      assert.equal(loadConfig(home.path, 'work').serviceUrls.solaruser, 'https://work.example')
      assert.equal(loadConfig(home.path, 'work').http.allowPlainHttp, false)
      assert.deepEqual(loadConfig(home.path).http, {...DEFAULT_HTTP, allowPlainHttp: true, responseTimeoutMs: 5000})
      assert.equal(loadConfig(home.path).serviceUrls.solaruser, 'http://127.0.0.1:9')
    } finally {
      home.remove()
    }
  })

  it('a profile that sets some service URLs takes the others from the same base URL; only one that sets none uses the default', () => {
    const home = makeHome({
      config: [
        '[service-urls]',
        'solaruser = "https://sn.example:8443/base/"',
        '[profile.query.service-urls]',
        'solarquery = "http://127.0.0.1:9"',
        '[profile.both.service-urls]',
        'solaruser = "https://a.example"',
        'solarquery = "https://b.example"',
        '[profile.none.http]',
        'response-timeout = 5',
      ].join('\n'),
    })
    try {
      assert.deepEqual(loadConfig(home.path).serviceUrls, {solaruser: 'https://sn.example:8443/base/', solarquery: 'https://sn.example:8443/base/'})
      assert.deepEqual(loadConfig(home.path, 'query').serviceUrls, {solaruser: 'http://127.0.0.1:9', solarquery: 'http://127.0.0.1:9'})
      assert.deepEqual(loadConfig(home.path, 'both').serviceUrls, {solaruser: 'https://a.example', solarquery: 'https://b.example'})
      assert.deepEqual(loadConfig(home.path, 'none').serviceUrls, {solaruser: DEFAULT_BASE_URL, solarquery: DEFAULT_BASE_URL})
    } finally {
      home.remove()
    }
  })
})
