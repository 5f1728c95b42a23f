import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, rmdirSync} from 'node:fs'
import {createServer, type AddressInfo} from 'node:net'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {ROOT, runCli} from '../support/cli.js'
import {sandboxBanner} from '../support/sandbox.js'

const SANDBOX = ['--import', 'tsx', join(ROOT, 'scripts', 'sandbox.mjs'), '--datum-rows', '0']

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve()
    })
  })
  return port
}

/**
 * `npm run emulator` (scripts/sandbox.mjs) as a newcomer uses it: a second one on a busy port says so in one line
 * and writes nothing; another port gets its own HOME; its banner and data give what README and docs show.
 */
describe('npm run emulator', () => {
  it('on a port in use says so in one line with a hint, exit 1, and writes no HOME', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const {port} = busy.address() as AddressInfo
    const home = mkdtempSync(join(tmpdir(), 's10k-sandbox-'))
    try {
      const result = spawnSync(process.execPath, [...SANDBOX, '--port', String(port), '--home', home], {cwd: ROOT, encoding: 'utf8'})
      assert.deepEqual(
        [result.status, result.stdout, result.stderr],
        [
          1,
          '',
          `Cannot listen on 127.0.0.1:${port}: the port is in use, perhaps by another npm run emulator (stop it, or choose another port: npm run emulator -- --port N)\n`,
        ],
      )
      assert.equal(existsSync(join(home, '.s10k')), false)
    } finally {
      busy.close()
      rmSync(home, {recursive: true, force: true})
    }
  })

  it("with --port, uses a HOME of that port's own, lists every plugin's examples, and serves what the docs show", async () => {
    const port = await freePort()
    const home = join(ROOT, '.sandbox', `port-${port}`)
    const sandboxExisted = existsSync(join(ROOT, '.sandbox'))
    const shared = join(ROOT, '.sandbox', '.s10k', 'config')
    const before = existsSync(shared) ? readFileSync(shared, 'utf8') : undefined
    const child = spawn(process.execPath, [...SANDBOX, '--port', String(port)], {cwd: ROOT})
    try {
      const {banner: out} = await sandboxBanner(child)
      assert.ok(out.includes(`Its HOME for s10k: ${home} (`), out)
      for (const plugin of ['sec-tokens', 'nodes', 'datum']) assert.match(out, new RegExp(`run\\.cjs ${plugin} `), plugin)
      assert.equal(existsSync(shared) ? readFileSync(shared, 'utf8') : undefined, before, 'the default HOME is left as it was')

      const sources = await runCli(
        [
          'nodes',
          'sources',
          '--node-id',
          '101',
          '--instantaneous',
          'watts',
          '--accumulating',
          'wattHours',
          '--min-date',
          '2025-08-01',
          '-mode',
          'CSV',
        ],
        {home},
      )
      assert.deepEqual([sources.code, sources.stdout], [0, 'Node ID,Source ID\r\n101,con/1\r\n101,con/pcm\r\n101,gen/1\r\n'])
      const schedule = await runCli(['nodes', 'meta', 'csv-get', '--node-id', '101', '--path', '/pm/cpd/schedule', '-mode', 'CSV'], {home})
      assert.deepEqual([schedule.code, schedule.stdout], [0, 'Month,Day,Weekday,Time,cpdPeriodActive\r\n"Jan-Apr,Oct-Dec",,,,0\r\nMay-Sep,,,,1\r\n'])
    } finally {
      child.removeAllListeners('exit')
      child.kill('SIGKILL')
      rmSync(home, {recursive: true, force: true})
      // .sandbox/ too, if this test made it and nothing else has been put in it since
      if (!sandboxExisted && readdirSync(join(ROOT, '.sandbox')).length === 0) rmdirSync(join(ROOT, '.sandbox'))
    }
  })
})
