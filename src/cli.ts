/**
 * The CLI's own wiring, for bin/run.js and the root package's oclif configuration: argv pre-processing, the
 * core hooks and the help class. Plugins import index.ts (`s10k`), never this.
 */
import {prepareArgv as prepareWith} from './argv/index.js'
import {GLOBAL_OPTIONS} from './flags.js'

export * from './index.js'
export {execute} from '@oclif/core'
export {default as preparseHook} from './hooks/preparse.js'
export {default as pluginsPreinstallHook} from './hooks/plugins-preinstall.js'
export {S10kHelp} from './help.js'

/** Expands `@files` and moves global options written before the command to after it. */
export function prepareArgv(argv: readonly string[]): string[] {
  return prepareWith(argv, GLOBAL_OPTIONS)
}
