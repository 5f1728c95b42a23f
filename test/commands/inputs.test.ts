import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {useSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'

/** Bad input: one line on stderr, exit 2, and not one request. */
describe('inputs that are refused before anything is sent', () => {
  const session = useSession()

  async function refused(args: string[], message: RegExp): Promise<void> {
    const result = await session.run(args)
    assert.equal(result.code, 2, result.stderr)
    assert.equal(result.stdout, '')
    assert.equal(result.stderr.trimEnd().split('\n').length, 1, result.stderr)
    assert.match(result.stderr, message)
    assert.deepEqual(session.received(), [])
  }

  for (const command of [
    ['sec-tokens', 'delete', '--yes'],
    ['sec-tokens', 'update', '-a'],
  ]) {
    const name = command.slice(0, 2).join(' ')
    it(`${name}: one token per -id (a list, a space or nothing is refused)`, async () => {
      await refused([...command, `-id=${HN},kF67p6g30eUXQICUgzQf`], /--identifier': one token ID at a time, but '.*' is a list/)
      await refused([...command, '-id', `${HN} x`], /--identifier': a token ID has no spaces/)
      await refused([...command, '-id='], /--identifier': a token ID is needed, not an empty value/)
    })
  }

  it('an argument file or @@file that never ends (/dev/zero) is refused in one line at 64 MB, like standard input', async () => {
    await refused(['@/dev/zero', 'sec-tokens', 'list'], /^Argument file @\/dev\/zero is larger than 64 MB, s10k's limit\n$/)
    await refused(
      ['nodes', 'meta', 'csv-set', '-node', '101', '--path', '/m/x', '@@/dev/zero'],
      /^The CSV file \/dev\/zero is larger than 64 MB, s10k's limit/,
    )
  })

  it('an empty item in any list option is refused; a trailing comma is accepted, as the Java tool does', async () => {
    await refused(['nodes', 'meta', 'list', '-node', '1,,2'], /^Invalid value for option '--node-id': '1,,2' has an empty item/)
    await refused(['nodes', 'sources', '-source', 'a,,b'], /^Invalid value for option '--source-id': 'a,,b' has an empty item/)
    await refused(['sec-tokens', 'list', '-id', 'a, ,b'], /^Invalid value for option '--identifier': 'a, ,b' has an empty item/)
    await refused(['sec-tokens', 'create', '-t', 'User', '-node', ',101'], /^Invalid value for option '--node-id': ',101' has an empty item/)
    const trailing = await session.run(['nodes', 'meta', 'list', '-node', '101,', '-mode', 'CSV'])
    assert.equal(trailing.code, 0, trailing.stderr)
    assert.match(session.received().at(-1) ?? '', /nodeIds=101$/)
  })

  it('list: an empty -id= is refused, not taken as no filter', async () => {
    await refused(['sec-tokens', 'list', '-id='], /--identifier': a list of values is needed/)
  })

  it('an expiration date in the past is refused (years taken literally)', async () => {
    await refused(
      ['sec-tokens', 'update', '-id', HN, '-exp', '2020-10-30', '-tz', 'UTC'],
      /--expiration-date': 2020-10-30T00:00:00\.000Z is in the past/,
    )
    await refused(['sec-tokens', 'create', '-t', 'User', '-exp', '0099-06-01'], /--expiration-date': 0099-06-01T.* is in the past/)
  })

  it('@files: a file that includes itself, or nesting too deep, is one usage error', async () => {
    const dir = session.home.path
    writeFileSync(join(dir, 'a.args'), '-a @b.args\n')
    writeFileSync(join(dir, 'b.args'), '@a.args\n')
    await refused(['sec-tokens', 'update', '-id', HN, '@a.args'], /^@a\.args includes itself: @a\.args -> @b\.args -> @a\.args\n$/)
    for (let i = 0; i < 20; i++) writeFileSync(join(dir, `n${i}.args`), `@n${i + 1}.args`)
    await refused(['sec-tokens', 'update', '-id', HN, '@n0.args'], /argument files nest more than 16 deep/)
  })

  it('@files: 100,000 options in one file are read without running out of stack', async () => {
    const dir = session.home.path
    writeFileSync(join(dir, 'big.args'), Array.from({length: 100_000}, (_, i) => `-node ${i + 1}`).join('\n'))
    const result = await session.run(['sec-tokens', 'update', '-id', HN, '@big.args', '--dry-run'])
    assert.equal(result.code, 0, result.stderr.slice(0, 500))
    assert.match(result.stdout, /nodeIds.*,100000\]/)
  })
})
