import {readFileSync} from 'node:fs'
import {homedir} from 'node:os'

import {expandArgumentFiles} from './argument-files.js'
import {type GlobalOption, hoistGlobalOptions} from './global-options.js'
import {resolvePluginPaths} from './plugin-paths.js'

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * What bin/run.cjs does before oclif sees the arguments: expand `@files`, move leading global options, and make
 * the paths given to `plugins install` absolute.
 */
export function prepareArgv(argv: readonly string[], globals: readonly GlobalOption[]): string[] {
  return resolvePluginPaths(hoistGlobalOptions(expandArgumentFiles(argv, readText), globals), process.cwd(), homedir())
}
