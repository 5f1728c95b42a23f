// The minimal oclif CLI the bench compares s10k's start-up with: one command, no plugins, built and loaded the
// same way as s10k (bench/floor-cli.mjs). What it costs is what any bundled oclif CLI costs.
import {Command, execute} from '@oclif/core'

class Hello extends Command {
  static summary = 'Say hello.'

  async run() {
    this.log('hello')
  }
}

export const COMMANDS = {hello: Hello}
export {execute}
