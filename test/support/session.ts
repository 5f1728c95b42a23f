import {afterEach, beforeEach} from 'node:test'

import {type CliResult, type TempHome, emulatorHome, runCli} from './cli.js'
import {type RecordedRequest, SolarUserEmulator, type StoredToken} from './emulator.js'
import {exampleTokens} from './fixtures.js'
import {type RunOptions, runS10k} from './in-process.js'

/** An emulator with the example tokens and a HOME configured to use it. */
export interface Session {
  emulator: SolarUserEmulator
  url: string
  home: TempHome
  /** Runs s10k in the test process (test/support/in-process.ts), with this session's HOME. */
  run: (args: readonly string[], options?: Omit<RunOptions, 'home'>) => Promise<CliResult>
  /** Runs bin/run.cjs in a new process, for what needs one (stdout failures, DEBUG output, signals). */
  spawn: (
    args: readonly string[],
    options?: {env?: Record<string, string>; input?: string; stdoutTo?: string; stdoutClosed?: boolean},
  ) => Promise<CliResult>
  /** Every request received, as `METHOD path?query body`, after asserting each signature was valid. */
  received: () => string[]
  close: () => Promise<void>
}

export function describeRequest(r: RecordedRequest): string {
  return `${r.method} ${r.path}${r.query ? '?' + r.query : ''}${r.body ? ' ' + r.body : ''}`
}

export async function openSession(tokens: readonly StoredToken[] = exampleTokens()): Promise<Session> {
  const emulator = new SolarUserEmulator(tokens)
  const url = await emulator.start()
  const home = emulatorHome(url)
  return {
    emulator,
    url,
    home,
    run: (args, options = {}) => runS10k(args, {home: home.path, ...options}),
    spawn: (args, options = {}) => runCli(args, {home: home.path, ...options}),
    received() {
      for (const r of emulator.requests) {
        if (!r.auth.ok) throw new Error(`signature not accepted for ${describeRequest(r)}: ${r.auth.reason}`)
      }
      return emulator.requests.map(describeRequest)
    },
    async close() {
      await emulator.stop()
      home.remove()
    },
  }
}

/**
 * A fresh session for each test of the enclosing suite: `const session = useSession()` then `session.run(...)`.
 * The returned object always refers to the current test's session.
 */
export function useSession(tokens?: readonly StoredToken[]): Session {
  let current: Session | undefined
  beforeEach(async () => {
    current = await openSession(tokens)
  })
  afterEach(async () => {
    await current?.close()
  })
  return new Proxy({} as Session, {
    get: (_, key: keyof Session) => {
      if (!current) throw new Error('useSession(): no test is running')
      // the session's functions are closures, which need no `this`
      return current[key]
    },
  })
}
