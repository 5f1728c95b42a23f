import type {ClientRequest} from 'node:http'
import type {Readable} from 'node:stream'

import type {AxiosInstance, AxiosRequestConfig, AxiosResponse, InternalAxiosRequestConfig} from 'axios'

import {type S10kConfig, checkTransport, isLoopback, serviceUrl} from '../auth/config.js'
import type {Credentials} from '../auth/credentials.js'
import {S10kError} from '../command/errors.js'
import {ownValue} from '../json/own.js'
import {compactJson, describeJson, type JsonValue} from '../json/write.js'
import {MAX_RESPONSE_BYTES, ResponseDeadline, isRetryable, toRequestError, unwrapEnvelope} from './errors.js'
import {traceRequest, traceResponse} from './trace.js'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** One SolarNetwork API call; `path` starts with the service context, e.g. `/solaruser/api/v1/...`. */
export interface ApiRequest {
  method: HttpMethod
  path: string
  query?: ReadonlyArray<readonly [string, string]>
  form?: ReadonlyArray<readonly [string, string]>
  json?: JsonValue
  /** A JSON body already written by compactJson, instead of `json`: a large one is written once, for its echo too. */
  jsonText?: string
  /** What the request is about, for the service's refusals: `security token X`, `node 101`. */
  subject?: string
  /** Reads a successful answer's body instead of JSON.parse (for example to keep numbers exactly as sent). */
  parse?: (body: string) => unknown
}

/** A request that reads: sent in a dry run too. */
export type ReadRequest = ApiRequest & {method: 'GET'}

/** A read whose answer is passed on as it arrives (`datum list` CSV and JSON) instead of being held. */
export type StreamRequest = ReadRequest & {accept: string}

/**
 * A streamed answer whose status was checked (2xx): its decoded body, read as it comes. `idleTimeoutMs` is the
 * longest silence allowed between two chunks (response-timeout); `cancel` closes the connection at once.
 */
export interface StreamedAnswer {
  body: Readable
  url: string
  idleTimeoutMs: number
  cancel: () => void
}

/** The items of a filter-results answer `data` to `answer` (`GET /path`); see `SolarClient.results`. */
export function filterResults(data: unknown, answer: string, orList: boolean): unknown[] {
  if (data === undefined || data === null) return []
  if (orList && Array.isArray(data)) return data
  if (typeof data !== 'object' || Array.isArray(data))
    throw new S10kError(`The service's answer to ${answer} is not a list of results: ${describeJson(data, 40)}`)
  const results = ownValue(data as Record<string, unknown>, 'results')
  if (results === undefined || results === null) return []
  if (!Array.isArray(results)) throw new S10kError(`The service's answer to ${answer} has results that are not a list: ${describeJson(results, 40)}`)
  return results
}

/** The most of an error answer's body read for its message. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024

/** What a request that changes data gives back in a dry run: it was shown, not sent. */
export class NotSent {
  constructor(readonly request: string) {}
}

export interface ClientOptions {
  credentials: Credentials
  config: S10kConfig
  /** Show requests that change data instead of sending them; reads are still sent. */
  dryRun?: boolean
  verbose?: boolean
  httpTrace?: boolean
  /** Where a dry run shows the requests it does not send. */
  stdout: (text: string) => Promise<void>
  stderr: (text: string) => void
}

/** Wait before the one retry of a read. */
const RETRY_DELAY_MS = 250

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8'
export const JSON_CONTENT_TYPE = 'application/json'

interface PreparedRequest {
  method: HttpMethod
  url: string
  contentType?: string
  body?: string
}

export function prepareRequest(config: S10kConfig, request: ApiRequest): PreparedRequest {
  const query = request.query?.length ? '?' + new URLSearchParams(request.query.map(([k, v]): [string, string] => [k, v])).toString() : ''
  const url = serviceUrl(config, request.path) + query
  if (request.form) {
    return {
      method: request.method,
      url,
      contentType: FORM_CONTENT_TYPE,
      body: new URLSearchParams(request.form.map(([k, v]): [string, string] => [k, v])).toString(),
    }
  }
  const json = request.jsonText ?? (request.json === undefined ? undefined : compactJson(request.json))
  if (json !== undefined) return {method: request.method, url, contentType: JSON_CONTENT_TYPE, body: json}
  return {method: request.method, url}
}

/** How a request reads in `--dry-run` output: method and URL, then the content type and body if any. */
export function describeRequest(prepared: PreparedRequest): string {
  const head = `${prepared.method} ${prepared.url}`
  return prepared.body === undefined ? `${head}\n` : `${head}\nContent-Type: ${prepared.contentType}\n\n${prepared.body}\n`
}

