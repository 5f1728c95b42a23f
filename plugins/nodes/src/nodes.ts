import {
  type Instant,
  type LocalDateTime,
  type TimeZone,
  dateParameter,
  type JsonValue,
  JsonNumber,
  compactJson,
  NotSent,
  type Report,
  type SolarClient,
  formatInstantAlt,
  formatInstantIso,
  ownValue,
  parseInstant,
  parseJsonExact,
  prettyJson,
  reportOf,
} from 's10k'

import {type NodeMetadata, metadataJson, toMetadata} from './metadata.js'

export const NODES_PATH = '/solaruser/api/v1/sec/nodes'
export const QUERY_NODES_PATH = '/solarquery/api/v1/sec/nodes'
export const META_PATH = `${NODES_PATH}/meta`

/** How the service's refusals name a node. */
export const nodeSubject = (id: number): string => `node ${id}`

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** A node of the user's, as `nodes list` shows it. */
export interface UserNode {
  id: number
  created?: Instant
  public: boolean
  country?: string
  zone?: string
}

/** The user's nodes (`GET /solaruser/api/v1/sec/nodes`); an element without a numeric ID is skipped, as in Java. */
export async function findUserNodes(client: SolarClient): Promise<UserNode[]> {
  const nodes: UserNode[] = []
  for (const item of await client.results({method: 'GET', path: NODES_PATH}, {orList: true})) {
    if (!isObject(item)) continue
    const node = isObject(item.node) ? item.node : {}
    const id = typeof item.id === 'number' ? item.id : typeof node.id === 'number' ? node.id : undefined
    if (id === undefined) continue
    const location = isObject(item.nodeLocation) ? item.nodeLocation : {}
    nodes.push({
      id,
      created: typeof item.created === 'string' ? parseInstant(item.created) : undefined,
      public: item.requiresAuthorization !== true,
      country: typeof location.country === 'string' ? location.country : undefined,
      zone: typeof location.zone === 'string' ? location.zone : undefined,
    })
  }
  return nodes
}

export function userNodesReport(nodes: readonly UserNode[]): Report {
  return reportOf(nodes, {
    columns: [{title: 'Node ID', align: 'right'}, {title: 'Created'}, {title: 'Public'}, {title: 'Country'}, {title: 'Time Zone'}],
    row: (n) => [String(n.id), n.created ? formatInstantIso(n.created) : undefined, String(n.public), n.country, n.zone],
    json: (n) => [n.id, n.created ? formatInstantAlt(n.created) : null, n.public, n.country ?? null, n.zone ?? null],
    list: true,
    emptyMessage: 'No nodes available.',
  })
}

/** The node IDs the token may read (`GET /solarquery/api/v1/sec/nodes`): numbers only, without repeats. */
export async function findNodeIds(client: SolarClient): Promise<number[]> {
  const ids = await client.results({method: 'GET', path: QUERY_NODES_PATH}, {orList: true})
  return [...new Set(ids.filter((n): n is number => typeof n === 'number' && Number.isInteger(n)))]
}

export function nodeIdsReport(ids: readonly number[]): Report {
  return {
    columns: [{title: 'Node ID', align: 'right'}],
    rows: ids.map((id) => [String(id)]),
    items: [...ids],
    list: true,
    emptyMessage: 'No node IDs matched your criteria.',
  }
}

export interface NodeSource {
  nodeId: number
  sourceId: string
}

/** What `nodes sources` asks for; every part is optional. */
export interface SourceFilter {
  nodeIds?: readonly number[]
  /** Source IDs or wildcard patterns. */
  sourceIds?: readonly string[]
  minDate?: LocalDateTime
  /** Exclusive. */
  maxDate?: LocalDateTime
  /** The dates are each node's local time, not in `timeZone`. */
  localDates?: boolean
  /** The zone of the dates; this computer's when not given. */
  timeZone?: TimeZone
  metadataFilter?: string
  propertyNames?: readonly string[]
  instantaneousPropertyNames?: readonly string[]
  accumulatingPropertyNames?: readonly string[]
  statusPropertyNames?: readonly string[]
}

/** The query of `GET /solarquery/api/v1/sec/nodes/sources` for a filter, in the Java tool's parameter order. */
function sourcesQuery(filter: SourceFilter): [string, string][] {
  const query: [string, string][] = []
  const add = (name: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) query.push([name, values.join(',')])
  }
  const local = filter.localDates ?? false
  add('nodeIds', filter.nodeIds)
  add('sourceIds', filter.sourceIds)
  // both ends, each from its own option (the Java tool sent --max-date as both)
  if (filter.minDate) query.push([local ? 'localStartDate' : 'startDate', dateParameter(filter.minDate, local, filter.timeZone)])
  if (filter.maxDate) query.push([local ? 'localEndDate' : 'endDate', dateParameter(filter.maxDate, local, filter.timeZone)])
  if (filter.metadataFilter !== undefined && filter.metadataFilter.trim() !== '') query.push(['metadataFilter', filter.metadataFilter])
  add('propertyNames', filter.propertyNames)
  add('instantaneousPropertyNames', filter.instantaneousPropertyNames)
  add('accumulatingPropertyNames', filter.accumulatingPropertyNames)
  add('statusPropertyNames', filter.statusPropertyNames)
  return query
}

