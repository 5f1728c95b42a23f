/**
 * The datum endpoints of SolarQuery and SolarUser (solarnetwork-datum.md §5): stream datum and readings as JSON or
 * CSV, written as they are produced (generated streams of any size are never held), stream metadata and its IDs,
 * and viewing and renaming a node stream; with the service's rules and error paths, including its 200 with an
 * empty body, and faults part way through a stream.
 */
import type {ServerResponse} from 'node:http'
import {createGzip} from 'node:zlib'

import {ApiFailure, type RecordedRequest, type StoredToken} from './emulator.js'
import {type NodesService, localText, normal} from './nodes-emulator.js'
import {antMatch} from './server-policy.js'

/** A number as the database's decimal text (`2078.500000`), or a missing value. */
type Num = string | null

export interface RawDatum {
  /** Epoch milliseconds, and microseconds within the millisecond (the database keeps them, JSON drops them). */
  ts: number
  micros?: number
  i?: Num[]
  a?: Num[]
  s?: (string | null)[]
  tags?: string[]
}

/** An aggregate row: instantaneous `[average, count, min, max]` (or null), accumulating `[value, start, end]`. */
export interface AggregateDatum {
  ts: number
  i?: (Num[] | null)[]
  a?: (Num[] | null)[]
  s?: (string | null)[]
}

/** A reading: the accumulating `[difference, start, end]` between two dates. */
export interface ReadingDatum {
  start: number
  end: number
  a: (Num[] | null)[]
}

export interface StoredStream {
  streamId: string
  kind: 'n' | 'l'
  objectId: number
  sourceId: string
  zone: string
  i?: string[]
  a?: string[]
  s?: string[]
  raw?: RawDatum[]
  /** Aggregate rows by aggregation name (`Hour`). */
  aggregates?: Record<string, AggregateDatum[]>
  /** The `Difference` reading of any range. */
  reading?: ReadingDatum
  /** Raw rows generated on the fly instead of `raw`: this many, a minute apart from `generatedFrom`. */
  generated?: number
  generatedFrom?: number
}

/** A failure part way through a stream datum answer, after this many rows. */
export interface StreamFault {
  afterRows: number
  /** `reset` closes the connection part way through the body; `stall` sends nothing more and keeps it open. */
  action: 'reset' | 'stall'
}

const QUERY = '/solarquery/api/v1/sec/datum/stream'
const USER_META = '/solaruser/api/v1/sec/datum/stream/meta'
const MINUTE_LEVELS = new Set(['Minute', 'FiveMinute', 'TenMinute', 'FifteenMinute', 'ThirtyMinute'])
/** About how much of a stream answer is written at once. */
const CHUNK_BYTES = 64 * 1024
/** How long a `reset` fault waits after the last row before it closes the connection. */
const RESET_DELAY_MS = 500

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A decimal's plain text (`BigDecimal.toPlainString()`): CSV never shows exponents. */
function plain(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?[eE]([+-]?\d+)$/.exec(text)
  if (!m) return text
  const [, sign, whole, fraction = '', exponent] = m
  const digits = whole + fraction
  const point = whole.length + Number(exponent)
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
}

/** `DateTimeFormatter.ISO_INSTANT`: fractions as stored, in groups of three digits. */
function isoInstant(ms: number, micros = 0): string {
  const iso = new Date(ms).toISOString()
  const millis = ms % 1000
  if (millis === 0 && micros === 0) return `${iso.slice(0, 19)}Z`
  return micros === 0 ? `${iso.slice(0, 23)}Z` : `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`
}

/** FastCSV's field: quoted when it holds a quote, comma, CR or LF. */
const csvField = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

interface Criteria {
  streams: StoredStream[]
  start?: string
  end?: string
  local: boolean
  mostRecent: boolean
  aggregation?: string
  reading?: string
  max?: number
  offset: number
}

/** One row of an answer, in whichever form the answer takes. */
type Row = {kind: 'raw'; datum: RawDatum} | {kind: 'agg'; datum: AggregateDatum} | {kind: 'reading'; datum: ReadingDatum}