/**
 * The SolarNetwork API client: an axios instance whose request interceptor signs every request with
 * SNWS2 (host, X-SN-Date, and Content-Type and Digest when there is a body).
 */
export class SolarClient {
  /** How many requests that change data were shown instead of sent (a dry run). */
  notSent = 0
  private readonly dryRun: boolean
  private readonly options: ClientOptions
  private key?: Buffer
  /** The signer (node:crypto), loaded with axios on the first request sent, so that start-up never loads them. */
  private signer?: typeof import('../auth/signer.js')
  private http?: AxiosInstance

  constructor(options: ClientOptions) {
    this.options = options
    this.dryRun = options.dryRun ?? false
  }

  /** The ID of the token requests are signed with (never the secret). */
  get tokenId(): string {
    return this.options.credentials.tokenId
  }

  /**
   * The items of a read whose answer is filter results (`{"totalResults":N,…,"results":[…]}`); no answer, or no
   * `results`, is no items. `orList`: the service may also answer with the list itself (`[1, 2]`). Any other
   * shape is one error naming the request.
   */
  async results(request: ReadRequest, options: {orList?: boolean} = {}): Promise<unknown[]> {
    return filterResults(await this.request(request), `GET ${request.path}`, options.orList ?? false)
  }

  /**
   * Sends a request and returns the `data` of a successful response envelope. A read (GET) is retried once
   * after a connection error or a 502, 503 or 504; requests that change data are never retried, and in a dry
   * run they are shown, not sent, and give back `NotSent`.
   */
  async request<T = unknown>(request: ReadRequest): Promise<T | undefined>
  async request<T = unknown>(request: ApiRequest): Promise<T | undefined | NotSent>
  async request<T = unknown>(request: ApiRequest): Promise<T | undefined | NotSent> {
    const prepared = prepareRequest(this.options.config, request)
    const target = new URL(prepared.url)
    checkTransport(this.options.config, target)
    if (this.dryRun && request.method !== 'GET') {
      const description = describeRequest(prepared)
      await this.options.stdout(description)
      this.notSent++
      return new NotSent(description)
    }
    const response = await this.send<string>(prepared, target, {
      data: prepared.body,
      headers: prepared.contentType ? {'Content-Type': prepared.contentType} : {},
    })
    return unwrapEnvelope(response, prepared.method, prepared.url, request.subject, request.parse) as T | undefined
  }

  /**
   * Sends a read whose answer is streamed: the connect timeout applies, then response-timeout is the deadline for
   * the answer's headers, and afterwards the longest silence between chunks (the reader's job, with
   * `idleTimeoutMs`), never a total deadline, which would cut long exports. A failed status is read (at most
   * 1 MB) and thrown as `request()` throws it, before anything is written. Signed like every request.
   */
  async stream(request: StreamRequest): Promise<StreamedAnswer> {
    const prepared = prepareRequest(this.options.config, request)
    const target = new URL(prepared.url)
    checkTransport(this.options.config, target)
    const decoding = import('./decode.js')
    const response = await this.send<Readable>(prepared, target, {
      responseType: 'stream',
      // the 64 MB limit is for answers s10k holds; a stream passes through
      maxContentLength: -1,
      // decoded by decodedBody, in smaller chunks than axios's zlib streams, for a flat memory
      decompress: false,
      headers: {Accept: request.accept},
    })
    const body = (await decoding).decodedBody(response.data, response.headers)
    const cancel = (): void => {
      body.destroy()
      response.data.destroy()
      ;(response.request as ClientRequest | undefined)?.destroy()
    }
    if (response.status < 200 || response.status >= 300) {
      const text = await readLimited(body, MAX_ERROR_BODY_BYTES).finally(cancel)
      unwrapEnvelope({...response, data: text}, 'GET', prepared.url, request.subject)
    }
    return {body, url: prepared.url, idleTimeoutMs: this.options.config.http.responseTimeoutMs, cancel}
  }

