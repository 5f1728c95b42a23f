#!/usr/bin/env node
import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'

// plugins, linked ones included, run their built JavaScript; s10k never transpiles TypeScript on the fly
globalThis.oclif = {...globalThis.oclif, enableAutoTranspile: false}

const bundle = new URL('../dist/bundle/s10k.cjs', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('s10k is not built: run `npm run build` first (in the s10k folder)\n')
  process.exit(1)
}
const cli = createRequire(import.meta.url)(bundle.pathname)
await cli.main(process.argv.slice(2), import.meta.url)
