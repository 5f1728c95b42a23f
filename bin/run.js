#!/usr/bin/env node
import {execute} from '@oclif/core'

import {prepareArgv} from '../dist/argv/index.js'

await execute({args: prepareArgv(process.argv.slice(2)), dir: import.meta.url})
