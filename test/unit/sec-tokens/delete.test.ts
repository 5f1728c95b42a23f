import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import SecTokensDelete from '../../../plugins/sec-tokens/src/commands/sec-tokens/delete.js'
import {cliEnv} from '../../support/cli.js'
import {runInProcess, testIO, useProcessEnv} from '../../support/in-process.js'
import {useSession} from '../../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'
const API = '/solaruser/api/v1/sec/user/auth-tokens'

describe('sec-tokens delete, terminal or not (in-process terminal)', () => {
  const session = useSession()
  useProcessEnv(() => cliEnv(session.home.path))

  it('asks at a terminal and deletes when the ID is typed back', async () => {
    const io = testIO({stdinIsTerminal: true, answers: [` ${HN} `]})
    const result = await runInProcess(SecTokensDelete, ['-id', HN], io)
    assert.equal(result.code, 0, result.err)
    assert.deepEqual(io.asked, [`Delete security token ${HN} (ReadNodeData token)? Type the token ID to confirm: `])
    assert.equal(result.out, 'Security token deleted.\n')
    assert.equal(session.emulator.tokens.has(HN), false)
  })

  it('deletes nothing when another ID is typed', async () => {
    const result = await runInProcess(SecTokensDelete, ['-id', HN], testIO({stdinIsTerminal: true, answers: ['something else']}))
    assert.equal(result.code, 1)
    assert.equal(result.err, 'The ID typed does not match; nothing was deleted.\n')
    assert.deepEqual(session.received(), [`GET ${API}/find?identifiers=${HN}`])
  })

  it('refuses without a terminal before sending anything, unless --yes is given', async () => {
    const refused = await runInProcess(SecTokensDelete, ['-id', HN], testIO())
    assert.equal(refused.code, 2)
    assert.match(refused.err, /^Not deleting without confirmation: pass --yes \(-y\) when not running at a terminal/)
    assert.deepEqual(session.emulator.requests, [])
    const io = testIO()
    const yes = await runInProcess(SecTokensDelete, ['-id', HN, '-y'], io)
    assert.equal(yes.code, 0, yes.err)
    assert.deepEqual(io.asked, [])
    assert.equal(session.emulator.tokens.has(HN), false)
  })
})
