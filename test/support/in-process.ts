import {afterEach, beforeEach} from 'node:test'

import {Console} from 'node:console'
import {join} from 'node:path'
import {Writable} from 'node:stream'
import {pathToFileURL} from 'node:url'

import {Config, type Command, type Interfaces, execute, settings} from '@oclif/core'

import {redact} from '../../src/auth/secrets.js'
import {addsPlugin, prepareArgv, prepareRun} from '../../src/cli/index.js'
import type {IOStreams} from '../../src/command/io.js'
import {BIN, type CliResult, ROOT, cliEnv} from './cli.js'

// as bin/run.cjs: oclif loads what it is told to, without transpiling on the fly (the harness points it at sources)
settings.enableAutoTranspile = false

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

/** bin/run.cjs, as `main` is given it: the root is found from it. */
const BIN_URL = pathToFileURL(BIN).href

/** The build's entry of the core, which the root's oclif configuration names; the harness loads the sources instead. */
const BUNDLE_ENTRY = './dist/bundle/s10k.cjs'

/** What oclif would load from the build, from the sources instead: the core's hooks and help class (src/cli/index.ts). */
function fromSources<T extends {target: string}>(location: T): T {
  return location.target === BUNDLE_ENTRY ? {...location, target: './src/cli/index.ts'} : location
}

type Loaded = Awaited<ReturnType<Command.Loadable['load']>>

/**
 * The configuration oclif loads for this run, changed only in where the first-party code comes from: each command
 * of the core and of a first-party plugin is its source file (src/cli/commands/<id>.ts, plugins/<p>/src/commands/
 * <id>.ts) and talks to `io`; the core's hooks and help class are src/cli/index.ts's. Other plugins load as usual.
 */
async function configFromSources(load: NonNullable<Interfaces.LoadOptions>, io: IOStreams): Promise<Config> {
  const config = await Config.load(load)
  for (const plugin of config.getPluginsList()) {
    if (!plugin.isRoot && !plugin.name.startsWith('@s10k/plugin-')) continue
    plugin.hooks = Object.fromEntries(Object.entries(plugin.hooks).map(([event, hooks]) => [event, hooks.map(fromSources)]))
    if (plugin.isRoot) plugin.pjson.oclif.helpClass = fromSources(plugin.pjson.oclif.helpClass as {target: string; identifier: string})
    const commands = join(plugin.root, plugin.isRoot ? 'src/cli/commands' : 'src/commands')
    plugin.findCommand = async (id: string): Promise<Loaded> => {
      const source = (await import(pathToFileURL(`${join(commands, ...id.split(':'))}.ts`).href)) as {default: CommandClass}
      const withIO = class extends source.default {
        constructor(argv: string[], commandConfig: Config) {
          super(argv, commandConfig)
          if ('io' in this) this.io = io
        }
      }
      return Object.assign(withIO, {id, plugin}) as unknown as Loaded
    }
  }
  return config
}

/** Sets the process's environment to exactly `env` (HOME, TZ and the rest); gives back a function that puts it back. */
function swapEnvironment(env: Record<string, string>): () => void {
  const saved = {...process.env}
  const replace = (values: Record<string, string | undefined>) => {
    for (const key of Object.keys(process.env)) Reflect.deleteProperty(process.env, key)
    for (const [key, value] of Object.entries(values)) if (value !== undefined) process.env[key] = value
  }
  replace(env)
  return () => {
    replace(saved)
  }
}

/** Gives back a function that puts `target[key]` back as it is now (an own property, or none over the inherited one). */
function replaced(target: object, key: string): () => void {
  const own = Object.getOwnPropertyDescriptor(target, key)
  return () => {
    if (own) Object.defineProperty(target, key, own)
    else Reflect.deleteProperty(target, key)
  }
}

/**
 * Gives back a function that removes the `event` listeners added to `emitter` since: oclif's flush at the end of a
 * run waits for stdout's `drain` and leaves its listener when there was nothing to wait for, harmless once per
 * process, but one more per run here (eleven make Node warn, on the stderr of whichever run is going).
 */
function addedListeners(emitter: NodeJS.EventEmitter, event: string): () => void {
  const before = new Set(emitter.listeners(event))
  return () => {
    for (const listener of emitter.listeners(event))
      if (!before.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void)
  }
}

/**
 * Whether the run adds a plugin (`plugins install`, `link`, even with `--help`): it registers a module resolution
 * hook that sends every later `import 's10k'` of the process to the build's bundle, whose S10kCommand and oclif
 * errors are other classes than the sources' (oclif's handler then prints `Error: EEXIT` for every exit).
 * Arguments that do not prepare (a bad `@file`) are prepareRun's to refuse.
 */
