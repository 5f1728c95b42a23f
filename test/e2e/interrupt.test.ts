import assert from 'node:assert/strict'
import {spawn} from 'node:child_process'
import {describe, it} from 'node:test'

import {BIN, cliEnv} from '../support/cli.js'
import {useSession} from '../support/session.js'

const HN = 'hNAdH.aXHaEqFossMwT8'

describe('Ctrl-C', () => {
  const session = useSession()

  /** Starts s10k, sends SIGINT once the emulator has received a request to `path`, and waits for the exit. */
  async function interruptAt(args: string[], path: string) {
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
    child.kill('SIGINT')
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
})
