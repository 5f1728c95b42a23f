import type {AxiosResponse} from 'axios'

import {CredentialsError, ExitCode, RequestError} from '../errors.js'

/** The parts of a URL safe and useful in a message: no query string. */
export function urlForMessage(url: string): string {
  const q = url.indexOf('?')
  return q === -1 ? url : url.slice(0, q)
}

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'timed out',
  ETIMEDOUT: 'timed out',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'connection closed',
  ERR_BAD_RESPONSE: 'bad response',
}

/** A request that got no HTTP response: one line naming the URL, never a stack trace. */
export function toRequestError(error: unknown, method: string, url: string): RequestError {
  const e = error as {code?: string; message?: string; cause?: {code?: string}}
  const code = e.code ?? e.cause?.code
  const what = (code && NETWORK_ERRORS[code]) ?? e.message ?? String(error)
  return new RequestError(`Cannot reach ${urlForMessage(url)}: ${what}`, {method, url})
}

/** Friendlier words for the service's reason codes, keeping the code itself visible. */
const REASONS: Record<string, string> = {
  ACCESS_DENIED: 'Access denied (ACCESS_DENIED): the token belongs to another user, or your credentials may not do this',
  UNKNOWN_OBJECT: 'Not found (UNKNOWN_OBJECT): no such token',
}

interface Envelope {
  success?: unknown
  message?: unknown
  data?: unknown
}

function parseEnvelope(body: string): Envelope | undefined {
  try {
    const value = JSON.parse(body) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Envelope) : undefined
  } catch {
    return undefined
  }
}

function describeBody(response: AxiosResponse<string>): string {
  const type = String(response.headers['content-type'] ?? '')
  if (/html/i.test(type) || /^\s*</.test(response.data ?? '')) return 'an HTML page instead of JSON'
  return (response.data ?? '').trim() === '' ? 'an empty body' : 'malformed JSON'
}

/** Checks status and `success`, and returns the envelope's `data`. */
export function unwrapEnvelope<T>(response: AxiosResponse<string>, method: string, url: string): T | undefined {
  const status = response.status
  const envelope = parseEnvelope(response.data)
  const serviceMessage = typeof envelope?.message === 'string' && envelope.message !== '' ? envelope.message : undefined
  const where = `${method} ${urlForMessage(url)}`
  const details = {method, url, status, serviceMessage}
  if (status === 401 || (status === 403 && (response.headers['www-authenticate'] || serviceMessage === 'Bad credentials'))) {
    const reason = serviceMessage ?? `HTTP ${status}`
    const hint = /skew/i.test(reason) ? ' (check this computer\'s clock)' : ' (check the token ID and secret)'
    throw new CredentialsError(`Credentials rejected by ${where}: ${reason}${hint}`)
  }
  if (status < 200 || status >= 300) {
    const reason = serviceMessage ? (REASONS[serviceMessage] ?? serviceMessage) : `HTTP ${status}${response.statusText ? ' ' + response.statusText : ''}`
    throw new RequestError(`${reason} (HTTP ${status} from ${where})`, details, ExitCode.requestFailed)
  }
  if (!envelope) throw new RequestError(`Unexpected response from ${where}: ${describeBody(response)} (HTTP ${status})`, details)
  if (envelope.success !== true) {
    const reason = serviceMessage ? (REASONS[serviceMessage] ?? serviceMessage) : 'Unknown reason.'
    throw new RequestError(`Non-success response from ${where}: ${reason}`, details)
  }
  return envelope.data as T | undefined
}