export class DatumService {
  /** The streams, in the order the metadata endpoints list them (the database's: tests may reorder them). */
  streams: StoredStream[]
  /** A failure injected into the next stream datum answer. */
  fault?: StreamFault
  /** Slows stream datum answers down: after every `rows` rows, a pause of `ms`. */
  pace?: {rows: number; ms: number}
  /** How far the last stream datum answer got: rows written, whether it was written to its end, and when it closed. */
  lastAnswer?: {rows: number; complete: boolean; closed: Promise<void>}

  constructor(
    streams: readonly StoredStream[],
    private readonly nodes: NodesService,
  ) {
    this.streams = structuredClone([...streams])
  }

  /** The stream datum endpoints, answered by `serve` (streamed) rather than `route` (an envelope). */
  static streams(path: string): boolean {
    return path === `${QUERY}/datum` || path === `${QUERY}/reading`
  }

  static handles(path: string): boolean {
    return path.startsWith(`${QUERY}/meta/`) || path.startsWith(`${USER_META}/`)
  }

  // ---- stream metadata ----

  route(record: RecordedRequest, caller: StoredToken): unknown {
    const params = new Map(record.queryParams)
    const values = (name: string) => (params.get(name) ?? '').split(',').filter((v) => v !== '')
    const meta = new RegExp(`^${QUERY}/meta/(node|loc)(/ids)?$`).exec(record.path)
    if (meta && record.method === 'GET') {
      const kind = meta[1] === 'loc' ? 'l' : 'n'
      const ids = values(kind === 'l' ? 'locationIds' : 'nodeIds').map(Number)
      const all = (names: string[], have: string[] = []) => names.every((n) => have.includes(n))
      const found = this.streams.filter(
        (st) =>
          st.kind === kind &&
          (kind === 'l' || this.readable(caller, st.objectId)) &&
          (values('streamIds').length === 0 || values('streamIds').includes(st.streamId)) &&
          (ids.length === 0 || ids.includes(st.objectId)) &&
          (values('sourceIds').length === 0 || values('sourceIds').some((p) => antMatch(p, st.sourceId))) &&
          (values('propertyNames').length === 0 || values('propertyNames').some((n) => [st.i, st.a, st.s].some((l) => l?.includes(n)))) &&
          all(values('instantaneousPropertyNames'), st.i) &&
          all(values('accumulatingPropertyNames'), st.a) &&
          all(values('statusPropertyNames'), st.s),
      )
      return found.map((st) => (meta[2] ? {streamId: st.streamId, kind: st.kind, objectId: st.objectId, sourceId: st.sourceId} : metadataJson(st)))
    }
    if (record.path.startsWith(`${USER_META}/loc/`)) throw new ApiFailure(404, 'Not Found')
    const one = new RegExp(`^${USER_META}/node/([^/]+)$`).exec(record.path)
    if (!one) throw new ApiFailure(404, 'Not Found')
    if (caller.type !== 'User') throw new ApiFailure(403, 'ACCESS_DENIED')
    const stream = this.streams.find((st) => st.streamId === one[1] && st.kind === 'n')
    if (record.method === 'GET') return stream && this.owned(caller, stream.objectId) ? metadataJson(stream) : undefined
    if (record.method !== 'POST') throw new ApiFailure(405, `Request method '${record.method}' is not supported`)
    if (!stream) throw new ApiFailure(403, 'UNKNOWN_OBJECT')
    const form = new Map(record.form ?? [])
    const nodeId = form.has('nodeId') ? Number(form.get('nodeId')) : undefined
    if (!this.owned(caller, stream.objectId) || (nodeId !== undefined && !this.owned(caller, nodeId))) throw new ApiFailure(403, 'ACCESS_DENIED')
    const lists = (['i', 'a', 's'] as const)
      .filter((k) => form.has(k))
      .map((k) => [k, (form.get(k) ?? '').split(',').filter((n) => n !== '')] as const)
    const sourceId = form.get('sourceId')
    if (nodeId === undefined && !sourceId && lists.length === 0) {
      throw new ApiFailure(422, 'Illegal argument: At least one attribute to change must be provided.')
    }
    // the service's UPDATE ... WHERE cardinality(names_x) <= n: a shorter list changes nothing at all
    if (lists.some(([k, names]) => names.length < (stream[k]?.length ?? 0))) return undefined
    if (nodeId !== undefined) stream.objectId = nodeId
    if (sourceId) stream.sourceId = sourceId
    for (const [k, names] of lists) stream[k] = names
    return metadataJson(stream)
  }

