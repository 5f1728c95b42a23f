import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {MAX_DEPTH, expandArgumentFiles, tokenizeArgumentFile} from '../../../src/argv/argument-files.js'
import {hoistGlobalOptions} from '../../../src/argv/global-options.js'
import {GLOBAL_OPTIONS} from '../../../src/flags/flags.js'
import {type FlagShape, rewritePicocliOptions} from '../../../src/argv/picocli.js'

const UPDATE_FLAGS: Record<string, FlagShape> = {
  identifier: {type: 'option', aliases: ['id']},
  name: {type: 'option', char: 'n', charAliases: ['m']},
  description: {type: 'option', char: 'D'},
  active: {type: 'boolean', char: 'a'},
  disabled: {type: 'boolean', char: 'd'},
  'node-id': {type: 'option', aliases: ['node']},
  'source-id': {type: 'option', aliases: ['source']},
  'node-metadata-path': {type: 'option', char: 'N'},
  'min-aggregation': {type: 'option', aliases: ['agg']},
  'expiration-date': {type: 'option', aliases: ['exp']},
  'time-zone': {type: 'option', aliases: ['tz']},
  'refresh-allowed': {type: 'boolean', char: 'r'},
  replace: {type: 'boolean', char: 'R'},
  type: {type: 'option', char: 't'},
  'display-mode': {type: 'option', aliases: ['mode']},
  secret: {type: 'option'},
  'prompt-secret': {type: 'boolean'},
  verbose: {type: 'boolean', char: 'v'},
}

const rewrite = (...argv: string[]) => rewritePicocliOptions(argv, UPDATE_FLAGS)

describe('picocli option rewriting', () => {
  it('turns picocli names into long options, with = or a separate value', () => {
    assert.deepEqual(rewrite('-id=X', '-node', '1,2', '-mode=JSON', '-tz', 'UTC'), [
      '--identifier=X',
      '--node-id',
      '1,2',
      '--display-mode=JSON',
      '--time-zone',
      'UTC',
    ])
    assert.deepEqual(rewrite('-agg=Hour', '-exp', '2020-10-30', '-source=/a/**'), [
      '--min-aggregation=Hour',
      '--expiration-date',
      '2020-10-30',
      '--source-id=/a/**',
    ])
  })

  it('prefers a multi-letter name over a cluster of single letters', () => {
    // -node is --node-id, not -n with the value "ode"
    assert.deepEqual(rewrite('-node', '5'), ['--node-id', '5'])
  })

  it('handles single letters with = and attached values, and clusters of switches', () => {
    assert.deepEqual(rewrite('-n=Name', '-D', 'desc', '-m', 'alias'), ['--name=Name', '--description', 'desc', '--name', 'alias'])
    assert.deepEqual(rewrite('-rR'), ['--refresh-allowed', '--replace'])
    assert.deepEqual(rewrite('-rNpath'), ['--refresh-allowed', '--node-metadata-path=path'])
  })

  it('never alters long options or option values', () => {
    assert.deepEqual(rewrite('--name', '-id=x', '--description=-node', '--identifier', '-a'), [
      '--name',
      '-id=x',
      '--description=-node',
      '--identifier',
      '-a',
    ])
    assert.deepEqual(rewrite('-n', '-rR', '-D', '-node'), ['--name', '-rR', '--description', '-node'])
  })

  it('leaves unknown options, negative numbers and everything after -- alone', () => {
    assert.deepEqual(rewrite('-bogus', '-x=1', '-5', '--', '-id=X'), ['-bogus', '-x=1', '-5', '--', '-id=X'])
  })

  it('makes a bare -p prompt for the secret', () => {
    assert.deepEqual(rewrite('-p', '-id', 'X'), ['--prompt-secret', '--identifier', 'X'])
    assert.deepEqual(rewrite('-p=s3cr=t', '-a'), ['--secret=s3cr=t', '--active'])
  })
})

