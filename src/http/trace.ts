import type {AxiosResponse, InternalAxiosRequestConfig} from 'axios'

/** `--http-trace` text. Signatures and secrets never appear in it. */

/** A JSON member whose name says it holds a secret (`authSecret`, `secret`, `tokenSecret`), with its string value. */
const SECRET_MEMBER = /("(?:[^"\\]|\\.)*secret"\s*:\s*)"(?:[^"\\]|\\.)*"/gi

/** Replaces the string value of every member named like a secret, whatever service or plugin sent it. */
export function redactBody(body: string): string {
  return body.replace(SECRET_MEMBER, '$1"<redacted>"')
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
