import {createHash, createHmac} from 'node:crypto'

// SNWS2 request signing, as SolarNetwork specifies it (its "SolarNet API authentication scheme V2").

/** SHA-256 of the empty string: the body hash of a request without a body, or with a form body. */
export const EMPTY_SHA256_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

export interface SignableRequest {
  method: string
  /** The request path exactly as sent, without the query. */
  path: string
  /** Decoded query parameters plus, for form bodies, the decoded form fields, in sent order. */
  parameters: ReadonlyArray<readonly [string, string]>
  /** Header values by lowercase name; every header listed here is signed. */
  headers: Readonly<Record<string, string>>
  /** The body's SHA-256 in lowercase hex; the empty-string hash for no body or a form body. */
  bodySha256Hex: string
  /** The request date (second resolution is what the service sees). */
  date: Date
}

/** RFC 3986 unreserved-only percent encoding of UTF-8 bytes, uppercase hex. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** Names sorted by UTF-16 code units, every value of a name in original order. */
export function canonicalQueryString(parameters: ReadonlyArray<readonly [string, string]>): string {
  const byName = new Map<string, string[]>()
  for (const [name, value] of parameters) {
    const values = byName.get(name)
    if (values) values.push(value)
    else byName.set(name, [value])
  }
  const names = [...byName.keys()].sort()
  return names.flatMap((name) => (byName.get(name) ?? []).map((v) => `${uriEncode(name)}=${uriEncode(v)}`)).join('&')
}

export function canonicalRequest(request: SignableRequest): string {
  const names = Object.keys(request.headers).sort()
  const headerLines = names.map((name) => `${name}:${request.headers[name].trim()}\n`).join('')
  return (
    `${request.method.toUpperCase()}\n${request.path}\n${canonicalQueryString(request.parameters)}\n` +
    `${headerLines}${names.join(';')}\n${request.bodySha256Hex}`
  )
}

function dayStamp(date: Date): string {
  return date.toISOString().slice(0, 10).replaceAll('-', '')
}

function timeStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
}

/** The key for one UTC day; the service accepts a key of the request's day or the six before it. */
export function signingKey(secret: string, date: Date): Buffer {
  const kDate = createHmac('sha256', 'SNWS2' + secret)
    .update(dayStamp(date))
    .digest()
  return createHmac('sha256', kDate).update('snws2_request').digest()
}

export function stringToSign(canonical: string, date: Date): string {
  return `SNWS2-HMAC-SHA256\n${timeStamp(date)}\n${sha256Hex(canonical)}`
}

export function signature(key: Uint8Array, canonical: string, date: Date): string {
  return createHmac('sha256', key).update(stringToSign(canonical, date)).digest('hex')
}

export function authorizationHeader(tokenId: string, key: Uint8Array, request: SignableRequest): string {
  const signedHeaders = Object.keys(request.headers).sort().join(';')
  const sig = signature(key, canonicalRequest(request), request.date)
  return `SNWS2 Credential=${tokenId},SignedHeaders=${signedHeaders},Signature=${sig}`
}

/** `Mon, 29 Sep 2025 04:05:46 GMT` */
export function httpDate(date: Date): string {
  return date.toUTCString()
}
