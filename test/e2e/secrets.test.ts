import assert from 'node:assert/strict'
import {writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {after, before, describe, it} from 'node:test'

import {signingKey} from '../../src/auth/signer.js'
import {CALLER} from '../support/fixtures.js'
import {type Session, openSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'
const KF = 'kF67p6g30eUXQICUgzQf'

/** Every command and display mode, verbose and traced, and some failures: the secret must never show. */
const RUNS: string[][] = []
for (const mode of ['PRETTY', 'CSV', 'JSON']) {
  RUNS.push(['sec-tokens', 'list', '-mode', mode])
  RUNS.push(['sec-tokens', 'update', '-id', KF, '-n', 'x', '-node', '1', '-mode', mode])
  RUNS.push(['sec-tokens', 'create', '-t', 'User', '-n', 'new', '-mode', mode])
}
RUNS.push(['sec-tokens', 'delete', '-id', HN, '--yes'])
RUNS.push(['sec-tokens', 'delete', '-id', 'ZCv5FUjlTlIQGjigLhSW', '--yes'])
RUNS.push(['sec-tokens', 'update', '-id', 'ZCv5FUjlTlIQGjigLhSW', '-a'])
RUNS.push(['sec-tokens', 'update', '-id', KF, '-node', 'bad'])
RUNS.push(['-n', 'sec-tokens', 'update', '-id', KF, '-a'])

describe('secrets', () => {
  let session: Session
  before(async () => {
    session = await openSession()
  })
  after(async () => {
    await session.close()
  })

  const key = signingKey(CALLER.secret, new Date()).toString('hex')

  for (const args of RUNS) {
    for (const how of [
      ['-v', '--http-trace'],
      ['-u', CALLER.tokenId, `--secret=${CALLER.secret}`],
    ]) {
      it(`never prints the secret or signing key: ${[...how, ...args].join(' ').replace(CALLER.secret, '***')}`, async () => {
        const result = await session.run([...how, ...args])
        for (const text of [result.stdout, result.stderr]) {
          assert.ok(!text.includes(CALLER.secret), 'secret printed')
          assert.ok(!text.includes(key), 'signing key printed')
          assert.doesNotMatch(text, /Signature=[0-9a-f]{64}/)
        }
      })
    }
  }

  for (const args of [
    ['sec-tokens', 'list', '-p', CALLER.secret],
    ['-p', CALLER.secret, 'sec-tokens', 'list'],
    ['sec-tokens', 'list', '-u', CALLER.tokenId, '-p', CALLER.secret, '-mode', 'CSV'],
  ]) {
    it(`never echoes a secret typed after -p (which takes none): ${args.join(' ').replace(CALLER.secret, '***')}`, async () => {
      const result = await session.run(args)
      assert.equal(result.code, 2)
      assert.equal(
        result.stderr,
        'Unexpected argument after -p, not shown in case it is the secret: -p takes no value and prompts for the secret; to give it, use --secret=VALUE\n',
      )
    })
  }

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
      const result = await session.run(args, {env: {DEBUG: '*'}})
      assert.equal(result.code, 2)
      assert.ok(result.stderr.endsWith(REFUSED), result.stderr.slice(-500))
      assert.ok(!result.stderr.includes('wrongsecret') && !result.stderr.includes('wrong-secret') && !result.stderr.includes(CALLER.secret))
      assert.equal(session.emulator.requests.length, sent, 'nothing is sent')
    })
  }

  it('-p before a command or topic name prompts for the secret', async () => {
    const result = await session.run(['-u', CALLER.tokenId, '-p', 'sec-tokens', 'list', '-id', KF, '-mode', 'CSV'], {input: `${CALLER.secret}\n`})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`^Token ID,.*\r\n${KF},`))
  })

  it('keeps a secret written in an @argfile out of errors and DEBUG output: redaction follows the expansion', async () => {
    writeFileSync(join(session.home.path, 'args.txt'), `-u ${CALLER.tokenId} --secret=${CALLER.secret}\n`)
    writeFileSync(join(session.home.path, 'spaced.txt'), `--secret ${CALLER.secret} -u ${CALLER.tokenId} -id ${KF}\n`)
    for (const args of [
      ['@args.txt', 'sec-tokens', 'list'],
      ['sec-tokens', 'list', '@spaced.txt'],
    ]) {
      const result = await session.run(args, {env: {DEBUG: '*'}})
      assert.equal(result.code, 0, result.stderr.slice(-500))
      assert.ok(result.stderr.includes('oclif'), 'DEBUG output is on')
      assert.ok(!result.stderr.includes(CALLER.secret), 'the secret is in the DEBUG output')
    }
    // an error that quotes the arguments (an unknown option after the secret)
    const bad = await session.run(['sec-tokens', 'list', '@args.txt', `--no-such=${CALLER.secret}`])
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
      const result = await session.run(args, {env: {DEBUG: '*', ...env}})
      assert.equal(result.code, 0, result.stderr.slice(-500))
      assert.ok(result.stderr.includes('oclif'), 'DEBUG output is on')
      assert.ok(!result.stderr.includes(CALLER.secret), 'the secret is in the DEBUG output')
      assert.ok(!result.stderr.includes(key), 'the signing key is in the DEBUG output')
    }
  })

  it('a secret given on the command line is used, with a warning about shell history', async () => {
    const result = await session.run(['-u', CALLER.tokenId, `-p=${CALLER.secret}`, 'sec-tokens', 'list', '-id', KF])
    assert.equal(result.code, 0)
    assert.match(
      result.stderr,
      /^Warning: --secret on the command line can end up in shell history; prefer -p \(prompt\), SN_TOKEN_SECRET or a profile\n$/,
    )
  })

  it("redacts a new token's secret in traces but shows it in the output, once", async () => {
    const result = await session.run(['--http-trace', 'sec-tokens', 'create', '-t', 'ReadNodeData', '-mode', 'JSON'])
    const secret = (JSON.parse(result.stdout) as {authSecret: string}).authSecret
    assert.ok(secret.length >= 24)
    assert.ok(!result.stderr.includes(secret))
    assert.match(result.stderr, /"authSecret":"<redacted>"/)
  })
})
