#!/usr/bin/env node
import {createRequire} from 'node:module'

const {loadBundle} = createRequire(import.meta.url)('./load-bundle.cjs')
const {execute, prepareArgv} = loadBundle()

await execute({args: prepareArgv(process.argv.slice(2)), dir: import.meta.url})
