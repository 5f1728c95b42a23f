import assert from 'node:assert/strict'
import {randomUUID} from 'node:crypto'
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
        const before = session.emulator.requests.length
        const result = await session.run([...how, ...args])
        for (const text of [result.stdout, result.stderr]) {
          assert.ok(!text.includes(CALLER.secret), 'secret printed')
          assert.ok(!text.includes(key), 'signing key printed')
          assert.doesNotMatch(text, /Signature=[0-9a-f]{64}/)
        }
        // and what it must print: the signed requests, redacted, in the trace; the warning for a secret given on the command line; the error for a bad value
        if (args.includes('bad')) {
          assert.equal(result.code, 2, result.stderr)
          assert.match(result.stderr, /^Invalid value for option '--node-id'/m)
        } else if (args[0] === '-n') {
          // a dry run shows the change it would have sent, unsigned
          assert.match(result.stdout, /^POST http:\/\/127\.0\.0\.1:\d+\/solaruser\/api\/v1\/sec\/user\/auth-tokens\/status\n/m)
        } else if (how[0] === '-v') {
          const authorization = new RegExp(`^> Authorization: SNWS2 Credential=${CALLER.tokenId},SignedHeaders=[a-z;-]+,Signature=<redacted>$`, 'm')
          assert.match(result.stderr, authorization)
          if (session.emulator.requests.length > before)
            assert.match(result.stderr, /^(GET|POST|PATCH|PUT|DELETE) http:\/\/127\.0\.0\.1:\d+\/\S+ -> \d{3} \(\d+ ms\)$/m)
        } else {
          assert.match(result.stderr, /^Warning: --secret on the command line can end up in shell history/m)
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

  it('-p before a command or topic name prompts for the secret', async () => {
    const result = await session.run(['-u', CALLER.tokenId, '-p', 'sec-tokens', 'list', '-id', KF, '-mode', 'CSV'], {input: `${CALLER.secret}\n`})
    assert.equal(result.code, 0, result.stderr)
    assert.match(result.stdout, new RegExp(`^Token ID,.*\r\n${KF},`))
  })

  it('a secret given on the command line is used, with a warning about shell history', async () => {
    const result = await session.run(['-u', CALLER.tokenId, `-p=${CALLER.secret}`, 'sec-tokens', 'list', '-id', KF])
    assert.equal(result.code, 0)
    assert.match(
      result.stderr,
      /^Warning: --secret on the command line can end up in shell history; prefer -p \(prompt\), SN_TOKEN_SECRET or a profile\n$/,
    )
  })

  it('keeps a secret given as --secret=X or -p=X out of an error that quotes the arguments, before the client exists', async () => {
    // secrets s10k has learned stay known for the rest of the process: each run here gives one never seen before
    for (const option of ['--secret', '-p']) {
      const secret = `${option}-${randomUUID()}`
      const result = await session.run(['-u', CALLER.tokenId, `${option}=${secret}`, 'sec-tokens', 'list', `--no-such=${secret}`])
      assert.deepEqual([result.code, result.stderr], [2, "Unknown option: '--no-such=****' (see: s10k sec-tokens list --help)\n"])
    }
  })

  it("redacts a new token's secret in traces but shows it in the output, once", async () => {
    const result = await session.run(['--http-trace', 'sec-tokens', 'create', '-t', 'ReadNodeData', '-mode', 'JSON'])
    const secret = (JSON.parse(result.stdout) as {authSecret: string}).authSecret
    assert.ok(secret.length >= 24)
    assert.ok(!result.stderr.includes(secret))
    assert.match(result.stderr, /"authSecret":"<redacted>"/)
  })
})
