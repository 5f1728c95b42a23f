import assert from 'node:assert/strict'
import {readFileSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, it} from 'node:test'

import {ROOT} from '../support/cli.js'
import {useSession} from '../support/session.js'

const pjson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string}

describe('the command line as users type it', () => {
  const session = useSession()

  it('s10k version prints the version alone', async () => {
    const result = await session.run(['version'])
    assert.deepEqual([result.code, result.stdout, result.stderr], [0, `${pjson.version}\n`, ''])
  })

  it('s10k version with an option it does not take says so in one line, exit 2, also from an @file', async () => {
    const result = await session.run(['version', '--bogus'])
    assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', "Unknown option: '--bogus' (see: s10k version --help)\n"])
    writeFileSync(join(session.home.path, 'vargs'), 'version\n')
    const fromFile = await session.run(['@vargs', '--bogus'])
    assert.deepEqual([fromFile.code, fromFile.stdout, fromFile.stderr], [2, '', "Unknown option: '--bogus' (see: s10k version --help)\n"])
  })

  for (const [typed, message] of [
    [['sec-tokens', 'updte'], 'Unknown command: sec-tokens updte. Did you mean sec-tokens update? (see: s10k --help)\n'],
    [['sec-tokens:updte'], 'Unknown command: sec-tokens updte. Did you mean sec-tokens update? (see: s10k --help)\n'],
    [['secc-tokens', 'list'], 'Unknown command: secc-tokens list. Did you mean sec-tokens list? (see: s10k --help)\n'],
    [['frobnicate'], 'Unknown command: frobnicate. (see: s10k --help)\n'],
  ] as const) {
    it(`suggests the closest command for ${typed.join(' ')}, in one line, exit 2`, async () => {
      const result = await session.run(typed)
      assert.deepEqual([result.code, result.stdout, result.stderr], [2, '', message])
    })
  }

  it('s10k --help lists the global options and the exit codes', async () => {
    const result = await session.run(['--help'])
    assert.equal(result.code, 0)
    const text = result.stdout
    for (const option of [
      '-P, --profile=<name>',
      '-u, --token=<tokenId>',
      '-p, --secret=<secret>',
      '-n, --dry-run',
      '-v, --verbose',
      '--http-trace',
      '--pretty',
    ]) {
      assert.ok(text.includes(option), option)
    }
    assert.match(text, /\nEXIT CODES\n {2}0 {6}success\n {2}1 {6}a request failed/)
    assert.match(text, /\n {2}128\+N {2}stopped by signal N: 130 for Ctrl-C/)
  })

  it("lists a command's options in the handbook's order, with the allowed values of enum options", async () => {
    const result = await session.run(['sec-tokens', 'update', '--help'])
    const flags = result.stdout.slice(result.stdout.indexOf('FLAGS\n'), result.stdout.indexOf('GLOBAL FLAGS'))
    const order = [...flags.matchAll(/^ {2}(-[\w-]+|--[\w-]+)/gm)].map((m) => m[1])
    assert.deepEqual(order, [
      '-a',
      '-A',
      '-agg',
      '--aggregation',
      '-d',
      '-D',
      '-exp',
      '-id',
      '-loc',
      '--location-precision',
      '-n',
      '-N',
      '-node',
      '-r',
      '-R',
      '-source',
      '-t',
      '-tz',
      '-U',
      '-mode',
    ])
    assert.match(
      result.stdout.replace(/\s+/g, ' '),
      /--aggregation=aggregation\[,aggregation\.\.\.\]\.\.\. an aggregation to restrict access to one of None, Minute, .* RunningTotal/,
    )
    assert.match(
      result.stdout.replace(/\s+/g, ' '),
      /-loc, --min-location-precision=precision a minimum location precision to restrict access to one of LatLong, Block/,
    )
    assert.match(result.stdout.replace(/\s+/g, ' '), /one of CSV, JSON, or PRETTY; defaults to PRETTY/)
  })

  it('ends JSON with a newline when piped, compact, and pretty with --pretty (before or after the command)', async () => {
    const compact = await session.run(['sec-tokens', 'list', '-id', 'a09sjds09wu9wjsd9uy2', '-mode', 'JSON'])
    assert.match(compact.stdout, /^\[\{"id":"a09sjds09wu9wjsd9uy2",.*\}\]\n$/)
    for (const args of [
      ['sec-tokens', 'list', '-id', 'a09sjds09wu9wjsd9uy2', '-mode', 'JSON', '--pretty'],
      ['--pretty', 'sec-tokens', 'list', '-id', 'a09sjds09wu9wjsd9uy2', '-mode', 'JSON'],
    ]) {
      const pretty = await session.run(args)
      assert.equal(pretty.code, 0, pretty.stderr)
      assert.match(pretty.stdout, /^\[\n\{\n {2}"id" : "a09sjds09wu9wjsd9uy2",\n/)
      assert.ok(pretty.stdout.endsWith('}\n]\n'))
    }
  })
})
