#!/usr/bin/env node
import {createRequire} from 'node:module'

// plugins, linked ones included, run their built JavaScript; s10k never transpiles TypeScript on the fly
globalThis.oclif = {...globalThis.oclif, enableAutoTranspile: false}

const {loadBundle} = createRequire(import.meta.url)('./load-bundle.cjs')
const {execute, prepareArgv} = loadBundle()

await execute({args: prepareArgv(process.argv.slice(2)), dir: import.meta.url})
