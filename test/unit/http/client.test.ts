import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {DEFAULT_HTTP, type S10kConfig, checkTransport, serviceUrl} from '../../../src/auth/config.js'
import {describeRequest, filterResults, prepareRequest} from '../../../src/http/client.js'

const config = (solaruser: string, http = DEFAULT_HTTP): S10kConfig => ({serviceUrls: {solaruser, solarquery: 'https://data.solarnetwork.net'}, http})

describe('requests', () => {
  it('places service paths on the configured base URL, keeping a base path', () => {
    assert.equal(serviceUrl(config('http://localhost:9081'), '/solaruser/api/v1/x'), 'http://localhost:9081/solaruser/api/v1/x')
    assert.equal(serviceUrl(config('https://example.com/proxy/'), '/solaruser/api'), 'https://example.com/proxy/solaruser/api')
    assert.equal(serviceUrl(config('http://localhost:9081'), '/solarquery/api'), 'https://data.solarnetwork.net/solarquery/api')
    assert.throws(() => serviceUrl(config('http://localhost:9081'), '/elsewhere/api'), /Not a SolarNetwork service path/)
  })

  it('encodes forms as Spring does and JSON compactly', () => {
    const form = prepareRequest(config('https://h'), {
      method: 'POST',
      path: '/solaruser/i',
      form: [
        ['name', 'a b*+&é'],
        ['tokenId', 'x'],
      ],
    })
    assert.deepEqual(form, {
      method: 'POST',
      url: 'https://h/solaruser/i',
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
      body: 'name=a+b*%2B%26%C3%A9&tokenId=x',
    })
    const json = prepareRequest(config('https://h'), {method: 'PATCH', path: '/solaruser/p', query: [['tokenId', 'a,b']], json: {nodeIds: [1, 2]}})
    assert.deepEqual(json, {method: 'PATCH', url: 'https://h/solaruser/p?tokenId=a%2Cb', contentType: 'application/json', body: '{"nodeIds":[1,2]}'})
    assert.equal(describeRequest(json), 'PATCH https://h/solaruser/p?tokenId=a%2Cb\nContent-Type: application/json\n\n{"nodeIds":[1,2]}\n')
    assert.equal(describeRequest(prepareRequest(config('https://h'), {method: 'DELETE', path: '/solaruser/d'})), 'DELETE https://h/solaruser/d\n')
  })

  it('refuses plain http except to this machine, unless allowed', () => {
    for (const ok of ['http://localhost:1', 'http://127.0.0.1', 'http://127.1.2.3:8', 'http://[::1]:9', 'https://example.com']) {
      assert.doesNotThrow(() => {
        checkTransport(config(ok), new URL(ok))
      }, ok)
    }
    assert.throws(() => {
      checkTransport(config('http://example.com'), new URL('http://example.com/x'))
    }, /Refusing to send credentials over plain http to example\.com/)
    assert.throws(() => {
      checkTransport(config('http://localhost.example.com'), new URL('http://localhost.example.com/'))
    }, /plain http/)
    assert.doesNotThrow(() => {
      checkTransport(config('http://example.com', {...DEFAULT_HTTP, allowPlainHttp: true}), new URL('http://example.com/x'))
    })
  })
})

describe('filter results', () => {
  const answer = 'GET /solaruser/x'
  it('reads the results of a filter-results answer, none when there is no answer or no results', () => {
    assert.deepEqual(filterResults({totalResults: 2, results: [{id: 1}, 2]}, answer, false), [{id: 1}, 2])
    for (const none of [undefined, null, {}, {results: null}]) assert.deepEqual(filterResults(none, answer, false), [])
  })

  it('takes the list itself only where the service answers so', () => {
    assert.deepEqual(filterResults([1, 2], answer, true), [1, 2])
    assert.throws(() => filterResults(['abc'], answer, false), {message: `The service's answer to ${answer} is not a list of results: ["abc"]`})
  })

  it('says in one line, with the value cut short, what is wrong with any other shape', () => {
    assert.throws(() => filterResults('x'.repeat(50), answer, true), {
      message: `The service's answer to ${answer} is not a list of results: "${'x'.repeat(39)}...`,
    })
    assert.throws(() => filterResults({results: 'all'}, answer, true), {
      message: `The service's answer to ${answer} has results that are not a list: "all"`,
    })
  })
})
