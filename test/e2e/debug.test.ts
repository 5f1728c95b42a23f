import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {signingKey} from '../../src/auth/signer.js'
import {CALLER} from '../support/fixtures.js'
import {type Session, openSession} from '../support/session.js'

const KF = 'kF67p6g30eUXQICUgzQf'

/** oclif's DEBUG output is set up when a process starts: these runs are spawned. */
describe('secrets in DEBUG output (spawned)', () => {
  let session: Session
  before(async () => {
    session = await openSession()
  })
  after(async () => {
    await session.close()
  })

  const key = signingKey(CALLER.secret, new Date()).toString('hex')

  const REFUSED =
    'Unexpected argument after -p, not shown in case it is the secret: -p takes no value and prompts for the secret; to give it, use --secret=VALUE\n'
  // a secret of lower-case letters and hyphens reads like a command or topic name, wherever it is written
  for (const [args, file] of [
    [['-u', CALLER.tokenId, '-p', 'wrongsecret', 'sec-tokens', 'list'], undefined],
    [['-p', 'wrong-secret-value', 'sec-tokens', 'list'], undefined],
    [['sec-tokens', 'list', '-u', CALLER.tokenId, '-p', 'wrongsecret'], undefined],
    [['@args.txt', 'sec-tokens', 'list'], `-u ${CALLER.tokenId} -p wrongsecret`],
    [['sec-tokens', 'list', '@args.txt'], `-p ${CALLER.secret}`],
    [['@args.txt', 'sec-tokens', 'list'], `-p "${CALLER.secret}"`],
  ] as const) {
    const shown = `${args.join(' ')}${file ? ` (args.txt: ${file})` : ''}`.replaceAll(CALLER.secret, '***')
    it(`never echoes a value typed after -p, whatever it looks like and wherever it is written: ${shown}`, async () => {
      if (file) writeFileSync(join(session.home.path, 'args.txt'), file)
      const sent = session.emulator.requests.length
      const result = await session.spawn(args, {env: {DEBUG: '*'}})
      assert.equal(result.code, 2)
      assert.ok(result.stderr.endsWith(REFUSED), result.stderr.slice(-500))
      assert.ok(!result.stderr.includes('wrongsecret') && !result.stderr.includes('wrong-secret') && !result.stderr.includes(CALLER.secret))
      assert.equal(session.emulator.requests.length, sent, 'nothing is sent')
    })
  }
  it('keeps a secret written in an @argfile out of errors and DEBUG output: redaction follows the expansion', async () => {
    writeFileSync(join(session.home.path, 'args.txt'), `-u ${CALLER.tokenId} --secret=${CALLER.secret}\n`)
    writeFileSync(join(session.home.path, 'spaced.txt'), `--secret ${CALLER.secret} -u ${CALLER.tokenId} -id ${KF}\n`)
    for (const args of [
      ['@args.txt', 'sec-tokens', 'list'],
      ['sec-tokens', 'list', '@spaced.txt'],
    ]) {
      const result = await session.spawn(args, {env: {DEBUG: '*'}})
      assert.equal(result.code, 0, result.stderr.slice(-500))
      assert.ok(result.stderr.includes('oclif'), 'DEBUG output is on')
      assert.ok(!result.stderr.includes(CALLER.secret), 'the secret is in the DEBUG output')
    }
    // an error that quotes the arguments (an unknown option after the secret)
    const bad = await session.spawn(['sec-tokens', 'list', '@args.txt', `--no-such=${CALLER.secret}`])
    assert.equal(bad.code, 2)
    assert.ok(!bad.stderr.includes(CALLER.secret), bad.stderr)
  })

  it('keeps the secret out of DEBUG output too, wherever it came from', async () => {
    for (const [args, env] of [
      [['sec-tokens', 'list', '-u', CALLER.tokenId, `--secret=${CALLER.secret}`], {}],
      [['sec-tokens', 'list', '--secret', CALLER.secret, '-u', CALLER.tokenId], {}],
      [['sec-tokens', 'list'], {SN_TOKEN_ID: CALLER.tokenId, SN_TOKEN_SECRET: CALLER.secret}],
      [['sec-tokens', 'list'], {}],
    ] as const) {
      const result = await session.spawn(args, {env: {DEBUG: '*', ...env}})
      assert.equal(result.code, 0, result.stderr.slice(-500))
      assert.ok(result.stderr.includes('oclif'), 'DEBUG output is on')
      assert.ok(!result.stderr.includes(CALLER.secret), 'the secret is in the DEBUG output')
      assert.ok(!result.stderr.includes(key), 'the signing key is in the DEBUG output')
    }
  })
})
