/**
 * An emulator of the SolarUser security-token API (solarnetwork-api.md §1, §2). It verifies every SNWS2
 * signature the way the service does, applies the service's merge and replace rules, answers with its
 * envelopes and status codes, records every request, and can inject faults.
 */
import {createHash, createHmac, randomInt} from 'node:crypto'
import {type IncomingMessage, type Server, type ServerResponse, createServer} from 'node:http'
import type {AddressInfo, Socket} from 'node:net'
import {Readable} from 'node:stream'
import {createGzip} from 'node:zlib'

import {DatumService, type StoredStream} from './datum-emulator.js'
import {exampleStreams} from './datum-fixtures.js'
import {exampleNodes} from './nodes-fixtures.js'
import {NodesService, type StoredNode, jsonText} from './nodes-emulator.js'
import {MalformedPolicyError, type ServerPolicy, antMatch, isRestricted, mergePolicy, parsePolicy, writePolicy} from './server-policy.js'

export const BASE_PATH = '/solaruser/api/v1/sec/user/auth-tokens'
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex')
const MAX_SKEW_MS = 900_000
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-._'

export interface StoredToken {
  id: string
  secret?: string
  userId: number
  created: string
  name?: string
  description?: string
  status: 'Active' | 'Disabled'
  type: 'User' | 'ReadNodeData'
  policy?: ServerPolicy
}

export interface RecordedRequest {
  method: string
  path: string
  /** The raw query string, without `?`. */
  query: string
  /** Decoded query parameters, in order. */
  queryParams: [string, string][]
  /** Decoded form fields of a form body, in order. */
  form?: [string, string][]
  contentType?: string
  body: string
  headers: Record<string, string | string[] | undefined>
  /** The verified caller token, or the reason verification failed. */
  auth: {ok: true; tokenId: string} | {ok: false; reason: string}
}

