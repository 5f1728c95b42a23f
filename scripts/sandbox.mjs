#!/usr/bin/env node
// `npm run emulator [-- --port N] [-- --home DIR]`: the SolarUser emulator in the foreground, seeded with the
// handbook page's example tokens, and a HOME (default .sandbox/ in this folder, kept between runs) whose
// ~/.s10k files point s10k at it. Prints what to paste into another terminal; Ctrl-C stops it.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {SolarUserEmulator} from '../test/support/emulator.ts'
import {CALLER, exampleTokens} from '../test/support/fixtures.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const {values} = parseArgs({options: {port: {type: 'string', default: '9081'}, home: {type: 'string', default: join(ROOT, '.sandbox')}}})

const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be a port number, not ${values.port}\n`)
  process.exit(2)
}
const home = resolve(values.home)
// the first line of the files it writes: a file without it is someone's own, never overwritten
const MARK = '# written by npm run emulator (scripts/sandbox.mjs), which rewrites this file on each start\n'
// the default HOME is the script's own, written by earlier versions without the mark
const ownHome = home === resolve(ROOT, '.sandbox')
const files = ['config', 'credentials'].map((name) => join(home, '.s10k', name))
for (const file of files) {
  if (ownHome || !existsSync(file) || readFileSync(file, 'utf8').startsWith(MARK)) continue
  process.stderr.write(`${file} exists and was not written by npm run emulator; not overwriting it (choose another --home)\n`)
  process.exit(2)
}
const emulator = new SolarUserEmulator(exampleTokens())
let url
try {
  url = await emulator.start(port)
} catch (error) {
  process.stderr.write(`Cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message} (choose another with: npm run emulator -- --port N)\n`)
  process.exit(1)
}
mkdirSync(join(home, '.s10k'), {recursive: true, mode: 0o700})
writeFileSync(files[0], `${MARK}[service-urls]\nsolaruser = "${url}"\nsolarquery = "${url}"\n`, {mode: 0o600})
writeFileSync(files[1], `${MARK}sn_token_id = "${CALLER.tokenId}"\nsn_token_secret = "${CALLER.secret}"\n`, {mode: 0o600})

const bin = join(ROOT, 'bin', 'run.cjs')
process.stdout.write(
  [
    `SolarUser emulator at ${url}, with the handbook's example tokens (they reset when it restarts).`,
    `Its HOME for s10k: ${home} (~/.s10k/config points at the emulator; ~/.s10k/credentials holds`,
    `the examples' token ${CALLER.tokenId}, which the emulator accepts, and its secret).`,
    '',
    'In another terminal (or with s10k instead of the path, once it is installed):',
    '',
    `  HOME='${home}' ${bin} sec-tokens list`,
    `  HOME='${home}' ${bin} sec-tokens update -id kF67p6g30eUXQICUgzQf -node 107,164 -source '/REGION2/**'`,
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
