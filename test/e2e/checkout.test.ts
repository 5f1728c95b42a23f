import assert from 'node:assert/strict'
import {spawn, spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {BIN, ROOT, cliEnv, runCli} from '../support/cli.js'
import {sandboxBanner} from '../support/sandbox.js'

describe('a checkout', () => {
  it('run before a build says to build first, in one line, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 's10k-unbuilt-'))
    try {
      mkdirSync(join(dir, 'bin'))
      copyFileSync(BIN, join(dir, 'bin', 'run.cjs'))
      const result = spawnSync(process.execPath, [join(dir, 'bin', 'run.cjs'), '--help'], {encoding: 'utf8', env: cliEnv(dir)})
      assert.deepEqual([result.status, result.stdout, result.stderr], [1, '', 's10k is not built: run `npm run build` first (in the s10k folder)\n'])
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('npm run emulator serves the handbook tokens in the foreground, says how to use it, and stops on Ctrl-C', async () => {
    const home = mkdtempSync(join(tmpdir(), 's10k-sandbox-'))
    // its own process group, which Ctrl-C at a terminal signals as a whole
    const child = spawn('npm', ['run', '--silent', 'emulator', '--', '--port', '0', '--home', home], {
      cwd: ROOT,
      env: {...process.env},
      detached: true,
    })
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid) process.kill(-child.pid, signal)
      } catch {
        // already gone
      }
    }
    try {
      const {banner: out, written} = await sandboxBanner(child)
      assert.match(out, /^SolarUser emulator at http:\/\/127\.0\.0\.1:\d+, with the handbook's example tokens/)
      const example = new RegExp(`  HOME='${home}' \\S+/bin/run\\.cjs sec-tokens list\\n`)
      assert.match(out, example)
      const list = await runCli(['sec-tokens', 'list', '-mode', 'CSV'], {home})
      assert.equal(list.code, 0, list.stderr)
      assert.match(list.stdout, /\r\nkF67p6g30eUXQICUgzQf,2025-09-29T04:23:20\.302917Z,123,User,Active,Reporting: region 1,/)
      // it rewrites its own files on the next start, but never a HOME's own credentials or config
      const ownFiles = readFileSync(join(home, '.s10k', 'credentials'), 'utf8')
      assert.match(ownFiles, /^# written by npm run emulator/)
      for (const name of ['credentials', 'config']) {
        const other = mkdtempSync(join(tmpdir(), 's10k-sandbox-'))
        try {
          mkdirSync(join(other, '.s10k'))
          writeFileSync(join(other, '.s10k', name), 'mine = "keep"\n')
          const second = spawnSync('npm', ['run', '--silent', 'emulator', '--', '--port', '0', '--home', other], {
            cwd: ROOT,
            encoding: 'utf8',
            timeout: 15_000,
          })
          assert.equal(second.status, 2, second.stdout)
          assert.equal(
            second.stderr,
            `${join(other, '.s10k', name)} exists and was not written by npm run emulator; not overwriting it (choose another --home)\n`,
          )
          assert.equal(readFileSync(join(other, '.s10k', name), 'utf8'), 'mine = "keep"\n')
        } finally {
          rmSync(other, {recursive: true, force: true})
        }
      }
      child.removeAllListeners('exit')
      // the output ends when the emulator (npm's child, which writes to it directly) has exited
      const ended = new Promise<void>((resolve) => child.stdout.on('end', resolve))
      signalGroup('SIGINT')
      await ended
      assert.ok(written().endsWith('Emulator stopped.\n'), written())
    } finally {
      signalGroup('SIGKILL')
      rmSync(home, {recursive: true, force: true})
    }
  })
})
