/**
 * The node and node-metadata endpoints of SolarUser and SolarQuery (solarnetwork-nodes.md §3, §4), with the
 * service's rules: the user's non-archived nodes, policy `nodeIds` filtering, metadata merge (§3.4) and
 * replace, 403 `UNKNOWN_OBJECT`/`ACCESS_DENIED`, and ReadNodeData tokens allowed on SolarQuery only.
 */
import {randomUUID} from 'node:crypto'

import {ApiFailure, type RecordedRequest, type StoredToken, serviceTimestamp} from './emulator.js'
import {antMatch} from './server-policy.js'

export interface StoredSource {
  sourceId: string
  /** Epoch milliseconds of the stream's datum. */
  times?: number[]
  i?: string[]
  a?: string[]
  s?: string[]
}

export interface StoredNode {
  id: number
  userId: number
  created: string
  requiresAuthorization?: boolean
  archived?: boolean
  country?: string
  zone?: string
  sources?: StoredSource[]
  metadata?: {created: string; updated: string; meta: Record<string, unknown>}
}

type Json = Record<string, unknown>

/**
 * A stored number whose PostgreSQL `numeric` text a JavaScript number would not give back (`1.50`, a 20-digit
 * integer). Numbers whose text it does (`123`, `1000` for `1e3`) are stored as plain numbers.
 */
export class Numeric {
  constructor(readonly text: string) {}
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Numeric)

/** Sets an own property, `__proto__` too: jsonb keeps every key as data. */
function setOwn(object: Json, key: string, value: unknown): void {
  // only `__proto__` has a setter on Object.prototype; other keys assign, faster for large metadata
  if (key === '__proto__') Object.defineProperty(object, key, {value, writable: true, enumerable: true, configurable: true})
  else object[key] = value
}

const own = (object: Json, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined)

/** A JSON number's text as PostgreSQL `numeric` prints it: plain notation, the scale kept (`1e3` -> `1000`, `1.50`). */
export function numericText(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text)
  if (!m) throw new Error(`not a JSON number: ${text}`)
  const [, sign, whole, fraction = '', exponent = '0'] = m
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  const scale = Math.max(0, fraction.length - Number(exponent))
  let integer: string
  let decimals: string
  if (point <= 0) [integer, decimals] = ['0', '0'.repeat(-point) + digits]
  else if (point >= digits.length) [integer, decimals] = [digits + '0'.repeat(point - digits.length), '']
  else [integer, decimals] = [digits.slice(0, point), digits.slice(point)]
  integer = integer.replace(/^0+(?=\d)/, '')
  const out = `${integer}${scale > 0 ? '.' + decimals.padEnd(scale, '0').slice(0, scale) : ''}`
  return sign === '-' && /[1-9]/.test(digits) ? `-${out}` : out
}

function storedNumber(text: string): number | Numeric {
  const numeric = numericText(text)
  return String(Number(numeric)) === numeric ? Number(numeric) : new Numeric(numeric)
}

/** A request body as jsonb reads it: every key kept as data, numbers kept as `numeric` (see Numeric). */
export function parseJsonBody(text: string): unknown {
  const marker = `${randomUUID()}:`
  // numbers outside strings become marked strings, which the reviver turns back into exact numbers
  const marked = text.replace(/"[^"\\]*(?:\\.[^"\\]*)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `"${marker}${token}"`,
  )
  return JSON.parse(marked, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(marker) ? storedNumber(value.slice(marker.length)) : value,
  )
}

/** JSON text of an answer: JSON.stringify, with Numeric values written as their exact text. */
export function jsonText(value: unknown): string {
  const marker = `${randomUUID()}:`
  const text = JSON.stringify(value, (_key, v: unknown) => (v instanceof Numeric ? `${marker}${v.text}` : v))
  return text.replaceAll(new RegExp(`"${marker}([^"]*)"`, 'g'), '$1')
}

/** A deep copy that keeps Numeric values and every key (structuredClone would turn a Numeric into an object). */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => clone(v)) as T
  if (!isObject(value)) return value
  const out: Json = {}
  for (const [k, v] of Object.entries(value)) setOwn(out, k, clone(v))
  return out as T
}

