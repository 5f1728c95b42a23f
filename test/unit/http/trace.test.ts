import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {redactAuthorization, redactBody} from '../../../src/http/trace.js'

describe('--http-trace redaction', () => {
  it('hides the value of every member named like a secret, whichever plugin asked for it', () => {
    assert.equal(redactBody('{"id":"T","authSecret":"abc\\"def"}'), '{"id":"T","authSecret":"<redacted>"}')
    assert.equal(redactBody('{"secret" : "s1","nested":{"tokenSecret":"s2"}}'), '{"secret" : "<redacted>","nested":{"tokenSecret":"<redacted>"}}')
  })

  it('reads member names as JSON means them, escapes and all, and hides a secret of any scalar value', () => {
    assert.equal(
      redactBody('{"auth\\u0053ecret":"HUNTER2","authSecre\\u0074" : "X"}'),
      '{"auth\\u0053ecret":"<redacted>","authSecre\\u0074" : "<redacted>"}',
    )
    assert.equal(redactBody('{"secret":12345,"SECRET":true,"n":1}'), '{"secret":"<redacted>","SECRET":"<redacted>","n":1}')
  })

  it('leaves other members, and values that merely mention a secret, as they are', () => {
    const body = '{"name":"my secret","secrets":"x","note":"secret"}'
    assert.equal(redactBody(body), body)
  })

  it('hides the signature of an Authorization header', () => {
    assert.equal(
      redactAuthorization('SNWS2 Credential=T,SignedHeaders=host,Signature=0a1B'),
      'SNWS2 Credential=T,SignedHeaders=host,Signature=<redacted>',
    )
  })
})
