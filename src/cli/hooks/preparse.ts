import type {Hook} from '@oclif/core'

import {COMMAND_PASSES} from '../../argv/pipeline.js'

const [picocliNames] = COMMAND_PASSES

/**
 * Lets every command take picocli-style options (`-id=X`, `-node 1,2`) for the names it declares, including
 * plugin commands written on oclif's own Command. S10kCommand.parse runs every command pass before this (it must,
 * to mark values attached with `=` first); the rewrite leaves long forms as they are, so it changes nothing then.
 */
const hook: Hook.Preparse = async function ({argv, options}) {
  return picocliNames.run(argv, options.flags ?? {})
}

export default hook
