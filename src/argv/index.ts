import {readFileSync} from 'node:fs'

import {expandArgumentFiles} from './argument-files.js'
import {type GlobalOption, hoistGlobalOptions} from './global-options.js'

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** What bin/run.js does before oclif sees the arguments: expand `@files`, then move leading global options. */
export function prepareArgv(argv: readonly string[], globals: readonly GlobalOption[]): string[] {
  return hoistGlobalOptions(expandArgumentFiles(argv, readText), globals)
}