  /** The caller's own node (and one its token's policy allows). */
  private owned(caller: StoredToken, nodeId: number): boolean {
    const node = this.nodes.nodes.get(nodeId)
    const allowed = caller.policy?.nodeIds
    return node !== undefined && node.userId === caller.userId && (!allowed?.length || allowed.includes(nodeId))
  }

  private readable(caller: StoredToken, nodeId: number): boolean {
    return this.owned(caller, nodeId)
  }

  // ---- stream datum ----

  /** Answers `/datum` or `/reading`: validation first (422), then the rows as they are produced. */
  async serve(record: RecordedRequest, caller: StoredToken, res: ServerResponse): Promise<void> {
    const reading = record.path.endsWith('/reading')
    const params = new Map(record.queryParams)
    const values = (name: string) => (params.get(name) ?? '').split(',').filter((v) => v !== '')
    const csv = String(record.headers.accept ?? '').includes('text/csv')
    const fail = (status: number, message: string) => {
      res.writeHead(status, {'Content-Type': 'application/json;charset=UTF-8'})
      res.end(JSON.stringify({success: false, message}))
    }
    const streamIds = values('streamIds')
    const nodeIds = values('nodeIds').map(Number)
    const aggregation = params.get('aggregation')
    const readingType = params.get('readingType')
    const dated = params.has('startDate') || params.has('localStartDate') || params.has('endDate') || params.has('localEndDate')
    const mostRecent = params.get('mostRecent') === 'true'
    // the validator forces the node kind, so a location query without stream IDs is refused the same way
    if (streamIds.length === 0 && nodeIds.length === 0) {
      fail(422, 'A node or stream ID is required.')
      return
    }
    if (reading) {
      if (!readingType) {
        fail(400, "Required request parameter 'readingType' for method parameter type DatumReadingType is not present")
        return
      }
      if (aggregation) {
        if (!['Hour', 'Day', 'Month'].includes(aggregation)) {
          fail(422, 'Only Hour/Day/Month aggregation is supported for reading queries.')
          return
        }
        if (readingType !== 'Difference') {
          fail(422, 'Only the Difference reading type is supported for aggregate queries.')
          return
        }
        if (!dated && !mostRecent) {
          fail(422, 'A date range is required.')
          return
        }
      } else {
        if (mostRecent) {
          fail(422, 'The mostRecent mode is not supported for reading queries.')
          return
        }
        if (!dated) {
          fail(422, 'A date range is required.')
          return
        }
      }
    }
    const local = params.has('localStartDate') || params.has('localEndDate')
    const start = params.get(local ? 'localStartDate' : 'startDate')
    const end = params.get(local ? 'localEndDate' : 'endDate')
    // errors inside the query end the answer before anything is written: HTTP 200, empty body (§3.5)
    const empty = () => {
      res.writeHead(200, {'Content-Type': csv ? 'text/csv;charset=UTF-8' : 'application/json;charset=UTF-8'})
      res.end()
    }
    if (nodeIds.some((id) => !this.readable(caller, id))) {
      empty()
      return
    }
    if (aggregation && MINUTE_LEVELS.has(aggregation) && start && end) {
      if (Date.parse(normal(end) + 'Z') - Date.parse(normal(start) + 'Z') > 840 * 3_600_000) {
        empty()
        return
      }
    }
    const sourceIds = values('sourceIds')
    const streams = this.streams
      .filter(
        (st) =>
          st.kind === 'n' &&
          this.readable(caller, st.objectId) &&
          (streamIds.length === 0 || streamIds.includes(st.streamId)) &&
          (nodeIds.length === 0 || nodeIds.includes(st.objectId)) &&
          (sourceIds.length === 0 || sourceIds.some((p) => antMatch(p, st.sourceId))),
      )
      .sort((a, b) => compare(a.streamId, b.streamId))
    if (streamIds.length === 1 && streams.length === 0) {
      empty()
      return
    }
    const max = params.has('max') ? Number(params.get('max')) : undefined
    const criteria: Criteria = {
      streams,
      start,
      end,
      local,
      mostRecent,
      aggregation: aggregation === 'None' ? undefined : aggregation,
      reading: reading ? readingType : undefined,
      max: reading ? undefined : max,
      offset: reading ? 0 : Number(params.get('offset') ?? 0),
    }
    const gzip = /\bgzip\b/.test(String(record.headers['accept-encoding'] ?? ''))
    res.writeHead(200, {
      'Content-Type': csv ? 'text/csv;charset=UTF-8' : 'application/json;charset=UTF-8',
      ...(gzip ? {'Content-Encoding': 'gzip'} : {}),
    })
    const zip = gzip ? createGzip({level: 1}) : undefined
    zip?.pipe(res)
    const out = zip ?? res
    const client = {gone: false}
    res.on('close', () => {
      client.gone = true
    })
    let buffered: string[] = []
    let size = 0
    const flush = async () => {
      if (buffered.length === 0) return
      const text = buffered.join('')
      buffered = []
      size = 0
      if (out.write(text) || client.gone) return
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off('drain', done)
          res.off('close', done)
          resolve()
        }
        out.once('drain', done)
        res.once('close', done)
      })
    }
    // rows are only collected until a chunk is full: no promise per row, as a service writing a buffer
    const put = (text: string): Promise<void> | undefined => {
      buffered.push(text)
      size += text.length
      return size >= CHUNK_BYTES ? flush() : undefined
    }
    const write = csv ? new CsvWriter(streams, put) : new JsonWriter(streams, put)
    const answer = {rows: 0, complete: false, closed: new Promise<void>((resolve) => res.once('close', resolve))}
    this.lastAnswer = answer
    await write.start()
    for (const [index, row] of this.rows(criteria)) {
      if (client.gone) return
      if (this.fault && answer.rows === this.fault.afterRows) {
        await flush()
        await this.breakOff(res, zip)
        return
      }
      const full = write.row(index, row)
      if (full) await full
      answer.rows++
      if (this.pace && answer.rows % this.pace.rows === 0) {
        await flush()
        if (zip)
          await new Promise<void>((resolve) => {
            zip.flush(() => {
              resolve()
            })
          })
        await new Promise((resolve) => setTimeout(resolve, this.pace?.ms))
      }
    }
    await write.end()
    await flush()
    out.end()
    answer.complete = true
  }

  /** The injected fault: what was written reaches the client, then the connection drops or goes silent. */
  private async breakOff(res: ServerResponse, zip?: ReturnType<typeof createGzip>): Promise<void> {
    const fault = this.fault
    this.fault = undefined
    if (zip)
      await new Promise<void>((resolve) => {
        zip.flush(() => {
          resolve()
        })
      })
    // the connection is closed after what was written (a FIN, not a reset, which could discard it in transit), late
    // enough that a client starved of CPU has read it: what it has not consumed when the break arrives is lost
    if (fault?.action === 'reset') setTimeout(() => res.socket?.end(), RESET_DELAY_MS)
  }

  /** The rows of the query: by stream (ID order), then time; `offset` and `max` over the whole sequence. */
  private *rows(c: Criteria): Generator<[number, Row]> {
    let skipped = 0
    let given = 0
    for (const [index, stream] of c.streams.entries()) {
      for (const row of this.streamRows(stream, c)) {
        if (skipped < c.offset) {
          skipped++
          continue
        }
        if (c.max !== undefined && c.max > 0 && given >= c.max) return
        given++
        yield [index, row]
      }
    }
  }

  private *streamRows(stream: StoredStream, c: Criteria): Generator<Row> {
    const inRange = (ms: number) => {
      // no bounds: every row, without a date text per row (a million-row export spent a tenth of its time here)
      if (c.start === undefined && c.end === undefined) return true
      const text = c.local ? localText(ms, stream.zone) : new Date(ms).toISOString().slice(0, 23)
      return (c.start === undefined || text >= normal(c.start)) && (c.end === undefined || text < normal(c.end))
    }
    if (c.reading) {
      if (stream.reading) yield {kind: 'reading', datum: stream.reading}
      return
    }
    if (c.aggregation) {
      const rows = (stream.aggregates?.[c.aggregation] ?? []).filter((d) => inRange(d.ts))
      for (const datum of c.mostRecent ? rows.slice(-1) : rows) yield {kind: 'agg', datum}
      return
    }
    if (stream.generated !== undefined) {
      const from = stream.generatedFrom ?? Date.UTC(2025, 0, 1)
      if (c.mostRecent) {
        if (stream.generated > 0) yield {kind: 'raw', datum: generatedDatum(from, stream.generated - 1)}
        return
      }
      for (let k = 0; k < stream.generated; k++) {
        const datum = generatedDatum(from, k)
        if (inRange(datum.ts)) yield {kind: 'raw', datum}
      }
      return
    }
    const rows = (stream.raw ?? []).filter((d) => inRange(d.ts))
    for (const datum of c.mostRecent ? rows.slice(-1) : rows) yield {kind: 'raw', datum}
  }
}

