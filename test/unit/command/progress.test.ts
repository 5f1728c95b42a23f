import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {RequestError, S10kError} from '../../../src/command/errors.js'
import {ChangeProgress} from '../../../src/command/progress.js'

const ok = async () => 'done'
const failWith = (error: Error) => async (): Promise<never> => {
  throw error
}
const lost = () => new RequestError('No answer from https://x/y: connection reset', {method: 'POST', url: 'https://x/y', maybeApplied: true})

describe('change progress', () => {
  it('names what was applied and what was not when a later change fails', async () => {
    const progress = new ChangeProgress()
    progress.plan(['a', 'b', 'c'])
    assert.equal(await progress.step('a', ok), 'done')
    await progress.step('b', ok)
    await assert.rejects(progress.step('c', failWith(new S10kError('Refused.', 2))), (error: S10kError) => {
      assert.equal(error.message, 'Refused. Applied: a, b. Not applied: c.')
      assert.equal(error.exitCode, 2)
      return true
    })
  })

  it('keeps the message of a first change that certainly failed, and passes other errors on as they are', async () => {
    const progress = new ChangeProgress()
    progress.plan(['a', 'b'])
    const refused = new S10kError('Refused.')
    await assert.rejects(progress.step('a', failWith(refused)), (error) => error === refused)
    const bug = new TypeError('bug')
    progress.plan(['a', 'b'])
    await progress.step('a', ok)
    await assert.rejects(progress.step('b', failWith(bug)), (error) => error === bug)
  })

  it('says a change whose answer was lost may have been applied', async () => {
    const progress = new ChangeProgress()
    progress.plan(['a', 'b', 'c'])
    await assert.rejects(progress.step('a', failWith(lost())), {
      message: 'No answer from https://x/y: connection reset. May have been applied: a. Not applied: b, c.',
    })
    progress.plan(['a', 'b', 'c'])
    await progress.step('a', ok)
    await assert.rejects(progress.step('b', failWith(lost())), {
      message: 'No answer from https://x/y: connection reset. Applied: a. May have been applied: b. Not applied: c.',
    })
  })

  it('adds changes that were not planned, and refuses one out of the planned order', async () => {
    const progress = new ChangeProgress()
    await progress.step('x', ok)
    await assert.rejects(progress.step('y', failWith(new S10kError('Failed.'))), {message: 'Failed. Applied: x. Not applied: y.'})
    progress.plan(['a', 'b'])
    await assert.rejects(progress.step('b', ok), {message: 'change "b" is not the next planned one ("a")'})
  })

  it('names every change applied when only the read-back or the output fails', async () => {
    const progress = new ChangeProgress()
    progress.plan(['a', 'b'])
    const unread = new S10kError('Cannot write the output (EPIPE): closed', 1)
    assert.equal(progress.afterChanges(unread), unread)
    await progress.step('a', ok)
    await progress.step('b', ok)
    assert.equal(
      (progress.afterChanges(unread) as Error).message,
      'Applied: a, b; the result could not be shown: Cannot write the output (EPIPE): closed',
    )
    await assert.rejects(progress.readBack(failWith(new S10kError('HTTP 500.'))), {
      message: 'Applied: a, b; the result could not be shown: HTTP 500.',
    })
    assert.equal(await progress.readBack(ok), 'done')
  })

  it('says for an interrupt what was applied, what is being sent and what was not', async () => {
    const progress = new ChangeProgress()
    assert.equal(progress.interrupted(), '')
    progress.plan(['a', 'b', 'c'])
    assert.equal(progress.interrupted(), 'Nothing was changed.')
    assert.equal(progress.started, false)
    await progress.step('a', ok)
    let during = ''
    await progress.step('b', async () => {
      during = progress.interrupted()
    })
    assert.equal(during, 'Applied: a. May have been applied: b. Not applied: c.')
    assert.equal(progress.interrupted(), 'Applied: a, b. Not applied: c.')
    assert.equal(progress.started, true)
  })
})
