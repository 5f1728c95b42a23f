import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {Args, Errors, Flags, type Interfaces, Parser} from '@oclif/core'

import {checkOptionUses, toUsageError} from '../../../src/argv/parse-errors.js'
import {UsageError} from '../../../src/command/errors.js'

const flags = {
  identifier: Flags.string({aliases: ['id'], required: true}),
  name: Flags.string({char: 'n', charAliases: ['m']}),
  'node-id': Flags.string({aliases: ['node'], multiple: true}),
  active: Flags.boolean({char: 'a', exclusive: ['disabled']}),
  disabled: Flags.boolean({char: 'd', exclusive: ['active']}),
  type: Flags.string({char: 't', required: true}),
  'max-date': Flags.string({aliases: ['max']}),
  max: Flags.string({char: 'M'}),
}

/** The one line s10k gives for the error oclif's parser throws on `argv`. */
async function reason(argv: string[], options: {args?: Interfaces.ArgInput; strict?: boolean} = {}): Promise<string> {
  try {
    await Parser.parse(argv, {flags, args: options.args ?? {}, strict: options.strict ?? true})
  } catch (error) {
    const mapped = toUsageError(error, flags)
    assert.ok(mapped instanceof UsageError)
    return mapped.reason
  }
  throw new Error('oclif accepted the arguments')
}

describe("oclif's parse errors, read from their fields", () => {
  it('names unknown options as typed', async () => {
    assert.equal(await reason(['--bogus', '-x', '--id', 'X', '-t', 'User']), "Unknown option: '--bogus', '-x'")
  })

  it('names unexpected arguments', async () => {
    assert.equal(await reason(['--identifier', 'X', '-t', 'User', 'extra']), 'Unexpected argument: extra')
    assert.equal(await reason(['--identifier', 'X', '-t', 'User', 'a', 'b']), 'Unexpected arguments: a, b')
  })

  it('names missing arguments', async () => {
    assert.equal(
      await reason(['--identifier', 'X', '-t', 'User'], {args: {content: Args.string({required: true})}}),
      'Missing required argument: <content>',
    )
  })

  it('names missing options and exclusive pairs with their picocli names, sorted and once each', async () => {
    assert.equal(await reason(['-t', 'User']), 'Missing required option: --identifier (-id)')
    assert.equal(
      await reason(['-a', '-d']),
      '--active (-a) and --disabled (-d) are mutually exclusive (specify only one); Missing required option: --identifier (-id); Missing required option: --type (-t)',
    )
  })

  it("gives any other error in oclif's words, on one line", () => {
    assert.equal(toUsageError(new Errors.CLIError('First line\n  second line\nSee more help with --help'), flags).reason, 'First line second line')
    const own = new UsageError('already one line')
    assert.equal(toUsageError(own, flags), own)
  })
})

describe('options given twice or without a value', () => {
  const check =
    (...argv: string[]) =>
    () => {
      checkOptionUses(argv, flags)
    }

  it('refuses a single-value option given twice, by any of its names', () => {
    assert.throws(check('--identifier', 'X', '--id=Y'), {message: 'Option --identifier (-id) can only be given once'})
    assert.doesNotThrow(check('--node-id', '1', '--node', '2'))
    // a long name before another option's alias, as oclif looks them up
    assert.doesNotThrow(check('--max-date', '2025-08-22', '--max', '1'))
  })

  it('refuses an option with nothing after it, or with another option where its value goes', () => {
    const missing = 'Missing value for option --name (-n, -m) (attach a value that starts with - with =, as in --name=-x)'
    assert.throws(check('--identifier', 'X', '--name'), {message: missing})
    assert.throws(check('--name', '-a'), {message: missing})
    assert.throws(check('--name', '--id'), {message: missing})
  })

  it('takes a value that names no option, an attached value, and anything after --', () => {
    assert.doesNotThrow(check('--name', '-5', '--identifier', '--other', '--type=-a'))
    assert.doesNotThrow(check('--name', 'x', '--', '--name'))
  })
})