/** PostgreSQL jsonb key order: shorter keys first, then by bytes; at every level. */
function jsonbOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => jsonbOrder(v))
  if (!isObject(value)) return value
  const keys = Object.keys(value).sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)))
  return Object.fromEntries(keys.map((k) => [k, jsonbOrder(value[k])]))
}

/** GeneralDatumMetadata.merge(request, replace=true): §3.4. Nulls in the request delete keys. */
export function mergeMetadata(stored: Json, request: Json): Json {
  const out: Json = clone(stored)
  const requestM = own(request, 'm')
  if (isObject(requestM)) {
    const current = own(out, 'm')
    const m: Json = isObject(current) ? current : {}
    for (const [k, v] of Object.entries(requestM)) {
      if (v === null) Reflect.deleteProperty(m, k)
      else setOwn(m, k, clone(v))
    }
    out.m = m
  }
  const requestPm = own(request, 'pm')
  if (isObject(requestPm)) {
    const current = own(out, 'pm')
    const pm: Json = isObject(current) ? current : {}
    for (const [name, info] of Object.entries(requestPm)) {
      if (info === null) {
        Reflect.deleteProperty(pm, name)
        continue
      }
      if (!isObject(info)) continue
      const existing = own(pm, name)
      if (!isObject(existing)) {
        setOwn(pm, name, clone(info))
        continue
      }
      for (const [k, v] of Object.entries(info)) {
        if (v === null) Reflect.deleteProperty(existing, k)
        else setOwn(existing, k, clone(v))
      }
    }
    out.pm = pm
  }
  const requestT = own(request, 't')
  const storedT = own(out, 't')
  if (Array.isArray(requestT)) out.t = [...new Set([...(Array.isArray(storedT) ? (storedT as unknown[]) : []), ...(requestT as unknown[])])]
  for (const key of ['m', 'pm', 't']) {
    const v = own(out, key)
    if ((Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0)) Reflect.deleteProperty(out, key)
  }
  return out
}

