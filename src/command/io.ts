import {closeSync, fstatSync, openSync, readSync} from 'node:fs'

import {ExitCode, S10kError, UsageError} from './errors.js'

/**
 * The terminal a command talks to: where data and messages go, whether a person is there, and how to ask them
 * something. The base command owns one; tests give it another in-process instead of a pseudo-terminal (the
 * model is gh's IOStreams).
 */
export interface IOStreams {
  /** Data: tables, CSV, JSON (bytes for a streamed answer). Settles once handed to the system, or fails with its error. */
  writeOut(text: string | Uint8Array): Promise<void>
  /** Messages, warnings, progress. */
  writeErr(text: string): void
  /** Standard input is a terminal: a person can be asked. */
  readonly stdinIsTerminal: boolean
  /** Standard output is a terminal. */
  readonly stdoutIsTerminal: boolean
  /** Standard error is a terminal: a long export may show its progress there. */
  readonly stderrIsTerminal?: boolean
  /** Asks a question on stderr and reads one line of the answer from standard input. */
  ask(question: string): Promise<string>
  /** Reads a secret: without echo on a terminal, otherwise the first line of standard input. */
  readSecret(prompt: string): Promise<string>
  /** All of standard input as UTF-8 text, at most MAX_INPUT_BYTES (more is a usage error). */
  readInput(): Promise<string>
}

/** The most standard input s10k reads as a command's content (`nodes meta save` and the like). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

const tooLarge = (subject: string): UsageError => new UsageError(`${subject} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB, s10k's limit`)

/**
 * A file's text (`@@file` content, an `@argfile`), limited as standard input is: `subject` (`The CSV file x`)
 * larger than MAX_INPUT_BYTES is a usage error, found after reading at most that much (`/dev/zero` never ends).
 * A file that cannot be read throws its system error.
 */
export function readFileText(path: string, subject: string): string {
  const fd = openSync(path, 'r')
  try {
    const stat = fstatSync(fd)
    if (stat.isFile() && stat.size > MAX_INPUT_BYTES) throw tooLarge(subject)
    const chunks: Buffer[] = []
    let size = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(stat.isFile() ? Math.max(stat.size - size + 1, 65_536) : 1024 * 1024)
      const read = readSync(fd, chunk, 0, chunk.length, null)
      if (read === 0) break
      size += read
      if (size > MAX_INPUT_BYTES) throw tooLarge(subject)
      chunks.push(chunk.subarray(0, read))
    }
    return Buffer.concat(chunks, size).toString('utf8')
  } finally {
    closeSync(fd)
  }
}

/**
 * The Java tool's terminal test (`System.console().isTerminal()`): both standard input and standard output are
 * terminals. It decides pretty or compact JSON.
 */
export function isInteractive(io: IOStreams): boolean {
  return io.stdinIsTerminal && io.stdoutIsTerminal
}

const interrupted = () => new S10kError('Interrupted.', ExitCode.interrupted)

async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) {
    text += String(chunk)
    const newline = text.indexOf('\n')
    if (newline !== -1) return text.slice(0, newline)
  }
  return text
}

async function readSecretAtTerminal(stdin: NodeJS.ReadStream, prompt: string, writeErr: (text: string) => void): Promise<string> {
  // echo off before the prompt shows, so that nothing typed after seeing it is echoed
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  writeErr(prompt)
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = ''
      stdin.on('data', (chunk: string) => {
        for (const c of chunk) {
          if (c === '\r' || c === '\n') {
            resolve(value)
            return
          }
          if (c === '\u0003') {
            reject(interrupted())
            return
          }
          if (c === '\u007F' || c === '\b') value = value.slice(0, -1)
          else value += c
        }
      })
    })
  } finally {
    stdin.setRawMode(false)
    stdin.pause()
    stdin.removeAllListeners('data')
    writeErr('\n')
  }
}

function writeStream(stream: NodeJS.WriteStream, text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    if (stream.errored) {
      reject(stream.errored)
      return
    }
    // a failed write gives its error here; the 'error' event that follows, at a time of the stream's choosing,
    // is taken by the listener processIO() keeps on the stream
    stream.write(text, (error) => {
      if (error) {
        reported.add(error)
        reject(error)
      } else resolve()
    })
  })
}

/** Write errors a caller of writeOut has been given (and will report). */
const reported = new WeakSet<Error>()

/**
 * stdout's 'error' events. oclif's own listener rethrows every one but EPIPE, which turns a full disk under
 * `> file` into a crash with a stack trace (and, for `create`, would lose the new token's secret); errors of
 * writeOut are reported by the command instead, and any other is said in one line.
 */
function onStdoutError(error: NodeJS.ErrnoException): void {
  if (reported.has(error) || error.code === 'EPIPE') return
  process.stderr.write(`Cannot write the output${error.code ? ` (${error.code})` : ''}: ${error.message}\n`)
  process.exitCode = ExitCode.requestFailed
}

/** The process's own standard streams. */
export function processIO(): IOStreams {
  for (const listener of process.stdout.listeners('error')) {
    if (listener !== onStdoutError) process.stdout.removeListener('error', listener as (...args: unknown[]) => void)
  }
  if (process.stdout.listenerCount('error') === 0) process.stdout.on('error', onStdoutError)
  const writeErr = (text: string): void => {
    process.stderr.write(text)
  }
  return {
    writeOut: (text) => writeStream(process.stdout, text),
    writeErr,
    // isTTY is undefined, not false, when a stream is not a terminal
    stdinIsTerminal: process.stdin.isTTY,
    stdoutIsTerminal: process.stdout.isTTY,
    stderrIsTerminal: process.stderr.isTTY,
    async ask(question) {
      // loaded when a question is asked: help and most commands never ask
      const {createInterface} = process.getBuiltinModule('node:readline/promises')
      const rl = createInterface({input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY})
      const abort = new AbortController()
      rl.on('SIGINT', () => {
        abort.abort()
      })
      try {
        return await rl.question(question, {signal: abort.signal})
      } catch {
        throw interrupted()
      } finally {
        rl.close()
      }
    },
    async readSecret(prompt) {
      if (!process.stdin.isTTY) return (await readFirstLine(process.stdin)).replace(/\r$/, '')
      return readSecretAtTerminal(process.stdin, prompt, writeErr)
    },
    async readInput() {
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length
        if (size > MAX_INPUT_BYTES) throw tooLarge('Standard input')
        chunks.push(chunk as Buffer)
      }
      return Buffer.concat(chunks).toString('utf8')
    },
  }
}