  /**
   * Sends a prepared request and gives back the response of its last attempt. Each attempt has response-timeout
   * as its deadline until axios has the response (for a streamed one, its headers: the reader then limits silences),
   * and is logged with -v and traced with --http-trace (a streamed body is not). A read (GET) is retried once after
   * a connection error or a 502, 503 or 504; requests that change data are never retried.
   */
  private async send<D>(prepared: PreparedRequest, target: URL, config: AxiosRequestConfig): Promise<AxiosResponse<D>> {
    const http = await this.axios()
    const streamed = config.responseType === 'stream'
    for (let attempt = 1; ; attempt++) {
      const started = Date.now()
      let response: AxiosResponse<D> | undefined
      let failure: unknown
      // a deadline until axios gives the response (a buffered answer's whole body), not an idle timer a drip resets
      const deadline = new AbortController()
      const timer = setTimeout(() => {
        deadline.abort(new ResponseDeadline())
      }, this.options.config.http.responseTimeoutMs)
      try {
        response = await http.request<D>({
          ...config,
          method: prepared.method,
          url: prepared.url,
          signal: deadline.signal,
          // plain http is allowed to this machine only; a proxy (HTTP_PROXY) would carry it off the machine
          ...(isLoopback(target) ? {proxy: false as const} : {}),
        })
      } catch (error) {
        failure = deadline.signal.aborted ? deadline.signal.reason : error
      } finally {
        clearTimeout(timer)
      }
      const status = response ? String(response.status) : 'no response'
      if (this.options.verbose) this.options.stderr(`${prepared.method} ${prepared.url} -> ${status} (${Date.now() - started} ms)\n`)
      if (response && this.options.httpTrace) {
        this.options.stderr(traceResponse(streamed ? {...response, data: ''} : (response as AxiosResponse<unknown> as AxiosResponse<string>)))
      }
      if (attempt === 1 && prepared.method === 'GET' && isRetryable(response?.status, failure)) {
        if (streamed) (response?.data as Readable | undefined)?.destroy()
        if (this.options.verbose) this.options.stderr(`retrying ${prepared.method} ${prepared.url}\n`)
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS))
        continue
      }
      if (!response) throw toRequestError(failure, prepared.method, prepared.url, this.options.config.http)
      return response
    }
  }

  private async axios(): Promise<AxiosInstance> {
    if (this.http) return this.http
    const [{default: axios}, signer, {createAgents}] = await Promise.all([import('axios'), import('../auth/signer.js'), import('./agents.js')])
    this.signer = signer
    // one signing key per command, as the Java tool does; the service accepts it for seven days
    this.key = signer.signingKey(this.options.credentials.secret, new Date())
    const http = axios.create({
      adapter: 'http',
      ...createAgents(this.options.config.http.connectTimeoutMs),
      maxContentLength: MAX_RESPONSE_BYTES,
      maxRedirects: 0,
      responseType: 'text',
      transformRequest: [(data: unknown) => data],
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      headers: {Accept: 'application/json'},
    })
    http.interceptors.request.use((config) => this.sign(config))
    this.http = http
    return http
  }

  /** The authentication hook: signs exactly the Host, date, type and digest that are sent. */
  private sign(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
    if (!config.url || !config.method) throw new Error('a request without a URL or method')
    const url = new URL(config.url)
    const signer = this.signer
    const key = this.key
    if (!signer || !key) throw new Error('signing before the signer is loaded')
    // credentials are only ever signed for the configured SolarNetwork services
    const services = Object.values(this.options.config.serviceUrls).map((u) => new URL(u).host)
    if (!services.includes(url.host)) throw new Error(`Refusing to sign a request for ${url.host}: not a configured service URL`)
    const body = typeof config.data === 'string' ? config.data : undefined
    // axios would add a form content type to a POST without a body after this hook, unsigned; send none
    if (body === undefined) config.headers.set('Content-Type', false)
    const contentType = body === undefined ? undefined : String(config.headers.get('Content-Type'))
    const isForm = contentType?.startsWith('application/x-www-form-urlencoded') ?? false
    const date = new Date()
    const headers: Record<string, string> = {host: url.host, 'x-sn-date': signer.httpDate(date)}
    if (contentType) headers['content-type'] = contentType
    // hashed once: large metadata bodies are tens of MB
    const bodySha256Hex = body === undefined || isForm ? signer.EMPTY_SHA256_HEX : signer.sha256Hex(body)
    // a Digest on a form POST would make the service consume the body before reading its parameters
    if (body !== undefined && !isForm) headers.digest = 'sha-256=' + Buffer.from(bodySha256Hex, 'hex').toString('base64')
    const parameters = [...url.searchParams, ...(isForm ? new URLSearchParams(body) : [])]
    const authorization = signer.authorizationHeader(this.options.credentials.tokenId, key, {
      method: config.method.toUpperCase(),
      path: url.pathname,
      parameters,
      headers,
      bodySha256Hex,
      date,
    })
    config.headers.set('Host', headers.host)
    config.headers.set('X-SN-Date', headers['x-sn-date'])
    if (headers.digest) config.headers.set('Digest', headers.digest)
    config.headers.set('Authorization', authorization)
    if (this.options.httpTrace) this.options.stderr(traceRequest(config))
    return config
  }
}

/** A body's first `limit` bytes as text (an error answer's message); a body that fails part way gives what came. */
async function readLimited(body: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer)
      size += (chunk as Buffer).length
      if (size >= limit) break
    }
  } catch {
    // the status already says what went wrong
  }
  return Buffer.concat(chunks).subarray(0, limit).toString('utf8')
}
