import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'node:test'

import {BIN, cliEnv} from '../support/cli.js'
import {useSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'

describe('Ctrl-C', () => {
  const session = useSession()

  /** Starts s10k, sends SIGINT once the emulator has received a request to `path`, and waits for the exit. */
  async function interruptAt(args: string[], path: string, signal: NodeJS.Signals = 'SIGINT') {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: cliEnv(session.home.path),
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => {
        resolve(code)
      }),
    )
    const deadline = Date.now() + 15_000
    while (!session.emulator.requests.some((r) => r.path.endsWith(path))) {
      if (Date.now() > deadline) throw new Error(`no request to ${path}: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    child.kill(signal)
    return {code: await exited, stdout, stderr}
  }

  it('exits 130 saying which changes may already have been applied', async () => {
    session.emulator.inject({path: '/status', action: 'hang'})
    const result = await interruptAt(['sec-tokens', 'update', '-id', HN, '-n', 'N', '-D', 'D', '-a', '-node', '1'], '/status')
    assert.equal(result.code, 130)
    assert.equal(result.stdout, '')
    assert.equal(result.stderr, '\nInterrupted. Applied: name and description. May have been applied: status Active. Not applied: policy merged.\n')
    assert.equal(session.emulator.tokens.get(HN)?.name, 'N')
  })

  it('says nothing was changed when interrupted while reading', async () => {
    session.emulator.inject({path: '/find', action: 'hang'})
    const result = await interruptAt(['sec-tokens', 'update', '-id', HN, '-n', 'N'], '/find')
    assert.equal(result.code, 130)
    assert.equal(result.stderr, '\nInterrupted. Nothing was changed.\n')
  })

  it('treats SIGTERM and SIGHUP like Ctrl-C, exiting 128 + the signal number', async () => {
    session.emulator.inject({path: '/status', action: 'hang', times: 2})
    const term = await interruptAt(['sec-tokens', 'update', '-id', HN, '-a', '-node', '1'], '/status', 'SIGTERM')
    assert.equal(term.code, 143)
    assert.equal(term.stderr, '\nTerminated. May have been applied: status Active. Not applied: policy merged.\n')
    session.emulator.requests.length = 0
    const hup = await interruptAt(['sec-tokens', 'update', '-id', HN, '-a'], '/status', 'SIGHUP')
    assert.equal(hup.code, 129)
    assert.equal(hup.stderr, '\nHung up. May have been applied: status Active.\n')
  })

  it('still gives the new token and its secret when stopped while naming it', async () => {
    session.emulator.inject({path: '/info', action: 'hang'})
    const result = await interruptAt(['sec-tokens', 'create', '-t', 'User', '-n', 'Named'], '/info', 'SIGTERM')
    assert.equal(result.code, 143)
    const created = [...session.emulator.tokens.values()].find((t) => t.name === undefined && t.userId === 123 && t.id !== HN && t.created > '2026')
    assert.ok(created?.secret, 'a token was generated')
    assert.equal(
      result.stderr,
      `\nTerminated. Applied: token created. May have been applied: name and description.\n` +
        `Store the token secret now: it cannot be shown again.\nToken ID: ${created.id}\nToken secret: ${created.secret}\n`,
    )
  })
})
