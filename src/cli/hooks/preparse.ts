import type {Hook} from '@oclif/core'

import {rewritePicocliOptions} from '../../argv/picocli.js'

/**
 * Lets every command take picocli-style options (`-id=X`, `-node 1,2`) for the names it declares, including
 * plugin commands written on oclif's own Command. S10kCommand.parse rewrites before this (it must, to mark
 * values attached with `=` first); the rewrite leaves long forms as they are, so the second pass changes nothing.
 */
const hook: Hook.Preparse = async function ({argv, options}) {
  return rewritePicocliOptions(argv, options.flags ?? {})
}

export default hook