/** Node and source ID pairs (`GET /solarquery/api/v1/sec/nodes/sources`), in the service's order. */
export async function findSources(client: SolarClient, filter: SourceFilter): Promise<NodeSource[]> {
  const path = `${QUERY_NODES_PATH}/sources`
  return (await client.results({method: 'GET', path, query: sourcesQuery(filter)}, {orList: true})).flatMap((item) =>
    isObject(item) && typeof item.nodeId === 'number' && item.nodeId !== 0 && typeof item.sourceId === 'string' && item.sourceId.trim() !== ''
      ? [{nodeId: item.nodeId, sourceId: item.sourceId}]
      : [],
  )
}

export function sourcesReport(sources: readonly NodeSource[]): Report {
  return reportOf(sources, {
    columns: [{title: 'Node ID', align: 'right'}, {title: 'Source ID'}],
    row: (s) => [String(s.nodeId), s.sourceId],
    json: (s) => ({kind: 'n', objectId: s.nodeId, sourceId: s.sourceId}),
    list: true,
    emptyMessage: 'No sources matched your criteria.',
  })
}

/** A node's stored metadata, as `meta list` reads it. */
export interface StoredMetadata {
  nodeId: number
  updated?: string
  metadata: NodeMetadata
}

/** Metadata of the given nodes (`GET /solaruser/api/v1/sec/nodes/meta`), numbers kept exactly as sent. */
export async function findMetadata(client: SolarClient, nodeIds: readonly number[], filter?: string): Promise<StoredMetadata[]> {
  const query: [string, string][] = [['nodeIds', nodeIds.join(',')]]
  if (filter !== undefined && filter.trim() !== '') query.push(['metadataFilter', filter])
  const answer = `GET ${META_PATH}`
  const found = await client.results(
    {
      method: 'GET',
      path: META_PATH,
      query,
      subject: nodeIds.length === 1 ? nodeSubject(nodeIds[0]) : `nodes ${nodeIds.join(', ')}`,
      parse: parseJsonExact,
    },
    {orList: true},
  )
  return found.flatMap((item) => {
    if (!isObject(item)) return []
    const id = item.nodeId instanceof JsonNumber ? Number(item.nodeId.text) : undefined
    if (id === undefined || !Number.isSafeInteger(id)) return []
    const [m, pm, t] = ['m', 'pm', 't'].map((key) => ownValue(item as Record<string, JsonValue>, key))
    return [{nodeId: id, updated: typeof item.updated === 'string' ? item.updated : undefined, metadata: toMetadata({m, pm, t}, answer, false)}]
  })
}

export function metadataReport(found: readonly StoredMetadata[]): Report {
  return reportOf(found, {
    columns: [{title: 'Node ID', align: 'right'}, {title: 'Updated'}, {title: 'Metadata'}],
    row: (f) => {
      const updated = f.updated === undefined ? undefined : parseInstant(f.updated)
      return [String(f.nodeId), updated ? formatInstantIso(updated) : undefined, prettyJson(metadataJson(f.metadata))]
    },
    json: (f) => metadataJson(f.metadata),
    list: true,
    emptyMessage: 'No metadata matched your criteria.',
  })
}

/** Merges (POST) or replaces (PUT) a node's metadata, given as its JSON text (metadataText). */
export async function saveMetadata(client: SolarClient, nodeId: number, text: string, replace: boolean): Promise<NotSent | undefined> {
  const result = await client.request({
    method: replace ? 'PUT' : 'POST',
    path: `${META_PATH}/${nodeId}`,
    jsonText: text,
    subject: nodeSubject(nodeId),
  })
  return result instanceof NotSent ? result : undefined
}

export async function deleteMetadata(client: SolarClient, nodeId: number): Promise<NotSent | undefined> {
  const result = await client.request({method: 'DELETE', path: `${META_PATH}/${nodeId}`, subject: nodeSubject(nodeId)})
  return result instanceof NotSent ? result : undefined
}

/**
 * Rows of a table stored at a metadata path: CSV text is parsed, an array of arrays is read as rows (cells as
 * text, `null` kept); anything else has no rows.
 */
export function tableRows(value: JsonValue | undefined, parseCsv: (text: string) => string[][]): (string | null)[][] | undefined {
  if (typeof value === 'string') return parseCsv(value)
  if (!Array.isArray(value)) return undefined
  return value.filter((row): row is JsonValue[] => Array.isArray(row)).map((row) => row.map((cell) => cellText(cell)))
}

function cellText(cell: JsonValue): string | null {
  if (cell === null) return null
  if (cell instanceof JsonNumber) return cell.text
  if (typeof cell === 'object') return compactJson(cell)
  return String(cell)
}

/** Rows without a header, as csv-get shows them: JSON is the array of rows, on one line. */
export function rowsReport(rows: ReadonlyArray<ReadonlyArray<string | null>>): Report {
  return {
    columns: [],
    headerless: true,
    rows: rows.map((row) => row.map((c) => c ?? undefined)),
    items: [rows.map((row) => [...row])],
    list: false,
  }
}
