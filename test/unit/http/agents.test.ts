import assert from 'node:assert/strict'
import type {Socket} from 'node:net'
import {describe, it} from 'node:test'

import {DEFAULT_HTTP} from '../../../src/auth/config.js'
import {createAgents} from '../../../src/http/agents.js'
import {CONNECT_TIMEOUT, toRequestError} from '../../../src/http/errors.js'

describe('connect timeout', () => {
  // without the timeout the lookup never answers and no error comes: the test's own timeout fails it (no wall-clock
  // assertion, which a loaded machine would break)
  it('destroys a connection that does not complete in time, and names the setting', {timeout: 20_000}, async () => {
    const {httpAgent} = createAgents(100)
    // a host name whose lookup never answers: the connection stays pending, and nothing is sent anywhere
    const socket = (httpAgent as unknown as {createConnection: (options: object) => Socket}).createConnection({
      host: 'never-resolves.invalid',
      port: 9,
      lookup: () => undefined,
    })
    const error = await new Promise<Error>((resolve) => socket.once('error', resolve))
    assert.equal((error as NodeJS.ErrnoException).code, CONNECT_TIMEOUT)
    const message = toRequestError(error, 'POST', 'http://never-resolves.invalid:9/solaruser/x?tokenId=1', {...DEFAULT_HTTP, connectTimeoutMs: 100})
    assert.equal(
      message.reason,
      'No connection to http://never-resolves.invalid:9/solaruser/x within 0.1 s (connect-timeout under [http] in ~/.s10k/config)',
    )
    assert.equal(message.maybeApplied, false, 'a request that never connected was not sent')
  })
})