export interface Fault {
  method?: string
  /** Matches when the request path ends with this (e.g. `/info`), or equals BASE_PATH for ''. */
  path?: string
  /** How many requests it applies to (default 1). */
  times?: number
  status?: number
  body?: string
  contentType?: string
  headers?: Record<string, string>
  /** Wait this long before answering. */
  delayMs?: number
  /**
   * `reset` destroys the connection; `hang` never answers; `drip` sends the headers and then one byte of body
   * a second, for ever; `endless` sends an endless body as fast as it is read; `bomb` an endless gzip body of
   * zeros (about a thousand bytes decoded for each one sent).
   */
  action?: 'respond' | 'reset' | 'hang' | 'drip' | 'endless' | 'bomb'
  /** Carry out the request first (the change is made), then answer with the fault: a lost or failed answer. */
  afterApplying?: boolean
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

const badCredentials = (message = 'Bad credentials') => new ApiFailure(403, message, {'WWW-Authenticate': 'SNWS2', 'X-SN-ErrorMessage': message})

/** `yyyy-MM-dd HH:mm:ss[.fraction]Z` with the fraction's trailing zeros removed. */
export function serviceTimestamp(epochMillis: number, micros = 0): string {
  const iso = new Date(epochMillis).toISOString()
  const fraction = `${iso.slice(20, 23)}${String(micros).padStart(3, '0')}`.replace(/0+$/, '')
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction ? '.' + fraction : ''}Z`
}

function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest()
}

function compactUtc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

export class SolarUserEmulator {
  readonly tokens = new Map<string, StoredToken>()
  readonly requests: RecordedRequest[] = []
  /** The emulator's clock, for expiry and skew checks. */
  now: () => number = () => Date.now()
  /** Node IDs each user owns; a generate with other node IDs is refused. Unset means any. */
  userNodes?: Map<number, number[]>

  private readonly faults: Fault[] = []
  private server?: Server
  private readonly sockets = new Set<Socket>()

  /** The node and node-metadata endpoints (nodes-emulator.ts). */
  readonly nodes: NodesService
  /** The datum and datum stream endpoints (datum-emulator.ts). */
  readonly datum: DatumService

  constructor(
    tokens: readonly StoredToken[] = [],
    nodes: readonly StoredNode[] = exampleNodes(),
    streams: readonly StoredStream[] = exampleStreams(),
  ) {
    for (const token of tokens) this.tokens.set(token.id, structuredClone(token))
    this.nodes = new NodesService(nodes, () => this.now())
    this.datum = new DatumService(streams, this.nodes)
  }

  inject(fault: Fault): void {
    this.faults.push({times: 1, ...fault})
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.statusCode = 500
        res.end(JSON.stringify({success: false, message: error instanceof Error ? error.message : String(error)}))
      })
    })
    this.server.on('connection', (socket) => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
    const server = this.server
    // a port in use rejects, for the caller to report, instead of an unhandled 'error' event
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const address = this.server.address() as AddressInfo
    return `http://${host}:${address.port}`
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise<void>((resolve) => {
      if (this.server)
        this.server.close(() => {
          resolve()
        })
      else resolve()
    })
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q === -1 ? url : url.slice(0, q)
    const query = q === -1 ? '' : url.slice(q + 1)
    const contentType = req.headers['content-type']
    const isForm = contentType?.startsWith('application/x-www-form-urlencoded') ?? false
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query,
      queryParams: [...new URLSearchParams(query)],
      form: isForm && !req.headers.digest && !req.headers['content-md5'] ? [...new URLSearchParams(raw.toString('utf8'))] : undefined,
      contentType,
      body: raw.toString('utf8'),
      headers: {...req.headers},
      auth: {ok: false, reason: 'not checked'},
    }
    this.requests.push(record)

    let caller: StoredToken
    try {
      caller = this.authenticate(req, record, raw)
      record.auth = {ok: true, tokenId: caller.id}
    } catch (error) {
      record.auth = {ok: false, reason: (error as Error).message}
      if (await this.applyFault(record, res)) return
      this.fail(res, error as Error)
      return
    }
    if (await this.applyFault(record, res, false)) return
    if (DatumService.streams(record.path)) {
      await this.datum.serve(record, caller, res)
      return
    }
    try {
      const data = this.route(record, caller)
      if (await this.applyFault(record, res, true)) return
      this.send(res, 200, data === undefined ? {success: true} : {success: true, data})
    } catch (error) {
      this.fail(res, error as Error)
    }
  }

  private async applyFault(record: RecordedRequest, res: ServerResponse, applied = false): Promise<boolean> {
    const fault = this.faults.find(
      (f) =>
        (f.times ?? 1) > 0 &&
        (f.afterApplying ?? false) === applied &&
        (!f.method || f.method === record.method) &&
        (f.path === undefined || (f.path === '' ? record.path === BASE_PATH : record.path.endsWith(f.path))),
    )
    if (!fault) return false
    fault.times = (fault.times ?? 1) - 1
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.action === 'hang') return true
    if (fault.action === 'reset') {
      res.socket?.destroy()
      return true
    }
    if (fault.action === 'drip' || fault.action === 'endless' || fault.action === 'bomb') {
      this.stream(res, fault.action, fault.headers)
      return true
    }
    res.writeHead(fault.status ?? 500, {'Content-Type': fault.contentType ?? 'application/json;charset=UTF-8', ...fault.headers})
    res.end(fault.body ?? '')
    return true
  }

  /** A body that never ends, until the client goes away. */
  private stream(res: ServerResponse, kind: 'drip' | 'endless' | 'bomb', headers: Record<string, string> = {}): void {
    const type = {'Content-Type': 'application/json;charset=UTF-8', ...headers}
    if (kind === 'drip') {
      res.writeHead(200, type)
      res.write('{')
      const timer = setInterval(() => {
        res.write(' ')
      }, 1000)
      res.on('close', () => {
        clearInterval(timer)
      })
      return
    }
    const zeros = Buffer.alloc(64 * 1024, kind === 'bomb' ? 0 : 0x20)
    const source = Readable.from(
      (function* () {
        for (;;) yield zeros
      })(),
    )
    res.writeHead(200, kind === 'bomb' ? {...type, 'Content-Encoding': 'gzip'} : type)
    const body = kind === 'bomb' ? source.pipe(createGzip({level: 9})) : source
    body.pipe(res)
    res.on('close', () => {
      source.destroy()
    })
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, {'Content-Type': 'application/json;charset=UTF-8', ...headers})
    res.end(jsonText(body))
  }

  private fail(res: ServerResponse, error: Error): void {
    if (error instanceof ApiFailure) this.send(res, error.status, {success: false, message: error.message}, error.headers)
    else this.send(res, 500, {success: false, message: error.message})
  }

  // ---- SNWS2 verification, in the service's order (§1.7) ----

  private authenticate(req: IncomingMessage, record: RecordedRequest, raw: Buffer): StoredToken {
    const header = req.headers.authorization
    if (!header?.startsWith('SNWS2 ')) throw badCredentials('Missing or invalid Authorization header')
    const parts = new Map<string, string>()
    for (const part of header.slice(6).split(',')) {
      const eq = part.indexOf('=')
      if (eq > 0) parts.set(part.slice(0, eq), part.slice(eq + 1))
    }
    const tokenId = parts.get('Credential')
    const signature = parts.get('Signature')
    const signedHeaders = parts.get('SignedHeaders')?.split(';') ?? []
    if (!tokenId) throw badCredentials('Invalid Credential value')
    if (signature?.length !== 64) throw badCredentials('Invalid Signature value')
    if (signedHeaders.length < 2) throw badCredentials('Invalid SignedHeaders value')
    if (!signedHeaders.includes('host')) throw badCredentials('The host header must be signed')
    if (!signedHeaders.includes('x-sn-date') && !signedHeaders.includes('date')) throw badCredentials('A date header must be signed')
    for (const name of Object.keys(req.headers)) {
      const mustSign = name.startsWith('x-sn-') || ['content-type', 'content-md5', 'digest'].includes(name)
      if (mustSign && !signedHeaders.includes(name)) throw badCredentials(`The ${name} header must be signed`)
    }
    const digest = req.headers.digest
    if (typeof digest === 'string') {
      const [algorithm, value] = [digest.slice(0, digest.indexOf('=')), digest.slice(digest.indexOf('=') + 1)]
      if (algorithm.toLowerCase() !== 'sha-256') throw badCredentials('Unsupported digest algorithm')
      const actual = createHash('sha256').update(raw).digest()
      const ok = value.length === 64 ? value === actual.toString('hex') : value === actual.toString('base64')
      if (!ok) throw badCredentials('Content sha-256 digest value mismatch')
    }
    const dateHeader = (req.headers['x-sn-date'] ?? req.headers.date) as string | undefined
    const date = dateHeader ? new Date(dateHeader) : undefined
    if (!date || Number.isNaN(date.getTime())) throw badCredentials('Missing or invalid HTTP Date header value')

    const token = this.tokens.get(tokenId)
    if (!token?.secret || token.status !== 'Active') throw badCredentials()
    if (token.policy?.notAfter !== undefined && token.policy.notAfter < this.now()) throw new ApiFailure(401, 'Expired token')
    if (token.policy?.apiPaths) {
      const apiPath = record.path.replace(/^\/solaruser/, '').replace(/^\/api\/v1\/sec/, '')
      const allowed = token.policy.apiPaths.some((p) => (p.startsWith('!') ? !antMatch(p.slice(1), apiPath) : antMatch(p, apiPath)))
      if (!allowed) throw new ApiFailure(403, 'Access denied')
    }

    // the service reads form fields as parameters before hashing, so a form body hashes as empty
    const parameters = [...record.queryParams, ...(record.form ?? [])]
    const bodyHash = record.form ? EMPTY_SHA256 : raw.length === 0 ? EMPTY_SHA256 : createHash('sha256').update(raw).digest('hex')
    const canonical = this.canonicalRequest(record.method, record.path, parameters, signedHeaders, req, bodyHash)
    const stringToSign = `SNWS2-HMAC-SHA256\n${compactUtc(date)}\n${createHash('sha256').update(canonical).digest('hex')}`
    const matches = Array.from({length: 7}, (_, back) => {
      const day = new Date(date.getTime() - back * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
      const key = hmac(hmac(`SNWS2${token.secret ?? ''}`, day), 'snws2_request')
      return hmac(key, stringToSign).toString('hex')
    }).includes(signature)
    if (!matches) throw badCredentials()
    if (Math.abs(this.now() - date.getTime()) >= MAX_SKEW_MS) throw badCredentials('Date skew too large')
    return token
  }

  private canonicalRequest(
    method: string,
    path: string,
    parameters: [string, string][],
    signedHeaders: string[],
    req: IncomingMessage,
    bodyHash: string,
  ): string {
    const byName = new Map<string, string[]>()
    for (const [k, v] of parameters) byName.set(k, [...(byName.get(k) ?? []), v])
    const query = [...byName.keys()]
      .sort()
      .flatMap((k) => byName.get(k)!.map((v) => `${uriEncode(k)}=${uriEncode(v)}`))
      .join('&')
    const headerLines = signedHeaders.map((name) => {
      const value = req.headers[name.toLowerCase()]
      return `${name}:${(Array.isArray(value) ? value.join(',') : (value ?? '')).trim().replace(/ {2,}/g, ' ')}\n`
    })
    return `${method}\n${path}\n${query}\n${headerLines.join('')}${signedHeaders.join(';')}\n${bodyHash}`
  }

  // ---- the token API (§2) ----

  private route(record: RecordedRequest, caller: StoredToken): unknown {
    if (NodesService.handles(record.path)) return this.nodes.route(record, caller)
    if (DatumService.handles(record.path)) return this.datum.route(record, caller)
    if (caller.type !== 'User') throw new ApiFailure(403, 'ACCESS_DENIED')
    const params = new Map<string, string>([...(record.form ?? []), ...record.queryParams].reverse())
    const sub = record.path.startsWith(BASE_PATH) ? record.path.slice(BASE_PATH.length) : undefined
    const restricted = isRestricted(caller.policy)
    const key = `${record.method} ${sub}`
    if (key === 'GET ' || key === 'GET /') return this.visible(caller).map((t) => this.tokenJson(t))
    if (key === 'GET /find') return this.find(caller, record.queryParams)
    if (sub !== undefined && restricted && record.method !== 'GET') throw new ApiFailure(403, 'ACCESS_DENIED')
    if (key === 'POST /info') {
      const token = this.owned(caller, params)
      // the service keeps only text with a non-space character (Spring's hasText); blank is absent
      const text = (value: string | null | undefined) => (value != null && value.trim() !== '' ? value : undefined)
      token.name = text(params.get('name'))
      token.description = text(params.get('description'))
      return undefined
    }
    if (key === 'POST /status') {
      const token = this.owned(caller, params)
      const status = params.get('status')
      if (status !== 'Active' && status !== 'Disabled') throw this.conversionFailure(status, 'SecurityTokenStatus')
      token.status = status
      return undefined
    }
    if (key === 'PATCH /policy' || key === 'PUT /policy') {
      const token = this.owned(caller, params)
      const policy = this.policyBody(record, true)!
      token.policy = record.method === 'PUT' ? policy : mergePolicy(token.policy, policy)
      return this.tokenJson(token)
    }
    const generate = /^\/generate\/([^/]+)$/.exec(sub ?? '')
    if (record.method === 'POST' && generate) return this.generate(caller, generate[1], record)
    if (key === 'DELETE ' || key === 'DELETE /') {
      const id = this.requireParam(params, 'tokenId')
      const token = this.tokens.get(id)
      if (token && token.userId !== caller.userId) throw new ApiFailure(403, 'ACCESS_DENIED')
      this.tokens.delete(id)
      return undefined
    }
    throw new ApiFailure(404, 'Not Found')
  }

  private visible(caller: StoredToken): StoredToken[] {
    const all = [...this.tokens.values()].filter((t) => t.userId === caller.userId)
    const list = isRestricted(caller.policy) ? all.filter((t) => t.id === caller.id) : all
    return list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  }

  private find(caller: StoredToken, queryParams: [string, string][]): unknown {
    const values = (name: string) => queryParams.filter(([k]) => k === name).flatMap(([, v]) => v.split(','))
    const identifiers = values('identifiers')
    const types = values('tokenTypes').filter((t) => t === 'User' || t === 'ReadNodeData')
    const active = queryParams.find(([k]) => k === 'active')?.[1]
    const results = this.visible(caller).filter(
      (t) =>
        (identifiers.length === 0 || identifiers.includes(t.id)) &&
        (types.length === 0 || types.includes(t.type)) &&
        (active === undefined || (active === 'true') === (t.status === 'Active')),
    )
    return {totalResults: results.length, startingOffset: 0, returnedResultCount: results.length, results: results.map((t) => this.tokenJson(t))}
  }

  private requireParam(params: Map<string, string>, name: string): string {
    const value = params.get(name)
    if (value === undefined) throw new ApiFailure(400, `Required request parameter '${name}' for method parameter type String is not present`)
    return value
  }

  private owned(caller: StoredToken, params: Map<string, string>): StoredToken {
    const token = this.tokens.get(this.requireParam(params, 'tokenId'))
    if (!token) throw new ApiFailure(403, 'UNKNOWN_OBJECT')
    if (token.userId !== caller.userId) throw new ApiFailure(403, 'ACCESS_DENIED')
    return token
  }

  private conversionFailure(value: string | undefined, type: string): ApiFailure {
    return new ApiFailure(
      422,
      `Illegal argument: Failed to convert value of type 'java.lang.String' to required type 'net.solarnetwork.central.security.${type}'; Failed to convert from type [java.lang.String] to type [${type}] for value [${value}]`,
    )
  }

  private policyBody(record: RecordedRequest, required: boolean): ServerPolicy | undefined {
    if (record.body === '' && !required) return undefined
    if (!record.contentType?.startsWith('application/json')) {
      throw new ApiFailure(415, `Content-Type '${record.contentType ?? ''}' is not supported.`)
    }
    let json: unknown
    try {
      json = JSON.parse(record.body)
      return parsePolicy(json)
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof MalformedPolicyError) throw new ApiFailure(422, `Malformed JSON: ${error.message}`)
      throw error
    }
  }

  private generate(caller: StoredToken, type: string, record: RecordedRequest): unknown {
    if (type !== 'User' && type !== 'ReadNodeData') throw this.conversionFailure(type, 'SecurityTokenType')
    const policy = this.policyBody(record, false)
    const owned = this.userNodes?.get(caller.userId)
    if (owned && policy?.nodeIds?.some((n) => !owned.includes(n))) throw new ApiFailure(403, 'ACCESS_DENIED')
    const random = (length: number) => Array.from({length}, () => ID_ALPHABET[randomInt(ID_ALPHABET.length)]).join('')
    const now = this.now()
    const token: StoredToken = {
      id: random(20),
      secret: random(24 + randomInt(8)),
      userId: caller.userId,
      created: serviceTimestamp(now, randomInt(1000)),
      status: 'Active',
      type,
      policy: policy && Object.keys(writePolicy(policy)).length > 0 ? policy : undefined,
    }
    this.tokens.set(token.id, token)
    return {...(this.tokenJson(token) as object), authSecret: token.secret}
  }

  /** The service's token JSON: nulls omitted, policy before `expired`. */
  tokenJson(token: StoredToken): unknown {
    return {
      id: token.id,
      created: token.created,
      userId: token.userId,
      ...(token.name === undefined ? {} : {name: token.name}),
      ...(token.description === undefined ? {} : {description: token.description}),
      status: token.status,
      type: token.type,
      ...(token.policy ? {policy: writePolicy(token.policy)} : {}),
      expired: token.policy?.notAfter !== undefined && token.policy.notAfter < this.now(),
    }
  }
}
