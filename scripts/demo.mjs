#!/usr/bin/env node
// `npm run demo`: starts the SolarUser emulator with the seed page's example tokens and runs the page's three
// examples against it, in each display mode. Needs no SolarNetwork account.
import {spawnSync} from 'node:child_process'

import {cliEnv, emulatorHome, startEmulator} from './emulator.mjs'
import {envFor, supportedNodes} from './nodes.mjs'

const EXAMPLES = [
  [
    'Update the name and description of a token:',
    ['--identifier', 'hNAdH.aXHaEqFossMwT8', '--name', 'Student access', '--description', 'Allow access to school system data.'],
  ],
  [
    'Add policy restrictions, preserving existing restrictions:',
    ['--identifier', 'kF67p6g30eUXQICUgzQf', '--node-id', '107,164', '--source-id', '/REGION2/**'],
  ],
  [
    'Replace policy restrictions, discarding existing restrictions, with the --replace option:',
    ['--identifier', 'kF67p6g30eUXQICUgzQf', '--node-id', '107,164', '--source-id', '/REGION2/**', '--replace'],
  ],
]

const quote = (arg) => (/^[\w./,:=-]+$/.test(arg) ? arg : `'${arg}'`)

// s10k runs on the newest Node it is tested on (a devDependency), whatever Node runs this script
const node = supportedNodes().at(-1)
const emulator = await startEmulator()
const {path: home, remove} = emulatorHome(emulator.url)
let failed = false
try {
  console.log(`SolarUser emulator at ${emulator.url}; HOME=${home}\n`)
  for (const [title, args] of EXAMPLES) {
    console.log(title)
    for (const mode of ['PRETTY', 'CSV', 'JSON']) {
      const argv = ['sec-tokens', 'update', ...args, '--display-mode', mode]
      console.log(`\n$ s10k ${argv.map(quote).join(' ')}`)
      const run = spawnSync(node.bin, ['bin/run.cjs', ...argv], {env: envFor(node, cliEnv(home)), encoding: 'utf8'})
      process.stdout.write(run.stdout + (run.stdout.endsWith('\n') ? '' : '\n'))
      process.stderr.write(run.stderr)
      if (run.status !== 0) failed = true
    }
    console.log()
  }
} finally {
  emulator.stop()
  remove()
}
process.exit(failed ? 1 : 0)
