import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {REDACTED, redact, redactStderr, registerSecret} from '../../../src/auth/secrets.js'

// the set of secrets lives as long as the process, which other test files share: values no test output contains
const SECRET = 'unit-secret-Qx7!vZ'
const OTHER = 'unit-other-$&-Wk2'

describe('secrets redaction', () => {
  it('replaces every occurrence of every registered secret', () => {
    registerSecret(SECRET)
    registerSecret(OTHER)
    assert.equal(redact(`a ${SECRET} b ${SECRET}\n${OTHER}`), `a ${REDACTED} b ${REDACTED}\n${REDACTED}`)
    assert.equal(REDACTED, '****')
  })

  it('leaves text without a secret as it is, and ignores values too short to be secrets', () => {
    registerSecret(undefined)
    registerSecret('Qx~')
    assert.equal(redact('nothing Qx~ here'), 'nothing Qx~ here')
  })

  it('redacts strings and bytes written to a stream, passing the rest of the call on', () => {
    const written: unknown[][] = []
    const stream = {
      write(...args: unknown[]) {
        written.push(args)
        return true
      },
    } as unknown as NodeJS.WriteStream
    registerSecret(SECRET)
    redactStderr(stream)
    const done = () => {}
    stream.write(`secret=${SECRET}\n`, 'utf8', done)
    stream.write(new TextEncoder().encode(`[${SECRET}]`))
    assert.deepEqual(written, [[`secret=${REDACTED}\n`, 'utf8', done], [`[${REDACTED}]`]])
  })
})
