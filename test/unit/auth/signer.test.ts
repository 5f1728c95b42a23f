import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {
  EMPTY_SHA256_HEX,
  authorizationHeader,
  canonicalQueryString,
  canonicalRequest,
  httpDate,
  sha256Hex,
  signingKey,
  stringToSign,
  uriEncode,
} from '../../../src/auth/signer.js'
import {redactAuthorization} from '../../../src/http/trace.js'

// solarnetwork-api.md §1.8: common inputs of the worked examples
const TOKEN = 'a09sjds09wu9wjsd9uy2'
const SECRET = 'pqwe9pl2kj3ljk5z0aoitnaemdl'
const DATE = new Date('2025-09-29T04:05:46Z')
const HOST = 'data.solarnetwork.net'
const X_SN_DATE = 'Mon, 29 Sep 2025 04:05:46 GMT'

describe('SNWS2 signer', () => {
  it('derives the signing key of the worked examples', () => {
    assert.equal(signingKey(SECRET, DATE).toString('hex'), '68cfc08b91bd846a44c0707a3a5188d90a645c653c6a812a82b9498e920abbab')
  })

  it('reproduces the Java test vector (date;host signed)', () => {
    const date = new Date('2017-04-25T14:30:00Z')
    const key = signingKey('test-token-secret', date)
    assert.equal(key.toString('hex'), 'bf7885e8bd107a79f5c6e13001a4fa15fbd43221ad39ca47fde96191d302dbf4')
    const header = authorizationHeader('test-token-id', key, {
      method: 'GET',
      path: '/api/test',
      parameters: [],
      headers: {date: httpDate(date), host: 'localhost'},
      bodySha256Hex: EMPTY_SHA256_HEX,
      date,
    })
    assert.match(header, /,Signature=4739139d3d370f147b6585795c309b1c6d7d7f59943081f7dd943f689cfa59a3$/)
  })

  it('formats the date header as the service expects', () => {
    assert.equal(httpDate(DATE), X_SN_DATE)
  })

  it('example A: GET with query parameters', () => {
    const request = {
      method: 'GET',
      path: '/solaruser/api/v1/sec/user/auth-tokens/find',
      parameters: [
        ['identifiers', 'Lqc8Z_KzpD8.L0_em0Au,zLgbyhRvcMhQ83QRFJqh'],
        ['active', 'true'],
        ['tokenTypes', 'ReadNodeData'],
      ] as [string, string][],
      headers: {host: HOST, 'x-sn-date': X_SN_DATE},
      bodySha256Hex: EMPTY_SHA256_HEX,
      date: DATE,
    }
    const canonical = canonicalRequest(request)
    assert.equal(
      canonical,
      'GET\n/solaruser/api/v1/sec/user/auth-tokens/find\n' +
        'active=true&identifiers=Lqc8Z_KzpD8.L0_em0Au%2CzLgbyhRvcMhQ83QRFJqh&tokenTypes=ReadNodeData\n' +
        `host:${HOST}\nx-sn-date:${X_SN_DATE}\nhost;x-sn-date\n${EMPTY_SHA256_HEX}`,
    )
    assert.equal(
      stringToSign(canonical, DATE),
      'SNWS2-HMAC-SHA256\n20250929T040546Z\n4416c70a1217ea96b7a9900f07844869113f50c9b218aff668893e15f99ce884',
    )
    assert.equal(
      authorizationHeader(TOKEN, signingKey(SECRET, DATE), request),
      `SNWS2 Credential=${TOKEN},SignedHeaders=host;x-sn-date,Signature=1a82e7da95969ac036dc4755f88b5e24dec032e416b9273dee14c6a73467ef5d`,
    )
  })

  it('example B: form POST signs the fields as parameters and an empty body', () => {
    const form = new URLSearchParams('name=Student+access&description=Allow+access%3A+100%25+%28school%29+%26+*more*&tokenId=hNAdH.aXHaEqFossMwT8')
    const request = {
      method: 'POST',
      path: '/solaruser/api/v1/sec/user/auth-tokens/info',
      parameters: [...form],
      headers: {'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', host: HOST, 'x-sn-date': X_SN_DATE},
      bodySha256Hex: EMPTY_SHA256_HEX,
      date: DATE,
    }
    assert.equal(
      canonicalQueryString(request.parameters),
      'description=Allow%20access%3A%20100%25%20%28school%29%20%26%20%2Amore%2A&name=Student%20access&tokenId=hNAdH.aXHaEqFossMwT8',
    )
    assert.equal(stringToSign(canonicalRequest(request), DATE).split('\n')[2], '4f58ad0a0a5ae8de3f1f2a236b78011408da62f82470387727a110c4270dcd29')
    assert.equal(
      authorizationHeader(TOKEN, signingKey(SECRET, DATE), request),
      `SNWS2 Credential=${TOKEN},SignedHeaders=content-type;host;x-sn-date,Signature=44d3f8017d981790d5945e6ca988b4e8a8ad640e4622ed1fdbbb2b1f06253a7f`,
    )
  })

  it('example C: JSON PATCH signs the body hash and digest', () => {
    const body = '{"nodeIds":[107,164],"sourceIds":["/REGION2/**"],"notAfter":1759143600000}'
    assert.equal(sha256Hex(body), '657a1d55e57a3278a1df6f2357bc20d8c0fd84033dcee905fa36f20c26645a4e')
    const digest = 'sha-256=' + Buffer.from(sha256Hex(body), 'hex').toString('base64')
    assert.equal(digest, 'sha-256=ZXodVeV6Mnih328jV7wg2MD9hAM9zukF+jbyDCZkWk4=')
    const request = {
      method: 'PATCH',
      path: '/solaruser/api/v1/sec/user/auth-tokens/policy',
      parameters: [['tokenId', 'kF67p6g30eUXQICUgzQf']] as [string, string][],
      headers: {'content-type': 'application/json', digest, host: HOST, 'x-sn-date': X_SN_DATE},
      bodySha256Hex: sha256Hex(body),
      date: DATE,
    }
    assert.equal(stringToSign(canonicalRequest(request), DATE).split('\n')[2], 'b1e51b2d3652e3c268e10fce766c48d92d21f4eea8cb0b3f793780e3dd6f94b9')
    assert.equal(
      authorizationHeader(TOKEN, signingKey(SECRET, DATE), request),
      `SNWS2 Credential=${TOKEN},SignedHeaders=content-type;digest;host;x-sn-date,Signature=62a5bc97aad6842245a77e6bd1306a5994aa77e4fe508b12ae03580b6d3688d2`,
    )
  })

  it('example D: Java-client style with accept and date headers', () => {
    const request = {
      method: 'DELETE',
      path: '/solaruser/api/v1/sec/user/auth-tokens',
      parameters: [['tokenId', 'ZCv5FUjlTlIQGjigLhSW']] as [string, string][],
      headers: {accept: 'application/json', date: X_SN_DATE, host: HOST},
      bodySha256Hex: EMPTY_SHA256_HEX,
      date: DATE,
    }
    assert.equal(
      authorizationHeader(TOKEN, signingKey(SECRET, DATE), request),
      `SNWS2 Credential=${TOKEN},SignedHeaders=accept;date;host,Signature=43164388fe958d35186db991ae563fe00f9d465511ee57cd01e70a7d6b0cd775`,
    )
  })

  it('sorts parameter names by code unit and keeps repeated values in order', () => {
    assert.equal(
      canonicalQueryString([
        ['b', '2'],
        ['a', '1'],
        ['a', '0'],
        ['B', 'x'],
      ]),
      'B=x&a=1&a=0&b=2',
    )
    assert.equal(canonicalQueryString([['empty', '']]), 'empty=')
  })

  it('encodes everything but unreserved characters, as UTF-8 with uppercase hex', () => {
    assert.equal(uriEncode("a b*!'()~-_.+=&%/:,"), 'a%20b%2A%21%27%28%29~-_.%2B%3D%26%25%2F%3A%2C')
    assert.equal(uriEncode('é€😀'), '%C3%A9%E2%82%AC%F0%9F%98%80')
  })

  it('redacts the signature of an Authorization header', () => {
    assert.equal(
      redactAuthorization(
        'SNWS2 Credential=abc,SignedHeaders=host;x-sn-date,Signature=1a82e7da95969ac036dc4755f88b5e24dec032e416b9273dee14c6a73467ef5d',
      ),
      'SNWS2 Credential=abc,SignedHeaders=host;x-sn-date,Signature=<redacted>',
    )
  })
})
