import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import fc from 'fast-check'

import {expandArgumentFiles} from '../../../src/argv/argument-files.js'
import {prepareArgv} from '../../../src/cli/index.js'
import {GLOBAL_OPTIONS} from '../../../src/flags/flags.js'
import {runInProcess, testIO} from '../../support/in-process.js'
import {hoistGlobalOptions} from '../../../src/argv/global-options.js'
import {type FlagShape, rewritePicocliOptions} from '../../../src/argv/picocli.js'

const FLAGS: Record<string, FlagShape> = {
  identifier: {type: 'option', aliases: ['id']},
  name: {type: 'option', char: 'n', charAliases: ['m']},
  description: {type: 'option', char: 'D'},
  active: {type: 'boolean', char: 'a'},
  'node-id': {type: 'option', aliases: ['node']},
  'display-mode': {type: 'option', aliases: ['mode']},
  replace: {type: 'boolean', char: 'R'},
}

/** Any text, including `=`, `,`, spaces, unicode and leading dashes. */
const value = fc.oneof(
  fc.string({unit: 'grapheme', maxLength: 20}),
  fc.string({unit: fc.constantFrom('-', '=', ',', ' ', '@', '#', '"', "'", 'n', 'o', 'd', 'e', 'é', '😀'), maxLength: 12}),
)

describe('argv pipeline properties', () => {
  it('never alters long options or their values', () => {
    const longOption = fc.oneof(
      fc.tuple(fc.constantFrom('--identifier', '--name', '--description', '--node-id', '--display-mode'), value).map(([o, v]) => [o, v]),
      fc.tuple(fc.constantFrom('--identifier', '--name', '--node-id'), value).map(([o, v]) => [`${o}=${v}`]),
      fc.constantFrom(['--active'], ['--replace']),
    )
    fc.assert(
      fc.property(fc.array(longOption, {maxLength: 6}), (parts) => {
        const argv = parts.flat()
        assert.deepEqual(rewritePicocliOptions(argv, FLAGS), argv)
      }),
    )
  })

  it('keeps the value of a picocli-style option exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['id', 'identifier'], ['node', 'node-id'], ['mode', 'display-mode'], ['n', 'name'], ['m', 'name'], ['D', 'description']),
        value,
        ([short, long], v) => {
          assert.deepEqual(rewritePicocliOptions([`-${short}=${v}`], FLAGS), [`--${long}=${v}`])
          assert.deepEqual(rewritePicocliOptions([`-${short}`, v, '-a'], FLAGS), [`--${long}`, v, '--active'])
        },
      ),
    )
  })

  it('moves global options after the command with their values intact', () => {
    const global = fc.oneof(
      fc.tuple(fc.constantFrom(['-P', 'profile'], ['-u', 'token'], ['--profile', 'profile'], ['--token', 'token']), value).map(([[o, long], v]) => ({
        given: [o, v],
        long: `--${long}=${v}`,
      })),
      value.map((v) => ({given: [`-p=${v}`], long: `--secret=${v}`})),
      fc.constantFrom({given: ['-n'], long: '--dry-run'}, {given: ['-v'], long: '--verbose'}, {given: ['--http-trace'], long: '--http-trace'}),
    )
    const rest = fc.array(value, {maxLength: 5})
    fc.assert(
      fc.property(fc.array(global, {minLength: 1, maxLength: 5}), rest, (globals, args) => {
        const argv = [...globals.flatMap((g) => g.given), 'sec-tokens', 'update', ...args.filter((a) => a !== '--')]
        const command = ['sec-tokens', 'update', ...args.filter((a) => a !== '--')]
        assert.deepEqual(hoistGlobalOptions(argv, GLOBAL_OPTIONS), [...command, ...globals.map((g) => g.long)])
      }),
    )
  })

  it('reads back any arguments written quoted into an argument file, among comments', () => {
    const quote = (token: string) => `"${token.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`
    const gap = fc.constantFrom(' ', '\n', '\t', '  # a comment\n', ' #\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(value, gap), {maxLength: 8}), (pairs) => {
        const text = pairs.map(([token, space]) => quote(token) + space).join('')
        const read = (path: string) => (path === 'main.args' ? text : undefined)
        assert.deepEqual(expandArgumentFiles(['before', '@main.args', 'after'], read), ['before', ...pairs.map(([t]) => t), 'after'])
      }),
    )
  })
})

describe('argv through the CLI parser', () => {
  it('delivers any value attached with = to the command intact', async () => {
    const {default: SecTokensUpdate} = await import('../../../plugins/sec-tokens/src/commands/sec-tokens/update.js')
    let parsed: {name?: string; description?: string; identifier?: string} = {}
    class Probe extends SecTokensUpdate {
      override async run(): Promise<undefined> {
        parsed = (await this.parse(SecTokensUpdate)).flags
        return undefined
      }
    }
    await fc.assert(
      fc.asyncProperty(value, value, fc.constantFrom('-n=', '--name=', '-m='), async (name, description, nameOption) => {
        const argv = await prepareArgv(['-id=X', `${nameOption}${name}`, `-D=${description}`])
        const result = await runInProcess(Probe, argv, testIO())
        assert.equal(result.code, 0, result.err)
        assert.equal(parsed.name, name)
        assert.equal(parsed.description, description)
        assert.equal(parsed.identifier, 'X')
      }),
      {numRuns: 60},
    )
  })
})
