import {createInterface} from 'node:readline/promises'

import {ExitCode, S10kError} from './errors.js'

/**
 * Reads a secret: without echo on a terminal, or the first line of standard input when it is piped
 * (`pass show sn | s10k -p ...`).
 */
export async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin
  if (!stdin.isTTY) return (await readFirstLine(stdin)).replace(/\r$/, '')
  // echo off before the prompt shows, so that nothing typed after seeing it is echoed
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  process.stderr.write(prompt)
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = ''
      stdin.on('data', (chunk: string) => {
        for (const c of chunk) {
          if (c === '\r' || c === '\n') return resolve(value)
          if (c === '\u0003') return reject(new S10kError('Interrupted.', ExitCode.interrupted))
          if (c === '\u007F' || c === '\b') value = value.slice(0, -1)
          else value += c
        }
      })
    })
  } finally {
    stdin.setRawMode(false)
    stdin.pause()
    stdin.removeAllListeners('data')
    process.stderr.write('\n')
  }
}

async function readFirstLine(stream: NodeJS.ReadStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) {
    text += String(chunk)
    const newline = text.indexOf('\n')
    if (newline !== -1) return text.slice(0, newline)
  }
  return text
}

/** Asks a question on stderr and reads one line of the answer from standard input. */
export async function askLine(question: string): Promise<string> {
  const rl = createInterface({input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY)})
  const abort = new AbortController()
  rl.on('SIGINT', () => abort.abort())
  try {
    return await rl.question(question, {signal: abort.signal})
  } catch {
    throw new S10kError('Interrupted.', ExitCode.interrupted)
  } finally {
    rl.close()
  }
}