describe('global options before the command', () => {
  it('moves them after the command in long form', () => {
    assert.deepEqual(hoistGlobalOptions(['-P', 'home', '-n', 'sec-tokens', 'update', '-n', 'x'], GLOBAL_OPTIONS), [
      'sec-tokens',
      'update',
      '-n',
      'x',
      '--profile=home',
      '--dry-run',
    ])
    assert.deepEqual(hoistGlobalOptions(['--profile=dev', '-u', 'tok', '-v', '--http-trace', 'sec-tokens', 'update'], GLOBAL_OPTIONS), [
      'sec-tokens',
      'update',
      '--profile=dev',
      '--token=tok',
      '--verbose',
      '--http-trace',
    ])
  })

  it('treats -p alone as a prompt and -p=VALUE as the secret', () => {
    assert.deepEqual(hoistGlobalOptions(['-u', 't', '-p', 'sec-tokens', 'update'], GLOBAL_OPTIONS), [
      'sec-tokens',
      'update',
      '--token=t',
      '--prompt-secret',
    ])
    assert.deepEqual(hoistGlobalOptions(['-p=s3cr=t', 'sec-tokens'], GLOBAL_OPTIONS), ['sec-tokens', '--secret=s3cr=t'])
    assert.deepEqual(hoistGlobalOptions(['--secret', 'x y', 'sec-tokens'], GLOBAL_OPTIONS), ['sec-tokens', '--secret=x y'])
  })

  it('expands clusters of switches such as -nv', () => {
    assert.deepEqual(hoistGlobalOptions(['-nv', 'sec-tokens', 'update'], GLOBAL_OPTIONS), ['sec-tokens', 'update', '--dry-run', '--verbose'])
  })

  it('handles version, help and no command', () => {
    assert.deepEqual(hoistGlobalOptions(['-V'], GLOBAL_OPTIONS), ['--version'])
    assert.deepEqual(hoistGlobalOptions(['-v', '-V', 'sec-tokens'], GLOBAL_OPTIONS), ['--version'])
    assert.deepEqual(hoistGlobalOptions(['-h', 'sec-tokens', 'update'], GLOBAL_OPTIONS), ['sec-tokens', 'update', '--help'])
    assert.deepEqual(hoistGlobalOptions(['-P', 'x'], GLOBAL_OPTIONS), ['--help'])
  })

  it('leaves arguments alone when no global option comes first', () => {
    assert.deepEqual(hoistGlobalOptions(['sec-tokens', 'update', '-P', 'x'], GLOBAL_OPTIONS), ['sec-tokens', 'update', '-P', 'x'])
    assert.deepEqual(hoistGlobalOptions(['-x', 'sec-tokens'], GLOBAL_OPTIONS), ['-x', 'sec-tokens'])
  })

  it('keeps -- last', () => {
    assert.deepEqual(hoistGlobalOptions(['-n', 'cmd', '--', '-a'], GLOBAL_OPTIONS), ['cmd', '--dry-run', '--', '-a'])
  })
})

describe('argument files', () => {
  const files: Record<string, string> = {
    'args.txt': '--identifier X # the token\n--name "Student access"\n@more.txt\n',
    'more.txt': "--description 'It''s fine' -node 1,2\n#--replace\n",
    'loop.txt': '@loop.txt -a',
  }
  const read = (path: string) => files[path]

  it('tokenizes with quotes and comments', () => {
    assert.deepEqual(tokenizeArgumentFile('a "b c" \'d e\' f#comment\ng # h\n"#not a comment"'), ['a', 'b c', 'd e', 'f', 'g', '#not a comment'])
  })

  it('expands nested files in place', () => {
    assert.deepEqual(expandArgumentFiles(['sec-tokens', 'update', '@args.txt', '-a'], read), [
      'sec-tokens',
      'update',
      '--identifier',
      'X',
      '--name',
      'Student access',
      '--description',
      'Its fine',
      '-node',
      '1,2',
      '-a',
    ])
  })

  it('takes @@x on the command line as the literal argument @x, as picocli does', () => {
    assert.deepEqual(expandArgumentFiles(['save', '@@args.txt', '@@'], read), ['save', '@args.txt', '@'])
  })

  it('passes a missing file on literally', () => {
    assert.deepEqual(expandArgumentFiles(['@missing.txt', '@'], read), ['@missing.txt', '@'])
  })

  it('refuses a file that includes itself, directly or through another', () => {
    assert.throws(() => expandArgumentFiles(['@loop.txt'], read), {name: 'UsageError', message: '@loop.txt includes itself: @loop.txt -> @loop.txt'})
    const pair = {'a.txt': '-a @b.txt', 'b.txt': '@a.txt'}
    assert.throws(() => expandArgumentFiles(['x', '@a.txt'], (p) => pair[p as keyof typeof pair]), {
      name: 'UsageError',
      message: '@a.txt includes itself: @a.txt -> @b.txt -> @a.txt',
    })
    // the same file twice side by side is not a cycle
    assert.deepEqual(expandArgumentFiles(['@more.txt', '@more.txt'], read).length, 8)
  })

  it(`refuses nesting deeper than ${MAX_DEPTH} files`, () => {
    const chain = (p: string) => {
      const n = Number(/^f(\d+)$/.exec(p)?.[1])
      return Number.isNaN(n) ? undefined : `-a @f${n + 1}`
    }
    assert.equal(expandArgumentFiles(['@f1'], (p) => (p === `f${MAX_DEPTH}` ? '-a' : chain(p))).length, MAX_DEPTH)
    assert.throws(() => expandArgumentFiles(['@f1'], chain), {
      name: 'UsageError',
      message: `@f${MAX_DEPTH + 1}: argument files nest more than ${MAX_DEPTH} deep (from @f1)`,
    })
  })

  it('expands a file of 100,000 options without recursing', () => {
    const big = Array.from({length: 100_000}, (_, i) => `-node ${i}`).join('\n')
    const out = expandArgumentFiles(['update', '@big.txt'], (p) => (p === 'big.txt' ? big : undefined))
    assert.equal(out.length, 200_001)
    assert.equal(out.at(-1), '99999')
  })

  it('does not expand after --', () => {
    assert.deepEqual(expandArgumentFiles(['--', '@args.txt'], read), ['--', '@args.txt'])
  })
})
