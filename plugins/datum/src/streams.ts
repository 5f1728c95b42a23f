import {
  Flags,
  type Interfaces,
  JsonNumber,
  type JsonValue,
  type Report,
  S10kError,
  type SolarClient,
  integerItem,
  invalidValue,
  listFlag,
  parseJsonExact,
  reportOf,
} from 's10k'

export const QUERY_STREAM_PATH = '/solarquery/api/v1/sec/datum/stream'
export const USER_META_PATH = '/solaruser/api/v1/sec/datum/stream/meta/node'

/** Datum stream metadata as the service writes it (solarnetwork-datum.md §2.5). */
export interface StreamMeta {
  streamId: string
  zone?: string
  kind: string
  objectId: JsonNumber
  sourceId: string
  location?: JsonValue
  i: string[]
  a: string[]
  s: string[]
}

const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof JsonNumber)
const names = (v: unknown): string[] => (Array.isArray(v) ? v.filter((n): n is string => typeof n === 'string') : [])

/** One metadata object of an answer; anything that is not one is the service's error, said in one line. */
export function toStreamMeta(value: unknown, answer: string): StreamMeta {
  if (!isObject(value) || typeof value.streamId !== 'string' || !(value.objectId instanceof JsonNumber) || typeof value.sourceId !== 'string') {
    throw new S10kError(`The service's answer to ${answer} holds something that is not datum stream metadata`)
  }
  return {
    streamId: value.streamId,
    zone: typeof value.zone === 'string' ? value.zone : undefined,
    kind: typeof value.kind === 'string' ? value.kind : 'n',
    objectId: value.objectId,
    sourceId: value.sourceId,
    location: isObject(value.location) ? value.location : undefined,
    i: names(value.i),
    a: names(value.a),
    s: names(value.s),
  }
}

/** The metadata as the Java tool writes it again: its field order, empty name lists left out. */
export function streamMetaJson(meta: StreamMeta): JsonValue {
  return {
    streamId: meta.streamId,
    zone: meta.zone,
    kind: meta.kind,
    objectId: meta.objectId,
    sourceId: meta.sourceId,
    location: meta.location,
    i: meta.i.length > 0 ? meta.i : undefined,
    a: meta.a.length > 0 ? meta.a : undefined,
    s: meta.s.length > 0 ? meta.s : undefined,
  }
}

export const kindName = (kind: string): string => (kind === 'l' ? 'Location' : 'Node')

/** SolarNetwork's natural sort (StringUtils.naturalSortCompare), ignoring case: digit runs compare as numbers. */
export function naturalCompare(a: string, b: string): number {
  const split = (text: string) => text.toLowerCase().match(/\d+|\D+/g) ?? []
  const [pa, pb] = [split(a), split(b)]
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const [x, y] = [pa[i], pb[i]]
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [nx, ny] = [x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, '')]
      if (nx.length !== ny.length) return nx.length - ny.length
      if (nx !== ny) return nx < ny ? -1 : 1
    } else if (x !== y) return x < y ? -1 : 1
  }
  return pa.length - pb.length
}

const STREAM_COLUMNS = [
  {title: 'Stream ID'},
  {title: 'Kind'},
  {title: 'ID', align: 'right' as const},
  {title: 'Source ID'},
  {title: 'Time Zone'},
  {title: 'Instantaneous'},
  {title: 'Accumulating'},
  {title: 'Status'},
]

/** The `stream list` row of a stream: name lists sorted (unless `unsorted`), joined with commas. */
function streamRow(meta: StreamMeta, unsorted: boolean): string[] {
  const list = (values: string[]) => (unsorted ? values : [...values].sort(naturalCompare)).join(',')
  return [meta.streamId, kindName(meta.kind), meta.objectId.text, meta.sourceId, meta.zone ?? '', list(meta.i), list(meta.a), list(meta.s)]
}

export const NO_MATCH = 'No stream metadata matched your criteria.'

export function streamListReport(streams: readonly StreamMeta[], unsorted: boolean): Report {
  return reportOf(streams, {
    columns: STREAM_COLUMNS,
    row: (m) => streamRow(m, unsorted),
    json: (m) => streamMetaJson(m),
    list: true,
    emptyMessage: NO_MATCH,
  })
}

