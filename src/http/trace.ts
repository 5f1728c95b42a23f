import type {AxiosResponse, InternalAxiosRequestConfig} from 'axios'

/** `--http-trace` text. Signatures and secrets never appear in it. */

/**
 * A JSON member: its name as written (a string literal, escapes and all), the colon, and a scalar value (a string,
 * or a bare number, true, false or null).
 */
const MEMBER = /("(?:[^"\\]|\\.)*")(\s*:\s*)("(?:[^"\\]|\\.)*"|[-+\w.]+)/g

/** A member name as JSON means it (`"auth\u0053ecret"` is `authSecret`), or as written when it is not valid JSON. */
function memberName(literal: string): string {
  try {
    return String(JSON.parse(literal))
  } catch {
    return literal
  }
}

/**
 * Replaces the value of every member whose name, once decoded, ends in "secret" (`authSecret`, `secret`,
 * `tokenSecret`, any case), whatever service or plugin sent it.
 */
export function redactBody(body: string): string {
  return body.replace(MEMBER, (member, name: string, colon: string) => (/secret$/i.test(memberName(name)) ? `${name}${colon}"<redacted>"` : member))
}

function headerLines(prefix: string, headers: Record<string, unknown>): string {
  return Object.entries(headers)
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => `${prefix}${k}: ${/^authorization$/i.test(k) ? redactAuthorization(String(v)) : String(v)}\n`)
    .join('')
}

export function traceRequest(config: InternalAxiosRequestConfig): string {
  const body = typeof config.data === 'string' ? `>\n> ${config.data}\n` : ''
  return `> ${(config.method ?? 'get').toUpperCase()} ${config.url ?? ''}\n${headerLines('> ', config.headers.toJSON())}${body}`
}

export function traceResponse(response: AxiosResponse<string>): string {
  const body = response.data ? `<\n< ${redactBody(response.data)}\n` : ''
  return `< HTTP ${response.status} ${response.statusText}\n${headerLines('< ', Object.fromEntries(Object.entries(response.headers)))}${body}`
}

/** Replaces the signature of an Authorization header so traces never reveal it. */
export function redactAuthorization(value: string): string {
  return value.replace(/Signature=[0-9a-fA-F]+/, 'Signature=<redacted>')
}
