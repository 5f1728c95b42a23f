import assert from 'node:assert/strict'
import {readFileSync, readdirSync} from 'node:fs'
import {join} from 'node:path'
import {format} from 'node:util'
import {describe, it} from 'node:test'

import {S10kHelp} from '../../../src/cli/help.js'
import {ROOT} from '../../support/cli.js'
import {cliConfig} from '../../support/in-process.js'

/** S10kHelp with what it prints kept, instead of written to stdout. */
class CapturedHelp extends S10kHelp {
  out = ''
  override log(...args: string[]): void {
    this.out += `${format(...args)}\n`
  }
}

/** The commands' help goldens (`s10k <id> --help`, checked against the CLI by test/e2e/help.test.ts); topics have no options. */
const GOLDEN = join(ROOT, 'test', 'fixtures', 'help')
const commands = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.txt') && !f.startsWith('topic-') && !['root.txt', 'help.txt'].includes(f))
  .map((f) => f.slice(0, -'.txt'.length))

describe('s10k help COMMAND', () => {
  for (const name of commands) {
    const words = name.split(':')
    it(`s10k help ${words.join(' ')} prints what ${[...words, '--help'].join(' ')} prints`, async () => {
      const expected = readFileSync(join(GOLDEN, `${name}.txt`), 'utf8')
        .replace('{{platform}}', `${process.platform}-${process.arch}`)
        .replace('{{node}}', process.version)
      // as @oclif/plugin-help's help command builds it: without the package's help options
      const help = new CapturedHelp(await cliConfig(), {all: false})
      await help.showHelp(words)
      assert.equal(help.out, expected)
    })
  }
})
