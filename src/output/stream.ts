import {StringDecoder} from 'node:string_decoder'

import {S10kError} from '../command/errors.js'
import {urlForMessage} from '../http/errors.js'
import type {StreamedAnswer} from '../http/client.js'
import type {IOStreams} from '../command/io.js'
import {printable} from '../text/printable.js'

/**
 * What a command returns to have an answer passed to stdout as it arrives (`datum list` CSV and JSON), with
 * back-pressure, in constant memory. `csv`: whole records only, so a failure part way never leaves half a row;
 * `json`: the bytes as they come, then s10k's final newline.
 */
export interface StreamedResult {
  stream: StreamedAnswer
  format: 'csv' | 'json'
  /** Called when the body is empty: resolves when that is a genuinely empty result, throws when it is an error. */
  empty?: () => Promise<void>
}

/** A record of a streamed CSV answer longer than this is refused rather than held. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024

/** Progress shows once an export has run this long, and is redrawn at most this often. */
const PROGRESS_AFTER_MS = 1000
const PROGRESS_EVERY_MS = 250

/** CSV records (FastCSV's: ended by LF outside quotes, quotes doubled inside), counted across chunks. */
export class CsvRecords {
  records = 0
  private quoted = false

  /** Counts the records a chunk ends; gives the index just past the last record end in it, or -1. */
  feed(chunk: Buffer): number {
    let last = -1
    if (!this.quoted && !chunk.includes(0x22)) {
      // the common case, done by the native search: no quotes, so every LF ends a record
      for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a, at + 1)) {
        this.records++
        last = at
      }
      return last === -1 ? -1 : last + 1
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]
      if (b === 0x22) this.quoted = !this.quoted
      else if (b === 0x0a && !this.quoted) {
        this.records++
        last = i
      }
    }
    return last === -1 ? -1 : last + 1
  }
}

/**
 * The rows of a stream datum JSON answer (`{"meta":[…],"data":[[…],…]}`), counted across chunks: the arrays that
 * are elements of an array held by the top-level object. Strings are skipped, escapes included.
 */
export class JsonRows {
  rows = 0
  private depth = 0
  /** The container types of the first two levels: `{` then `[` is where rows are. */
  private outer = 0
  private inner = 0
  private inString = false
  private escaped = false

  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]
      if (this.inString) {
        if (this.escaped) this.escaped = false
        else if (b === 0x5c) this.escaped = true
        else if (b === 0x22) this.inString = false
      } else if (b === 0x22) this.inString = true
      else if (b === 0x7b || b === 0x5b) {
        this.depth++
        if (this.depth === 1) this.outer = b
        else if (this.depth === 2) this.inner = b
      } else if (b === 0x7d || b === 0x5d) {
        this.depth--
        if (b === 0x5d && this.depth === 2 && this.outer === 0x7b && this.inner === 0x5b) this.rows++
      }
    }
  }
}

/** How far a streamed export got, for the messages of a failure or an interrupt. */
export class StreamState {
  rows = 0
  bytes = 0
  readonly started = Date.now()
  private drawn = false
  private lastDraw = 0

  constructor(private readonly progress?: (text: string) => void) {}

  /** Redraws the progress line (stderr at a terminal, only for an export past a second). */
  update(): void {
    if (!this.progress) return
    const now = Date.now()
    if (now - this.started < PROGRESS_AFTER_MS || now - this.lastDraw < PROGRESS_EVERY_MS) return
    this.lastDraw = now
    this.drawn = true
    const seconds = (now - this.started) / 1000
    this.progress(
      `\r${count(this.rows)} rows, ${(this.bytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(0)} s, ${count(Math.round(this.rows / seconds))} rows/s\u001b[K`,
    )
  }

  /** Removes the progress line, so that it disappears when the export ends, however it ends. */
  clear(): void {
    if (this.drawn) this.progress?.('\r\u001b[K')
    this.drawn = false
  }

  /** `1,234 rows were written`: what stdout holds. */
  written(): string {
    return `${count(this.rows)} ${this.rows === 1 ? 'row was' : 'rows were'} written`
  }
}

const count = (n: number): string => n.toLocaleString('en-US')

/** The answer went quiet for longer than the idle limit. */
class IdleTimeout extends Error {}

/**
 * Text for a terminal: the service's control characters shown escaped (see printable.ts), CRLF record ends kept;
 * a multi-byte character or a CR split between chunks is held until the next one.
 */
class TerminalText {
  private readonly decoder = new StringDecoder('utf8')
  private carry = ''

  push(chunk: Buffer): string {
    let text = this.carry + this.decoder.write(chunk)
    this.carry = text.endsWith('\r') ? '\r' : ''
    if (this.carry) text = text.slice(0, -1)
    return text
      .split('\r\n')
      .map((part) => printable(part))
      .join('\r\n')
  }

  end(): string {
    const text = this.carry + this.decoder.end()
    this.carry = ''
    return printable(text)
  }
}

