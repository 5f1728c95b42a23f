#!/usr/bin/env node
import {execute, prepareArgv} from '../dist/bundle/s10k.js'

await execute({args: prepareArgv(process.argv.slice(2)), dir: import.meta.url})
