import {Command} from '@oclif/core'

/** `s10k version`: the version alone, as the Java tool prints it (`--version` gives oclif's longer line). */
export default class Version extends Command {
  static override summary = 'Show the version of s10k.'

  static override description = 'Prints the version number alone, such as 0.1.0, as the Java tool does; --version adds the platform and Node version.'

  static output = 'The version number and a newline, such as `0.1.0`.'

  static override examples = [
    {description: 'Show the version number:', command: '<%= config.bin %> <%= command.id %>'},
    {description: 'Show the version with the platform and Node version:', command: '<%= config.bin %> --version'},
  ]

  async run(): Promise<void> {
    await this.parse(Version)
    this.log(this.config.version)
  }
}
