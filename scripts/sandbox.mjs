#!/usr/bin/env node
// `npm run emulator [-- --port N] [-- --home DIR] [-- --datum-rows N]`: the SolarUser and SolarQuery emulator in
// the foreground, seeded with the handbook's example tokens, nodes and datum streams (the generated stream
// bulk/1 with N rows, 1,000,000 by default), and a HOME (default .sandbox/ in this folder, .sandbox/port-N/ for
// another port; kept between runs) whose ~/.s10k files point s10k at it. Prints what to paste into another terminal; Ctrl-C stops it.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {supportedNodes} from './nodes.mjs'

import {SolarUserEmulator} from '../test/support/emulator.ts'
import {exampleStreams} from '../test/support/datum-fixtures.ts'
import {CALLER, exampleTokens} from '../test/support/fixtures.ts'
import {sandboxNodes} from '../test/support/nodes-fixtures.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const DEFAULT_PORT = 9081
const {values} = parseArgs({
  options: {
    port: {type: 'string', default: String(DEFAULT_PORT)},
    home: {type: 'string'},
    'datum-rows': {type: 'string', default: '1000000'},
  },
})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number, not ${values.port}\n`)
  process.exit(2)
}
const rows = Number(values['datum-rows'])
if (!Number.isSafeInteger(rows) || rows < 0) {
  process.stderr.write(`--datum-rows must be a number of rows, not ${values['datum-rows']}\n`)
  process.exit(2)
}
// another port gets a HOME of its own, so that the default one never points at an emulator that was stopped
const home = resolve(values.home ?? (port === DEFAULT_PORT ? join(ROOT, '.sandbox') : join(ROOT, '.sandbox', `port-${port}`)))
// the first line of the files it writes: a file without it is someone's own, never overwritten
const MARK = '# written by npm run emulator (scripts/sandbox.mjs), which rewrites this file on each start\n'
// the default HOME is the script's own, written by earlier versions without the mark
const ownHome = values.home === undefined
const files = ['config', 'credentials'].map((name) => join(home, '.s10k', name))
for (const file of files) {
  if (ownHome || !existsSync(file) || readFileSync(file, 'utf8').startsWith(MARK)) continue
  process.stderr.write(`${file} exists and was not written by npm run emulator; not overwriting it (choose another --home)\n`)
  process.exit(2)
}
const emulator = new SolarUserEmulator(exampleTokens(), sandboxNodes(), exampleStreams(rows))
let url
try {
  url = await emulator.start(port)
} catch (error) {
  const reason = error.code === 'EADDRINUSE' ? 'the port is in use, perhaps by another npm run emulator' : (error.code ?? error.message)
  process.stderr.write(`Cannot listen on 127.0.0.1:${port}: ${reason} (stop it, or choose another port: npm run emulator -- --port N)\n`)
  process.exit(1)
}
mkdirSync(join(home, '.s10k'), {recursive: true, mode: 0o700})
writeFileSync(files[0], `${MARK}[service-urls]\nsolaruser = "${url}"\nsolarquery = "${url}"\n`, {mode: 0o600})
writeFileSync(files[1], `${MARK}sn_token_id = "${CALLER.tokenId}"\nsn_token_secret = "${CALLER.secret}"\n`, {mode: 0o600})

// on a Node older than s10k needs (this machine's own, say), the commands name the newest one npm ci brought
const [major, minor] = process.versions.node.split('.').map(Number)
const runner = major > 22 || (major === 22 && minor >= 12) ? '' : `'${supportedNodes().at(-1).bin}' `
const bin = runner + join(ROOT, 'bin', 'run.cjs')
process.stdout.write(
  [
    `SolarUser emulator at ${url}, with the handbook's example tokens, nodes and datum streams (SolarQuery`,
    `too; they reset when it restarts), and a generated stream bulk/1 of ${rows.toLocaleString('en-US')} rows.`,
    `Its HOME for s10k: ${home} (~/.s10k/config points at the emulator; ~/.s10k/credentials holds`,
    `the examples' token ${CALLER.tokenId}, which the emulator accepts, and its secret).`,
    '',
    'In another terminal (or with s10k instead of the path, once it is installed):',
    '',
    `  HOME='${home}' ${bin} sec-tokens list`,
    `  HOME='${home}' ${bin} sec-tokens update -id kF67p6g30eUXQICUgzQf -node 107,164 -source '/REGION2/**'`,
    `  HOME='${home}' ${bin} nodes list`,
    `  HOME='${home}' ${bin} nodes sources --node-id 101 --instantaneous watts --accumulating wattHours --min-date 2025-08-01`,
    `  HOME='${home}' ${bin} nodes meta csv-get --node-id 101 --path /pm/cpd/schedule`,
    `  HOME='${home}' TZ=Pacific/Auckland ${bin} datum list --node-id 101 --source-id con/1 --min-date 2025-08-21 --max-date 2025-08-22 --aggregation Hour`,
    `  HOME='${home}' ${bin} datum stream list --node-id 101`,
    `  HOME='${home}' ${bin} datum list -stream 99999999-0000-4000-8000-000000000001 -mode CSV > bulk.csv`,
    '',
    'Ctrl-C stops the emulator.',
    '',
  ].join('\n'),
)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void emulator.stop().then(() => {
      process.stdout.write('Emulator stopped.\n')
      process.exit(0)
    })
  })
}
