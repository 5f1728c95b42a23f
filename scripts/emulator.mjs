// Starts the SolarUser emulator in its own process and gives back its URL (used by the demo and the benchmark,
// which run under tsx and share the tests' support code).
import {spawn} from 'node:child_process'

export {CALLER} from '../test/support/fixtures.ts'
export {cliEnv, emulatorHome} from '../test/support/cli.ts'

export function startEmulator({tokens = 0, datumRows = 0} = {}) {
  const args = ['--tokens', String(tokens), '--datum-rows', String(datumRows)]
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/emulator-main.ts', ...args], {
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
