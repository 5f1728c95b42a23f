// Starts the SolarUser emulator in its own process and gives back its URL (used by the demo and the benchmark).
import {spawn} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

export const CALLER = {tokenId: 'a09sjds09wu9wjsd9uy2', secret: 'pqwe9pl2kj3ljk5z0aoitnaemdl'}

export function startEmulator({tokens = 0} = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/emulator-main.ts', '--tokens', String(tokens)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.on('error', reject)
    child.on('exit', (code) => reject(new Error(`emulator exited with code ${code}`)))
    child.stdout.setEncoding('utf8').on('data', (data) => {
      out += data
      const match = /EMULATOR_URL=(\S+)/.exec(out)
      if (match) {
        child.removeAllListeners('exit')
        resolve({url: match[1], stop: () => child.kill('SIGTERM')})
      }
    })
  })
}

/** A throwaway HOME whose ~/.s10k points at the emulator with the example credentials. */
export function emulatorHome(url) {
  const home = mkdtempSync(join(tmpdir(), 's10k-demo-'))
  mkdirSync(join(home, '.s10k'))
  writeFileSync(join(home, '.s10k', 'config'), `[service-urls]\nsolaruser = "${url}"\n`)
  writeFileSync(join(home, '.s10k', 'credentials'), `sn_token_id = "${CALLER.tokenId}"\nsn_token_secret = "${CALLER.secret}"\n`, {mode: 0o600})
  return {home, remove: () => rmSync(home, {recursive: true, force: true})}
}

/** The environment a run of bin/run.js gets: that HOME, and oclif's data dirs inside it. */
export function cliEnv(home) {
  return {
    ...process.env,
    HOME: home,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    SN_TOKEN_ID: '',
    SN_TOKEN_SECRET: '',
  }
}
