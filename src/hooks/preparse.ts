import type {Hook} from '@oclif/core'

import {rewritePicocliOptions} from '../argv/picocli.js'

/** Lets every command take picocli-style options (`-id=X`, `-node 1,2`) for the names it declares. */
const hook: Hook.Preparse = async function ({argv, options}) {
  return rewritePicocliOptions(argv, options.flags ?? {})
}

export default hook
