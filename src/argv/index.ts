import {homedir} from 'node:os'

import {S10kError} from '../command/errors.js'
import {readFileText} from '../command/io.js'
import {expandArgumentFiles} from './argument-files.js'
import {type GlobalOption, hoistGlobalOptions} from './global-options.js'
import {resolvePluginPaths} from './plugin-paths.js'

/** An argument file's text, limited as standard input is; one that cannot be read is passed on literally. */
function readText(path: string): string | undefined {
  try {
    return readFileText(path, `Argument file @${path}`)
  } catch (error) {
    if (error instanceof S10kError) throw error
    return undefined
  }
}

/** The arguments with every `@file` replaced by its tokens (the secrets among them are then known). */
export function expandArgv(argv: readonly string[]): string[] {
  return expandArgumentFiles(argv, readText)
}

/**
 * What bin/run.cjs does before oclif sees the expanded arguments: move leading global options, and make the paths
 * given to `plugins install` absolute.
 */
export function prepareArgv(expanded: readonly string[], globals: readonly GlobalOption[]): string[] {
  return resolvePluginPaths(hoistGlobalOptions(expanded, globals), process.cwd(), homedir())
}