/** A tiny LDAP-style metadata filter, enough for the handbook: `(m/limit>200)`, `(&(a=1)(b>2))`, `(!(x=y))`. */
export function matchesFilter(filter: string, meta: Json): boolean {
  let at = 0
  const node = (): boolean => {
    if (filter[at] !== '(') throw new ApiFailure(422, `Illegal argument: bad metadata filter at ${at}`)
    at++
    const op = filter[at]
    if (op === '&' || op === '|' || op === '!') {
      at++
      const parts: boolean[] = []
      while (filter[at] === '(') parts.push(node())
      at++
      return op === '&' ? parts.every(Boolean) : op === '|' ? parts.some(Boolean) : !parts[0]
    }
    const end = filter.indexOf(')', at)
    const m = /^([^=<>~]+)(>=|<=|~=|=|>|<)(.*)$/.exec(filter.slice(at, end))
    at = end + 1
    if (!m) return false
    const [, path, cmp, wanted] = m
    let value: unknown = meta
    for (const key of path.replace(/^\//, '').split('/')) value = isObject(value) ? own(value, key) : undefined
    if (value === undefined) return false
    if (cmp === '=' && wanted === '*') return true
    if (value instanceof Numeric) value = Number(value.text)
    const num = Number(wanted)
    if (typeof value === 'number' && !Number.isNaN(num)) {
      return cmp === '>' ? value > num : cmp === '<' ? value < num : cmp === '>=' ? value >= num : cmp === '<=' ? value <= num : value === num
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value)
    if (cmp === '=' || cmp === '~=') return antMatch(wanted.replaceAll('*', '**'), text) || text === wanted
    return cmp === '>' ? text > wanted : cmp === '<' ? text < wanted : cmp === '>=' ? text >= wanted : text <= wanted
  }
  return node()
}

export class NodesService {
  readonly nodes = new Map<number, StoredNode>()

  constructor(
    nodes: readonly StoredNode[],
    private readonly now: () => number,
  ) {
    for (const node of nodes) this.nodes.set(node.id, structuredClone(node))
  }

  static handles(path: string): boolean {
    return /^\/(solaruser|solarquery)\/api\/v1\/sec\/nodes(\/|$)/.test(path)
  }

  route(record: RecordedRequest, caller: StoredToken): unknown {
    const query = record.path.startsWith('/solarquery/')
    // a ReadNodeData token may read SolarQuery; SolarUser needs a User token
    if (!query && caller.type !== 'User') throw new ApiFailure(403, 'ACCESS_DENIED')
    const sub = record.path.replace(/^\/(solaruser|solarquery)\/api\/v1\/sec\/nodes/, '')
    const values = (name: string) => record.queryParams.filter(([k]) => k === name).flatMap(([, v]) => v.split(',').filter((x) => x !== ''))
    if (query && record.method === 'GET' && sub === '') return this.readable(caller).map((n) => n.id)
    if (query && record.method === 'GET' && sub === '/sources') return this.sources(caller, record.queryParams, values)
    if (!query && record.method === 'GET' && sub === '') {
      const nodes = this.readable(caller).map((n) => this.userNodeJson(n))
      return {totalResults: nodes.length, startingOffset: 0, returnedResultCount: nodes.length, results: nodes}
    }
    if (!query && record.method === 'GET' && sub === '/meta')
      return this.findMetadata(caller, values('nodeIds').map(Number), values('metadataFilter').join(','))
    const meta = /^\/meta\/(\d+)$/.exec(sub)
    if (!query && meta) {
      const node = this.writable(caller, Number(meta[1]))
      if (record.method === 'DELETE') {
        delete node.metadata
        return undefined
      }
      if (record.method === 'POST' || record.method === 'PUT') {
        if (!record.contentType?.startsWith('application/json'))
          throw new ApiFailure(415, `Content-Type '${record.contentType ?? ''}' is not supported.`)
        let body: unknown
        try {
          body = parseJsonBody(record.body)
        } catch (error) {
          throw new ApiFailure(422, `Malformed JSON: ${(error as Error).message}`)
        }
        if (!isObject(body)) throw new ApiFailure(422, 'Malformed JSON: not an object')
        const now = serviceTimestamp(this.now(), 123)
        const stored = node.metadata?.meta ?? {}
        const next = record.method === 'PUT' ? body : mergeMetadata(stored, body)
        if (record.method === 'POST' && node.metadata && jsonText(jsonbOrder(next)) === jsonText(jsonbOrder(stored))) return undefined
        node.metadata = {created: node.metadata?.created ?? now, updated: now, meta: next}
        return undefined
      }
    }
    throw new ApiFailure(404, 'Not Found')
  }

  /** The caller's non-archived nodes the token policy allows, by ID. */
  private readable(caller: StoredToken): StoredNode[] {
    const allowed = caller.policy?.nodeIds
    return [...this.nodes.values()]
      .filter((n) => n.userId === caller.userId && !n.archived && (!allowed?.length || allowed.includes(n.id)))
      .sort((a, b) => a.id - b.id)
  }

  private writable(caller: StoredToken, id: number): StoredNode {
    const node = this.nodes.get(id)
    if (!node) throw new ApiFailure(403, 'UNKNOWN_OBJECT')
    const allowed = caller.policy?.nodeIds
    if (node.userId !== caller.userId || (allowed?.length && !allowed.includes(id))) throw new ApiFailure(403, 'ACCESS_DENIED')
    return node
  }

  private userNodeJson(n: StoredNode): unknown {
    return {
      created: n.created,
      id: n.id,
      idAndName: String(n.id),
      node: {created: n.created, id: n.id, ...(n.zone ? {timeZone: n.zone} : {})},
      ...(n.country || n.zone
        ? {
            nodeLocation: {
              id: 1000 + n.id,
              name: `${n.country ?? ''} - ${n.zone ?? ''}`,
              ...(n.country ? {country: n.country} : {}),
              ...(n.zone ? {zone: n.zone} : {}),
            },
          }
        : {}),
      requiresAuthorization: n.requiresAuthorization ?? false,
      userId: n.userId,
    }
  }

  private findMetadata(caller: StoredToken, ids: number[], filter: string): unknown {
    const allowed = caller.policy?.nodeIds
    // read access: own nodes the policy allows, and any public node
    const readable = ids.filter((id) => {
      const node = this.nodes.get(id)
      if (!node) return false
      if (allowed?.length && !allowed.includes(id)) return false
      return node.userId === caller.userId || !node.requiresAuthorization
    })
    if (readable.length === 0) throw new ApiFailure(403, 'ACCESS_DENIED')
    const results = readable
      .sort((a, b) => a - b)
      .flatMap((id) => {
        const md = this.nodes.get(id)?.metadata
        if (!md || (filter && !matchesFilter(filter, md.meta))) return []
        return [{nodeId: id, created: md.created, updated: md.updated, ...(jsonbOrder(md.meta) as Json)}]
      })
    return {totalResults: results.length, startingOffset: 0, returnedResultCount: results.length, results}
  }

  private sources(caller: StoredToken, params: [string, string][], values: (name: string) => string[]): unknown {
    const nodeIds = values('nodeIds').map(Number)
    const sourceIds = values('sourceIds')
    const param = (name: string) => params.find(([k]) => k === name)?.[1]
    const local = param('localStartDate') !== undefined || param('localEndDate') !== undefined
    const start = param(local ? 'localStartDate' : 'startDate')
    const end = param(local ? 'localEndDate' : 'endDate')
    const policySources = caller.policy?.sourceIds
    const all = (names: string[], have: string[] | undefined) => names.every((p) => have?.includes(p))
    const out: {nodeId: number; sourceId: string}[] = []
    const owned = [...this.nodes.values()].filter(
      (n) => n.userId === caller.userId && (!caller.policy?.nodeIds?.length || caller.policy.nodeIds.includes(n.id)),
    )
    for (const node of owned.sort((a, b) => a.id - b.id)) {
      if (nodeIds.length && !nodeIds.includes(node.id)) continue
      const sources = [...(node.sources ?? [])].sort((a, b) => (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0))
      for (const source of sources) {
        if (sourceIds.length && !sourceIds.some((p) => antMatch(p, source.sourceId))) continue
        if (policySources?.length && !policySources.some((p) => antMatch(p, source.sourceId))) continue
        const names = values('propertyNames')
        if (names.length && !names.some((p) => [source.i, source.a, source.s].some((k) => k?.includes(p)))) continue
        if (!all(values('instantaneousPropertyNames'), source.i) || !all(values('accumulatingPropertyNames'), source.a)) continue
        if (!all(values('statusPropertyNames'), source.s)) continue
        if (start !== undefined || end !== undefined) {
          const inRange = (source.times ?? []).some((t) => {
            const text = local ? localText(t, node.zone ?? 'UTC') : new Date(t).toISOString().slice(0, 23)
            return (start === undefined || text >= normal(start)) && (end === undefined || text < normal(end))
          })
          if (!inRange) continue
        }
        out.push({nodeId: node.id, sourceId: source.sourceId})
      }
    }
    return out
  }
}

/** A date parameter (`2025-08-20T12:00`, `2025-08-21`, space or `T`) in the sortable form `yyyy-MM-ddTHH:mm:ss.SSS`. */
export function normal(value: string): string {
  const [date, time = ''] = value.replace(' ', 'T').split('T')
  const [h = '00', m = '00', sf = '00'] = time.split(':')
  const [sec = '00', fraction = ''] = sf.split('.')
  return `${date}T${h.padStart(2, '0')}:${m.padStart(2, '0')}:${sec.padStart(2, '0')}.${fraction.padEnd(3, '0').slice(0, 3)}`
}

/** An instant as local date-time text `yyyy-MM-ddTHH:mm:ss.SSS` in a zone. */
export function localText(ms: number, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${String(ms % 1000).padStart(3, '0')}`
}
