import assert from 'node:assert/strict'
import {describe, it} from 'node:test'

import {
  REDACTED,
  redact,
  redactStderr,
  refuseValueAfterPrompt,
  registerSecret,
  secretFromOptions,
  secretLongForm,
  secretsInArgv,
} from '../../../src/auth/secrets.js'
import type {IOStreams} from '../../../src/command/io.js'

describe('the secret in the arguments', () => {
  it('takes -p alone, and a last --secret, for a prompt; -p=X for --secret=X', () => {
    assert.equal(secretLongForm('-p'), '--prompt-secret')
    assert.equal(secretLongForm('-p=a=b'), '--secret=a=b')
    assert.equal(secretLongForm('--secret', true), '--prompt-secret')
    assert.equal(secretLongForm('--secret'), undefined)
    assert.equal(secretLongForm('-P'), undefined)
  })

  it('finds the values given as secrets, up to --', () => {
    assert.deepEqual(secretsInArgv(['--secret', 'one', '--secret=two', '-p=three', '-p', 'x', '--', '--secret=four']), ['one', 'two', 'three'])
  })

  it('refuses a value after -p without showing it, and registers it', async () => {
    const never = async () => {
      throw new Error('not asked')
    }
    await assert.rejects(refuseValueAfterPrompt(['-p', 'slip-value-1', 'sec-tokens', 'list'], 2, never), (error: Error) => {
      assert.match(error.message, /^Unexpected argument after -p, not shown in case it is the secret: .* use --secret=VALUE$/)
      assert.doesNotMatch(error.message, /slip-value-1/)
      return true
    })
    assert.equal(redact('x slip-value-1 y'), `x ${REDACTED} y`)
  })

  it('lets -p prompt when the word after it is the command', async () => {
    const asked: string[] = []
    const names = async ([word]: readonly string[]) => {
      asked.push(word)
      return word === 'sec-tokens'
    }
    await refuseValueAfterPrompt(['-p', 'sec-tokens', 'list'], 1, names)
    await assert.rejects(refuseValueAfterPrompt(['-p', 'nosuchcommand', 'list'], 1, names), /after -p/)
    // a value that cannot be a command word is refused without asking
    await assert.rejects(refuseValueAfterPrompt(['-p', 'Secret/With+Chars', 'list'], 1, names), /after -p/)
    assert.deepEqual(asked, ['sec-tokens', 'nosuchcommand'])
    await refuseValueAfterPrompt(['-p', '--', 'x'], 3, names)
  })
})

describe('reading the secret', () => {
  const io = (answer: string): IOStreams & {prompts: string[]} => {
    const prompts: string[] = []
    return {
      prompts,
      writeOut: async () => {},
      writeErr: () => {},
      stdinIsTerminal: true,
      stdoutIsTerminal: true,
      ask: async () => '',
      readSecret: async (prompt) => {
        prompts.push(prompt)
        return answer
      },
      readInput: async () => '',
    }
  }

  it('asks for it after -p, and warns about --secret on the command line', async () => {
    const terminal = io('typed')
    const warnings: string[] = []
    assert.equal(await secretFromOptions({'prompt-secret': true}, terminal, (m) => warnings.push(m)), 'typed')
    assert.deepEqual(terminal.prompts, ['Enter value for --secret (the SolarNetwork API token secret): '])
    assert.equal(warnings.length, 0)
    assert.equal(await secretFromOptions({secret: 'given'}, terminal, (m) => warnings.push(m)), 'given')
    assert.match(warnings[0], /^--secret on the command line can end up in shell history/)
    assert.equal(await secretFromOptions({}, io('x'), (m) => warnings.push(m)), undefined)
  })
})

describe('redaction', () => {
  it('replaces every registered secret of four characters or more in whatever is written to stderr', () => {
    registerSecret('s3cret-value')
    registerSecret('abc')
    registerSecret(undefined)
    const written: unknown[] = []
    const stream = {write: (chunk: unknown) => written.push(chunk) > 0} as unknown as NodeJS.WriteStream
    redactStderr(stream)
    stream.write('a s3cret-value, abc')
    stream.write(new TextEncoder().encode('bytes s3cret-value'))
    assert.deepEqual(written, [`a ${REDACTED}, abc`, `bytes ${REDACTED}`])
  })
})

// the set of secrets lives as long as the process, which other test files share: values no test output contains
const REDACTION_SECRET = 'unit-secret-Qx7!vZ'
const REDACTION_OTHER = 'unit-other-$&-Wk2'

describe('secrets redaction, of strings and streams', () => {
  it('replaces every occurrence of every registered secret', () => {
    registerSecret(REDACTION_SECRET)
    registerSecret(REDACTION_OTHER)
    assert.equal(redact(`a ${REDACTION_SECRET} b ${REDACTION_SECRET}\n${REDACTION_OTHER}`), `a ${REDACTED} b ${REDACTED}\n${REDACTED}`)
    assert.equal(REDACTED, '****')
  })

  it('leaves text without a secret as it is, and ignores values too short to be secrets', () => {
    registerSecret(undefined)
    registerSecret('Qx~')
    assert.equal(redact('nothing Qx~ here'), 'nothing Qx~ here')
  })

  it('redacts strings and bytes written to a stream, passing the rest of the call on', () => {
    const written: unknown[][] = []
    const stream = {
      write(...args: unknown[]) {
        written.push(args)
        return true
      },
    } as unknown as NodeJS.WriteStream
    registerSecret(REDACTION_SECRET)
    redactStderr(stream)
    const done = () => {}
    stream.write(`secret=${REDACTION_SECRET}\n`, 'utf8', done)
    stream.write(new TextEncoder().encode(`[${REDACTION_SECRET}]`))
    assert.deepEqual(written, [[`secret=${REDACTED}\n`, 'utf8', done], [`[${REDACTED}]`]])
  })
})
