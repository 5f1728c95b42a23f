import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import fc from 'fast-check'
import AuthorizationV2Builder from 'solarnetwork-api-core/lib/net/authV2'
import MultiMap from 'solarnetwork-api-core/lib/util/multiMap'

import {EMPTY_SHA256_HEX, authorizationHeader, httpDate, sha256Hex, signingKey} from '../../../src/auth/signer.js'

/**
 * For random requests, our Authorization header equals the one from SolarNetwork's official JavaScript
 * library (solarnetwork-api-core, used only by tests).
 */

// jslib's parameter map ignores the case of names (the protocol does not), so names here are lower case
const paramName = fc.string({unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-_.~*!'()+=&%/: ".split('')), minLength: 1, maxLength: 8})
const paramValue = fc.string({unit: 'grapheme', maxLength: 12})
const pathSegment = fc.string({
  unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~'.split('')),
  maxLength: 10,
})

const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  host: fc.constantFrom('data.solarnetwork.net', 'localhost:9081', '127.0.0.1:8080', 'example.com:8443'),
  path: fc.array(pathSegment, {minLength: 1, maxLength: 5}).map((segments) => '/' + segments.join('/')),
  params: fc.array(fc.tuple(paramName, paramValue), {maxLength: 6}),
  body: fc.option(fc.oneof(fc.constant('form'), fc.json()), {nil: undefined}),
  seconds: fc.integer({min: 1_500_000_000, max: 2_000_000_000}),
  token: fc.string({
    unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._'.split('')),
    minLength: 20,
    maxLength: 20,
  }),
  secret: fc.string({unit: 'grapheme', minLength: 1, maxLength: 31}),
})

describe('SNWS2 signer against solarnetwork-api-core', () => {
  it('computes the same Authorization header for random requests', () => {
    fc.assert(
      fc.property(request, (r) => {
        const date = new Date(r.seconds * 1000)
        const form = r.body === 'form'
        const json = r.body !== undefined && !form ? r.body : undefined
        const headers: Record<string, string> = {host: r.host, 'x-sn-date': httpDate(date)}
        if (form) headers['content-type'] = 'application/x-www-form-urlencoded; charset=UTF-8'
        if (json !== undefined) {
          headers['content-type'] = 'application/json'
          headers.digest = 'sha-256=' + Buffer.from(sha256Hex(json), 'hex').toString('base64')
        }
        const ours = authorizationHeader(r.token, signingKey(r.secret, date), {
          method: r.method,
          path: r.path,
          parameters: r.params,
          headers,
          bodySha256Hex: json === undefined ? EMPTY_SHA256_HEX : sha256Hex(json),
          date,
        })

        const params = new MultiMap()
        for (const [name, value] of r.params) params.add(name, value)
        const builder = new AuthorizationV2Builder(r.token).method(r.method).host(r.host).path(r.path).date(date).snDate(true).queryParams(params)
        if (headers['content-type']) builder.contentType(headers['content-type'])
        if (json !== undefined) builder.computeContentDigest(json)
        assert.equal(ours, builder.build(r.secret))
      }),
      {numRuns: 500},
    )
  })
})