/** Generated raw datum number `k` of a stream with `i` watts, current; `a` wattHours; `s` status. */
function generatedDatum(from: number, k: number): RawDatum {
  return {
    ts: from + k * 60_000,
    i: [`${1000 + (k % 4000)}.${k % 10}`, `${(k % 997) / 100}`],
    a: [String(1_000_000 + k * 17)],
    s: [k % 100 === 0 ? 'check' : null],
    tags: k % 1000 === 0 ? ['sample'] : [],
  }
}

/** Stream metadata as the service writes it: its field order, empty name lists left out. */
export function metadataJson(st: StoredStream): Record<string, unknown> {
  return {
    streamId: st.streamId,
    zone: st.zone,
    kind: st.kind,
    objectId: st.objectId,
    sourceId: st.sourceId,
    ...(st.i?.length ? {i: st.i} : {}),
    ...(st.a?.length ? {a: st.a} : {}),
    ...(st.s?.length ? {s: st.s} : {}),
  }
}

// row helpers at module level: made once, not per row (tsx names every function it creates, which is slow)
const num = (v: Num | undefined): string => (v === null || v === undefined ? 'null' : v)
const stats = (v: Num[] | null | undefined): string => (v ? `[${v.map(num).join(',')}]` : 'null')
const text = (v: string | null | undefined): string => (v === null || v === undefined ? 'null' : JSON.stringify(v))
const cell = (v: Num | undefined): string => (v === null || v === undefined ? '' : plain(v))
/** `list` padded (or cut) to `n` entries, each mapped by `f`. */
function padded<T>(list: readonly T[] | undefined, n: number, f: (v: T | undefined) => string): string[] {
  const out: string[] = []
  for (let k = 0; k < n; k++) out.push(f(list?.[k]))
  return out
}

