import {afterEach, beforeEach} from 'node:test'

import {Config, type Command} from '@oclif/core'

import type {IOStreams} from '../../src/command/io.js'
import {ROOT} from './cli.js'

let config: Promise<Config> | undefined

/** The CLI's oclif configuration, loaded once per test file (with no user plugins: see cliEnv). */
export function cliConfig(): Promise<Config> {
  config ??= Config.load(ROOT)
  return config
}

export interface TestIO extends IOStreams {
  out: string
  err: string
  /** The questions asked, in order. */
  asked: string[]
}

/** An in-process terminal for a command: captures what it writes and answers its questions from `answers`. */
export function testIO(options: {stdinIsTerminal?: boolean; stdoutIsTerminal?: boolean; answers?: string[]; input?: string} = {}): TestIO {
  const answers = [...(options.answers ?? [])]
  const io: TestIO = {
    out: '',
    err: '',
    asked: [],
    stdinIsTerminal: options.stdinIsTerminal ?? false,
    stdoutIsTerminal: options.stdoutIsTerminal ?? false,
    async writeOut(text) {
      io.out += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')
    },
    writeErr(text) {
      io.err += text
    },
    async ask(question) {
      io.asked.push(question)
      const answer = answers.shift()
      if (answer === undefined) throw new Error(`unexpected question: ${question}`)
      return answer
    },
    async readSecret(prompt) {
      return io.ask(prompt)
    },
    async readInput() {
      return options.input ?? ''
    },
  }
  return io
}

type CommandInstance = Command & {io: IOStreams; run(): Promise<unknown>}
type CommandClass = (new (argv: string[], config: Config) => CommandInstance) & Pick<typeof Command, 'run'>

/**
 * Runs a command in this process with a test terminal, as oclif would (init, parse, run, render), and gives back
 * its exit code with what it wrote. The environment (HOME and so on) is the caller's to set.
 */
export async function runInProcess(command: CommandClass, argv: string[], io: TestIO): Promise<{code: number; out: string; err: string}> {
  const withIO = class extends command {
    constructor(args: string[], config: Config) {
      super(args, config)
      this.io = io
    }
  }
  try {
    await withIO.run(argv, await cliConfig())
    return {code: 0, out: io.out, err: io.err}
  } catch (error) {
    const code = (error as {oclif?: {exit?: number}}).oclif?.exit
    if (code === undefined) throw error
    return {code, out: io.out, err: io.err}
  }
}

/**
 * For the tests of a describe block: the environment `env()` gives is set in this process before each test and
 * put back after it (commands read HOME, through os.homedir(), and the rest from the real environment).
 */
export function useProcessEnv(env: () => Record<string, string>): void {
  let saved: Record<string, string | undefined> = {}
  beforeEach(() => {
    const values = env()
    saved = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]))
    Object.assign(process.env, values)
  })
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) Reflect.deleteProperty(process.env, key)
      else process.env[key] = value
    }
  })
}
