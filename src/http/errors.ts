import type {AxiosResponse} from 'axios'

import type {HttpSettings} from '../auth/config.js'
import {CredentialsError, RequestError} from '../command/errors.js'
import {printableLine} from '../text/printable.js'

/** The error a connection attempt ends with when it takes longer than the connect timeout (agents.ts). */
export const CONNECT_TIMEOUT = 'S10K_CONNECT_TIMEOUT'

/** The most of a response body s10k reads, after decompression; axios stops reading beyond it. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024

/** Why a request was aborted when its response-timeout deadline passed. */
export class ResponseDeadline extends Error {
  constructor() {
    super('response deadline passed')
    this.name = 'ResponseDeadline'
  }
}

/** The parts of a URL safe and useful in a message: no query string. */
export function urlForMessage(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ETIMEDOUT: 'connection timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  ERR_BAD_RESPONSE: 'bad response',
}

/** Failures a read may be retried after: the request was not answered, or a gateway said try again. */
const RETRYABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT', CONNECT_TIMEOUT])

function errorCode(error: unknown): string | undefined {
  const e = error as {code?: string; cause?: {code?: string}; message?: string} | null | undefined
  if (e?.message === 'socket hang up') return 'ECONNRESET'
  return e?.cause?.code === CONNECT_TIMEOUT ? CONNECT_TIMEOUT : (e?.code ?? e?.cause?.code)
}

export function isRetryable(status: number | undefined, error: unknown): boolean {
  if (status !== undefined) return status === 502 || status === 503 || status === 504
  return RETRYABLE_CODES.has(errorCode(error) ?? '')
}

const seconds = (ms: number): string => `${Number((ms / 1000).toFixed(3))} s`

/** Failures that happen before anything is sent: the request certainly did not reach the service. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', CONNECT_TIMEOUT])

/** A request that got no HTTP response: one line naming the URL, never a stack trace. */
export function toRequestError(error: unknown, method: string, url: string, http: HttpSettings): RequestError {
  const code = errorCode(error)
  const where = urlForMessage(url)
  const details = {method, url, maybeApplied: method !== 'GET' && !NOT_SENT_CODES.has(code ?? '')}
  if (code === CONNECT_TIMEOUT) {
    return new RequestError(
      `No connection to ${where} within ${seconds(http.connectTimeoutMs)} (connect-timeout under [http] in ~/.s10k/config)`,
      details,
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ResponseDeadline) {
    return new RequestError(
      `No response from ${where} within ${seconds(http.responseTimeoutMs)} (response-timeout under [http] in ~/.s10k/config)`,
      details,
    )
  }
  if (/^maxContentLength size of \d+ exceeded$/.test(message)) {
    return new RequestError(
      `The response from ${where} is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB (decoded), s10k's limit; it was not read further`,
      details,
    )
  }
  const what = (code && NETWORK_ERRORS[code]) ?? message
  // a request that was sent and then lost its connection did reach the service
  const lead = NOT_SENT_CODES.has(code ?? '') ? 'Cannot reach' : 'No answer from'
  return new RequestError(`${lead} ${where}: ${what}`, details)
}

/** Friendlier words for the service's reason codes, about the request's subject, keeping the code itself visible. */
function reason(serviceMessage: string, subject = 'the object'): string {
  if (serviceMessage === 'ACCESS_DENIED')
    return `Access denied (ACCESS_DENIED): ${subject} belongs to another user, or these credentials may not do this`
  if (serviceMessage === 'UNKNOWN_OBJECT') return `Not found (UNKNOWN_OBJECT): ${subject} does not exist or is not yours`
  return serviceMessage
}

interface Envelope {
  success?: unknown
  message?: unknown
  data?: unknown
}

function parseEnvelope(body: string): Envelope | undefined {
  try {
    const value = JSON.parse(body) as unknown
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    // the envelope's own members only (JSON.parse keeps a `__proto__` key as data): nothing inherited is read
    return Object.assign(Object.create(null) as Envelope, value)
  } catch {
    return undefined
  }
}

function describeBody(response: AxiosResponse<string>): string {
  const type = String(response.headers['content-type'] ?? '')
  if (/html/i.test(type) || /^\s*</.test(response.data)) return 'an HTML page instead of JSON'
  return response.data.trim() === '' ? 'an empty body' : 'malformed JSON'
}

function statusText(response: AxiosResponse<string>): string {
  return `HTTP ${response.status}${response.statusText ? ' ' + response.statusText : ''}`
}

/** A gateway's answer: the service behind it may have received and applied the request. */
const GATEWAY_STATUSES = new Set([502, 503, 504])

/** `Retry-After` in words: a number of seconds, or an HTTP date shown as a UTC time. */
export function retryAfter(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return 'later'
  if (/^\d+$/.test(value.trim())) return `in ${Number(value)} s`
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? 'later' : `after ${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

/** Checks status and `success`, and returns the envelope's `data`. */
export function unwrapEnvelope(
  response: AxiosResponse<string>,
  method: string,
  url: string,
  subject?: string,
  parse?: (body: string) => unknown,
): unknown {
  const status = response.status
  const envelope = parseEnvelope(response.data)
  // the service's words go into a one-line message: shown escaped, never obeyed by the terminal
  const serviceMessage = typeof envelope?.message === 'string' && envelope.message !== '' ? printableLine(envelope.message) : undefined
  const where = `${method} ${urlForMessage(url)}`
  // a server error that is not the service's envelope (a proxy's HTML page) may hide an applied change too
  const fromService = typeof envelope?.success === 'boolean'
  const lost = GATEWAY_STATUSES.has(status) || (status >= 500 && !fromService)
  const details = {method, url, status, serviceMessage, maybeApplied: method !== 'GET' && lost}
  if (status === 401 || (status === 403 && (response.headers['www-authenticate'] || serviceMessage === 'Bad credentials'))) {
    const reason = serviceMessage ?? statusText(response)
    const hint = /skew/i.test(reason)
      ? "check this computer's clock"
      : /expired/i.test(reason)
        ? 'the token has expired'
        : 'check the token ID and secret'
    throw new CredentialsError(`Credentials rejected by ${where}: ${reason} (${hint})`)
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.location ? ` to ${response.headers.location}` : ''
    throw new RequestError(`Unexpected redirect${location} from ${where}, not followed: check service-urls in ~/.s10k/config`, details)
  }
  if (status < 200 || status >= 300) {
    if (serviceMessage) throw new RequestError(`${reason(serviceMessage, subject)} (HTTP ${status} from ${where})`, details)
    let hint = `, with ${describeBody(response)}`
    if (status === 404) hint = ': no such API here; check service-urls in ~/.s10k/config'
    if (status === 429) {
      hint = `: SolarNetwork is limiting requests; try again ${retryAfter(response.headers['retry-after'])}`
    }
    throw new RequestError(`${where} failed: ${statusText(response)}${hint}`, details)
  }
  if (!envelope) throw new RequestError(`Unexpected response from ${where}: ${describeBody(response)} (HTTP ${status})`, details)
  if (envelope.success !== true) {
    throw new RequestError(`Non-success response from ${where}: ${serviceMessage ? reason(serviceMessage, subject) : 'Unknown reason.'}`, details)
  }
  if (!parse) return envelope.data
  try {
    return (parse(response.data) as Envelope).data
  } catch (error) {
    throw new RequestError(`Unexpected response from ${where}: ${(error as Error).message} (HTTP ${status})`, details)
  }
}