type Put = (text: string) => Promise<void> | undefined

/** `{"success":true,"meta":[…],"data":[…]}` (§3.2), or `{"success":true}` when no stream matches. */
class JsonWriter {
  private first = true

  constructor(
    private readonly streams: StoredStream[],
    private readonly put: Put,
  ) {}

  start(): Promise<void> | undefined {
    if (this.streams.length === 0) return this.put('{"success":true')
    return this.put(`{"success":true,"meta":${JSON.stringify(this.streams.map((st) => metadataJson(st)))},"data":[`)
  }

  row(index: number, row: Row): Promise<void> | undefined {
    const st = this.streams[index]
    const [ni, na, ns] = [st.i?.length ?? 0, st.a?.length ?? 0, st.s?.length ?? 0]
    let values: string[]
    if (row.kind === 'raw') {
      const d = row.datum
      values = [String(d.ts), ...padded(d.i, ni, num), ...padded(d.a, na, num), ...padded(d.s, ns, text), ...(d.tags ?? []).map(text)]
    } else if (row.kind === 'agg') {
      const d = row.datum
      values = [`[${d.ts},null]`, ...padded(d.i, ni, stats), ...padded(d.a, na, stats), ...padded(d.s, ns, text)]
    } else {
      const d = row.datum
      values = [`[${d.start},${d.end}]`, ...padded<Num[] | null>([], ni, stats), ...padded(d.a, na, stats), ...padded<string>([], ns, text)]
    }
    const json = `${this.first ? '' : ','}[${index},${values.join(',')}]`
    this.first = false
    return this.put(json)
  }