function nextWithin<T>(iterator: AsyncIterator<T>, ms: number): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new IdleTimeout())
    }, ms)
  })
  return Promise.race([iterator.next(), idle]).finally(() => {
    clearTimeout(timer)
  })
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNRESET: 'connection reset',
  ERR_STREAM_PREMATURE_CLOSE: 'connection closed early',
  ECONNABORTED: 'connection aborted',
  Z_DATA_ERROR: 'bad compressed data',
  Z_BUF_ERROR: 'compressed data cut off',
}

function why(error: unknown, where: string, idleMs: number): string {
  if (error instanceof IdleTimeout) {
    return `no data from ${where} for ${Number((idleMs / 1000).toFixed(3))} s (response-timeout under [http] in ~/.s10k/config)`
  }
  if (error instanceof S10kError) return error.reason
  const e = error as {code?: string; message?: string; cause?: {code?: string}}
  const code = e.code ?? e.cause?.code
  const word = (code && NETWORK_WORDS[code]) ?? (e.message === 'aborted' ? 'connection closed early' : (e.message ?? String(error)))
  return `the answer from ${where} broke off: ${word}`
}

/**
 * Passes a streamed answer to stdout: each chunk is written (and handed to the system) before the next is read,
 * so memory stays flat; a reader that goes away (`| head`) ends the request at once and the run quietly. A failure
 * part way is one error naming how many rows were written; stdout then holds only whole CSV records, or a prefix
 * of the JSON text. `state` is the caller's, for an interrupt's message.
 */
export async function writeStreamed(result: StreamedResult, io: IOStreams, state: StreamState): Promise<void> {
  const {body, cancel, idleTimeoutMs, url} = result.stream
  const csv = result.format === 'csv' ? new CsvRecords() : undefined
  const json = csv ? undefined : new JsonRows()
  const terminal = io.stdoutIsTerminal ? new TerminalText() : undefined
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const write = (bytes: Buffer): Promise<void> => io.writeOut(terminal ? terminal.push(bytes) : bytes)
  let pending: Buffer[] = []
  let pendingBytes = 0
  let received = 0
  try {
    for (;;) {
      const next = await nextWithin(iterator, idleTimeoutMs)
      if (next.done) break
      const chunk = next.value
      received += chunk.length
      if (csv) {
        const end = csv.feed(chunk)
        if (end === -1) {
          pending.push(chunk)
          pendingBytes += chunk.length
          if (pendingBytes > MAX_RECORD_BYTES) throw new S10kError(`a CSV record longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB`)
          continue
        }
        const whole = chunk.subarray(0, end)
        await write(pending.length > 0 ? Buffer.concat([...pending, whole]) : whole)
        state.bytes += pendingBytes + end
        pending = end < chunk.length ? [chunk.subarray(end)] : []
        pendingBytes = chunk.length - end
        state.rows = Math.max(0, csv.records - 1)
      } else {
        json?.feed(chunk)
        await write(chunk)
        state.bytes += chunk.length
        state.rows = json?.rows ?? 0
      }
      state.update()
    }
    if (received === 0) {
      state.clear()
      await result.empty?.()
      return
    }
    // the answer ended normally: a last record without a line end is still the service's whole answer
    if (pending.length > 0) await write(Buffer.concat(pending))
    if (terminal) await io.writeOut(terminal.end())
    if (json) await io.writeOut('\n')
    state.clear()
  } catch (error) {
    cancel()
    state.clear()
    // the reader went away (`| head`): not an error, and nothing more to say
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') return
    if (error instanceof S10kError && received === 0) throw error
    throw new S10kError(`${why(error, urlForMessage(url), idleTimeoutMs)}; ${state.written()}, so the output is incomplete`)
  }
}

/**
 * Reads a streamed answer that must be held whole (PRETTY needs every row to size its columns), within limits:
 * at most `maxBytes`, and with `maxRows`, at most that many stream datum rows; past either the request is closed
 * and `tooLarge` is the error. The idle limit applies between chunks, as when streaming.
 */
export async function readStreamed(answer: StreamedAnswer, limits: {maxBytes: number; maxRows?: number; tooLarge: string}): Promise<string> {
  const rows = limits.maxRows === undefined ? undefined : new JsonRows()
  const chunks: Buffer[] = []
  let size = 0
  const iterator = answer.body[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  try {
    for (;;) {
      const next = await nextWithin(iterator, answer.idleTimeoutMs)
      if (next.done) break
      size += next.value.length
      rows?.feed(next.value)
      if (size > limits.maxBytes || (rows && limits.maxRows !== undefined && rows.rows > limits.maxRows)) throw new S10kError(limits.tooLarge)
      chunks.push(next.value)
    }
  } catch (error) {
    answer.cancel()
    if (error instanceof S10kError) throw error
    throw new S10kError(why(error, urlForMessage(answer.url), answer.idleTimeoutMs))
  }
  return Buffer.concat(chunks).toString('utf8')
}