async function addsPluginAt(args: readonly string[]): Promise<boolean> {
  try {
    // a word after -p where the command goes is taken for the command here: only prepareRun may call it a secret
    return addsPlugin(await prepareArgv(args, async () => true))
  } catch {
    return false
  }
}

export interface RunOptions {
  home: string
  env?: Record<string, string>
  /** Standard input: read by commands that take content, and line by line by questions and the secret prompt. */
  input?: string
  stdinIsTerminal?: boolean
  stdoutIsTerminal?: boolean
  stderrIsTerminal?: boolean
  /** Answers typed at a terminal, in order (instead of lines of `input`). */
  answers?: string[]
  /** The working folder (`@file` paths are relative to it): HOME unless given. */
  cwd?: string
}

/**
 * Runs s10k in this process the way bin/run.cjs does, with what a process gives replaced: `main`'s preparation
 * (src/cli/index.ts), then oclif (`execute`: command lookup, hooks, parse, run, render, errors) with the commands,
 * hooks and help class from the sources. The run has its own standard streams (an IOStreams for the command;
 * oclif's console and stderr captured), environment (exactly cliEnv(home) and `env`), working folder and exit
 * code, all put back after. Requests go over loopback to the emulators, as from a process.
 */
export async function runS10k(args: readonly string[], options: RunOptions): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  // as main's redactStderr does for a process: no secret s10k knows reaches stderr
  const toStderr = (text: string | Uint8Array) => {
    stderr += redact(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'))
  }
  const lines = [...(options.answers ?? (options.input ?? '').split(/(?<=\n)/))]
  let rest = options.answers ? (options.input ?? '') : undefined
  const nextLine = (question: string) => {
    toStderr(question)
    const line = lines.shift()
    if (line === undefined) {
      if (options.stdinIsTerminal) throw new Error(`unexpected question: ${question}`)
      return ''
    }
    return line.replace(/\r?\n$/, '')
  }
  const io: IOStreams = {
    stdinIsTerminal: options.stdinIsTerminal ?? false,
    stdoutIsTerminal: options.stdoutIsTerminal ?? false,
    stderrIsTerminal: options.stderrIsTerminal ?? false,
    async writeOut(text) {
      stdout += typeof text === 'string' ? text : Buffer.from(text).toString('utf8')
    },
    writeErr: toStderr,
    async ask(question) {
      return nextLine(question)
    },
    async readSecret(prompt) {
      // a prompt shows only at a terminal; without one the first line of standard input is the secret
      return options.stdinIsTerminal ? nextLine(prompt) : nextLine('')
    },
    async readInput() {
      rest ??= lines.splice(0).join('')
      return rest
    },
  }
  const restoreEnvironment = swapEnvironment({...cliEnv(options.home), ...options.env})
  const cwd = process.cwd()
  process.chdir(options.cwd ?? options.home)
  const savedConsole = globalThis.console
  const exitCode = process.exitCode
  const putBack = [replaced(process, 'exit'), replaced(process.stderr, 'write'), addedListeners(process.stdout, 'drain')]
  // a function, so that the assignment below does not narrow what a run may set
  const exitCodeSet = (): typeof process.exitCode => process.exitCode
  let exited: number | undefined
  const capture = (write: (text: string) => void) =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        write(String(chunk))
        done()
      },
    })
  globalThis.console = new Console({
    stdout: capture((text) => (stdout += text)),
    stderr: capture(toStderr),
  })
  process.stderr.write = (text: string | Uint8Array) => (toStderr(text), true)
  // oclif's error handler ends the process with the run's exit code: here it is the code, and the run ends
  process.exit = ((code?: number) => {
    exited ??= code ?? 0
  }) as typeof process.exit
  process.exitCode = undefined
  try {
    if (await addsPluginAt(args)) throw new Error(`s10k ${args.join(' ')} adds a plugin: run it in a process of its own (runCli)`)
    const run = await prepareRun(args, BIN_URL)
    if ('refusal' in run) {
      toStderr(run.refusal)
      return {code: run.exitCode, stdout, stderr}
    }
    await execute({args: run.args, loadOptions: await configFromSources(run.load, io)})
    return {code: exited ?? Number(exitCodeSet() ?? 0), stdout, stderr}
  } finally {
    globalThis.console = savedConsole
    for (const restore of putBack) restore()
    process.exitCode = exitCode
    process.chdir(cwd)
    restoreEnvironment()
  }
}