  end(): Promise<void> | undefined {
    return this.put(this.streams.length === 0 ? '}' : ']}')
  }
}

/** The service's CSV (§3.3): the header at the first row, from every stream in the metadata; CRLF record ends. */
class CsvWriter {
  private columns?: {name: string; type: 'i' | 'a' | 's'}[]
  private aggregate = false

  constructor(
    private readonly streams: StoredStream[],
    private readonly put: Put,
  ) {}

  start(): undefined {
    return undefined
  }

  row(index: number, row: Row): Promise<void> | undefined {
    if (!this.columns) {
      this.aggregate = row.kind !== 'raw'
      const seen = new Set<string>()
      this.columns = []
      for (const st of this.streams) {
        for (const type of ['i', 'a', 's'] as const) {
          for (const name of st[type] ?? []) {
            if (seen.has(name)) continue
            seen.add(name)
            this.columns.push({name, type})
          }
        }
      }
      const names = this.columns.flatMap(({name, type}) => {
        if (!this.aggregate || type === 's') return [name]
        return type === 'i' ? [name, `${name}_count`, `${name}_min`, `${name}_max`] : [name, `${name}_start`, `${name}_end`]
      })
      const head = this.aggregate ? ['ts_start', 'ts_end', 'streamId', 'objectId', 'sourceId'] : ['ts', 'streamId', 'objectId', 'sourceId']
      void this.put(`${[...head, ...names, 'tags'].map(csvField).join(',')}\r\n`)
    }
    const st = this.streams[index]
    const fields: string[] = []
    if (row.kind === 'raw') fields.push(isoInstant(row.datum.ts, row.datum.micros), st.streamId, String(st.objectId), st.sourceId)
    else if (row.kind === 'agg') fields.push(isoInstant(row.datum.ts), '', st.streamId, String(st.objectId), st.sourceId)
    else fields.push(isoInstant(row.datum.start), isoInstant(row.datum.end), st.streamId, String(st.objectId), st.sourceId)
    for (const {name, type} of this.columns) {
      const k = st[type]?.indexOf(name) ?? -1
      const width = !this.aggregate || type === 's' ? 1 : type === 'i' ? 4 : 3
      if (k === -1) {
        fields.push(...Array.from({length: width}, () => ''))
        continue
      }
      if (row.kind === 'raw') {
        const v = type === 'i' ? row.datum.i?.[k] : type === 'a' ? row.datum.a?.[k] : row.datum.s?.[k]
        fields.push(type === 's' ? (v ?? '') : cell(v))
      } else if (type === 's') fields.push(row.kind === 'agg' ? (row.datum.s?.[k] ?? '') : '')
      else {
        const stats = type === 'i' ? (row.kind === 'agg' ? row.datum.i?.[k] : null) : row.datum.a?.[k]
        fields.push(...Array.from({length: width}, (_, j) => cell(stats?.[j])))
      }
    }
    fields.push(row.kind === 'raw' ? (row.datum.tags ?? []).join(',') : '')
    return this.put(`${fields.map(csvField).join(',')}\r\n`)
  }

  end(): undefined {
    return undefined
  }
}
