import {spawn, spawnSync} from 'node:child_process'
import {closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

import {CALLER} from './fixtures.js'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const BIN = join(ROOT, 'bin', 'run.cjs')

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface TempHome {
  path: string
  remove(): void
}

/** A temporary HOME (and oclif data dirs) holding ~/.s10k/config and ~/.s10k/credentials when given. */
export function makeHome(files: {config?: string; credentials?: string} = {}): TempHome {
  const path = mkdtempSync(join(tmpdir(), 's10k-home-'))
  mkdirSync(join(path, '.s10k'), {mode: 0o700})
  if (files.config !== undefined) writeFileSync(join(path, '.s10k', 'config'), files.config, {mode: 0o600})
  if (files.credentials !== undefined) writeFileSync(join(path, '.s10k', 'credentials'), files.credentials, {mode: 0o600})
  return {
    path,
    remove: () => {
      rmSync(path, {recursive: true, force: true})
    },
  }
}

/** A HOME whose config points solaruser at the emulator and whose default profile is the test caller. */
export function emulatorHome(baseUrl: string, credentials = CALLER): TempHome {
  return makeHome({
    config: `[service-urls]\nsolaruser = "${baseUrl}"\nsolarquery = "${baseUrl}"\n`,
    credentials: `sn_token_id = "${credentials.tokenId}"\nsn_token_secret = "${credentials.secret}"\n`,
  })
}

/**
 * The environment s10k runs with in tests, the demo and the benchmark: that HOME, oclif's folders inside it,
 * and nothing of the developer's (no SN_TOKEN_*, no plugins of their own).
 */
export function cliEnv(home: string): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: home,
    XDG_DATA_HOME: join(home, '.local/share'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TZ: 'UTC',
  }
}

/** Runs bin/run.cjs as a user would, with a clean environment: nothing of the developer's leaks in. */
export function runCli(
  args: readonly string[],
  options: {home: string; env?: Record<string, string>; input?: string; cwd?: string; stdoutTo?: string; stdoutClosed?: boolean},
): Promise<CliResult> {
  const env = {...cliEnv(options.home), ...options.env}
  // stdoutTo: a file to write standard output to instead (such as /dev/full, which takes nothing)
  const out = options.stdoutTo === undefined ? 'pipe' : openSync(options.stdoutTo, 'w')
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {env, cwd: options.cwd ?? options.home, stdio: ['pipe', out, 'pipe']})
    if (typeof out === 'number') closeSync(out)
    // stdoutClosed: a reader that has gone before anything is written, as `| head` does once it has its lines
    if (options.stdoutClosed) child.stdout?.destroy()
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    child.on('error', reject)
    child.on('close', (code) => {
      resolvePromise({code: code ?? -1, stdout, stderr})
    })
    // a command that exits without reading its input closes the pipe first (EPIPE): what it did is in code and output
    child.stdin?.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') reject(error)
    })
    child.stdin?.end(options.input ?? '')
  })
}

/** util-linux `script` gives s10k a pseudo-terminal; without it the terminal tests fail, saying so. */
export function requireScript(): void {
  if (spawnSync('script', ['--version']).status !== 0) {
    throw new Error('this test needs util-linux `script` for a pseudo-terminal (Debian: apt-get install bsdutils)')
  }
}

/**
 * Runs bin/run.cjs on a pseudo-terminal (util-linux `script`), typing `input`; stdout is what the terminal
 * showed (CRLF line ends). Asynchronous, because the emulator serves from the test process.
 */
export function runAtTerminal(
  args: readonly string[],
  options: {home: string; input?: string; typeAfter?: string},
): Promise<{code: number | null; screen: string}> {
  requireScript()
  const command = [process.execPath, BIN, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ')
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: {...cliEnv(options.home), TERM: 'dumb'},
  })
  let screen = ''
  let typed = false
  const type = () => {
    typed = true
    child.stdin.end(options.input ?? '')
  }
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    screen += d
    // what is typed before the program reads it would be echoed by the terminal itself
    if (!typed && options.typeAfter && screen.includes(options.typeAfter)) type()
  })
  if (!options.typeAfter) type()
  return new Promise((resolvePromise) =>
    child.on('close', (code) => {
      resolvePromise({code, screen})
    }),
  )
}