/** One stream as `stream list` shows it, in stored name order (`stream rename`). */
export function streamReport(meta: StreamMeta): Report {
  return reportOf([meta], {columns: STREAM_COLUMNS, row: (m) => streamRow(m, true), json: (m) => streamMetaJson(m), list: false})
}

export function streamIdsReport(streams: readonly StreamMeta[]): Report {
  return reportOf(streams, {
    columns: [{title: 'Stream ID'}, {title: 'Kind'}, {title: 'ID', align: 'right'}, {title: 'Source ID'}],
    row: (m) => [m.streamId, kindName(m.kind), m.objectId.text, m.sourceId],
    json: (m) => ({streamId: m.streamId, kind: m.kind, objectId: m.objectId, sourceId: m.sourceId}),
    list: true,
    emptyMessage: NO_MATCH,
  })
}

/** `stream view`: property and value rows, name lists in stored order; JSON is the rows as `[label, value]` pairs. */
export function streamViewReport(meta: StreamMeta): Report {
  const pairs: [string, string | JsonNumber][] = [
    ['Stream ID', meta.streamId],
    ['Kind', kindName(meta.kind)],
    ['ID', meta.objectId],
    ['Source ID', meta.sourceId],
    ['Time Zone', meta.zone ?? ''],
    ['Instantaneous', meta.i.join(',')],
    ['Accumulating', meta.a.join(',')],
    ['Status', meta.s.join(',')],
  ]
  return {
    columns: [{title: 'Property'}, {title: 'Value'}],
    rows: pairs.map(([label, value]) => [label, typeof value === 'string' ? value : value.text]),
    items: [pairs],
    list: false,
  }
}

/** The metadata of a list answer (`stream list`, `stream ids`). */
export async function findStreams(client: SolarClient, path: string, query: ReadonlyArray<readonly [string, string]>): Promise<StreamMeta[]> {
  const data = await client.request({method: 'GET', path, query, parse: parseJsonExact})
  if (data === undefined || data === null) return []
  const answer = `GET ${path}`
  if (!Array.isArray(data)) throw new S10kError(`The service's answer to ${answer} is not a list of datum streams`)
  return data.map((item) => toStreamMeta(item, answer))
}

// ---- options shared by the datum commands ----

/** Java's UUID.fromString: five hex groups, short groups allowed (`1-1-1-1-1`); printed lower-case in full. */
export function uuid(value: string, flag: string): string {
  const text = value.trim()
  const groups = text.length <= 36 ? /^([0-9a-f]{1,8})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,4})-([0-9a-f]{1,12})$/i.exec(text) : null
  if (!groups) throw invalidValue(flag, `cannot convert '${value}' to UUID`)
  return [8, 4, 4, 4, 12].map((width, i) => groups[i + 1].toLowerCase().padStart(width, '0')).join('-')
}

/** A whole-number object ID (a node or location ID). */
export function objectId(value: string, flag: string): number {
  const id = integerItem(value.trim(), flag)
  if (id <= 0) throw invalidValue(flag, `'${value}' is not a node or location ID`)
  return id
}

export const streamIdsFlag = (summary: string) =>
  listFlag((v, flag) => uuid(v, flag), {aliases: ['stream'], helpValue: 'streamId[,streamId...]', summary})

export const streamIdFlag = (summary: string): Interfaces.OptionFlag<string> =>
  Flags.custom({parse: async (input, _context, opt) => uuid(input, opt.name)})({
    aliases: ['stream'],
    helpValue: '<streamId>',
    required: true,
    summary,
  })

export const nodeIdsFlag = (summary: string) =>
  listFlag((v, flag) => objectId(v, flag), {aliases: ['node'], helpValue: 'nodeId[,nodeId...]', summary, exclusive: ['location-id']})

export const locationIdsFlag = (summary: string) =>
  listFlag((v, flag) => objectId(v, flag), {aliases: ['loc'], helpValue: 'locId[,locId...]', summary, exclusive: ['node-id']})

export const sourceIdsFlag = (summary: string) => listFlag((v) => v, {aliases: ['source'], helpValue: 'sourceId[,sourceId...]', summary})

/** `-prop`, `-i`, `-a`, `-s` of the stream filters. */
export const propertyNamesFlag = (summary: string, char?: 'i' | 'a' | 's') =>
  listFlag((v) => v, {...(char ? {char} : {aliases: ['prop']}), helpValue: 'propName[,propName...]', summary})
