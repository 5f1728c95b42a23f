/**
 * The service's SecurityPolicy rules (solarnetwork-api.md §2.6 and §3), written from the server's point of
 * view and kept apart from the client's code so that tests can catch a client that gets them wrong.
 */
export const AGGREGATION_LEVELS: ReadonlyArray<[name: string, level: number, key: string]> = [
  ['None', 0, '0'],
  ['Minute', 60, 'm'],
  ['FiveMinute', 300, '5m'],
  ['TenMinute', 600, '10m'],
  ['FifteenMinute', 900, '15m'],
  ['ThirtyMinute', 1800, '30m'],
  ['Hour', 3600, 'h'],
  ['HourOfDay', 3600, 'hd'],
  ['HourOfYear', 3600, 'hy'],
  ['SeasonalHourOfDay', 3600, 'shd'],
  ['Day', 86400, 'd'],
  ['DayOfWeek', 86400, 'wd'],
  ['DayOfYear', 86400, 'yd'],
  ['SeasonalDayOfWeek', 86400, 'swd'],
  ['Week', 604800, 'w'],
  ['WeekOfYear', 604800, 'yw'],
  ['Month', 2419200, 'M'],
  ['Year', 31536000, 'y'],
  ['RunningTotal', 2147483647, 'rt'],
]

export const PRECISION_LEVELS: ReadonlyArray<[name: string, level: number]> = [
  ['LatLong', 1],
  ['Block', 5],
  ['Street', 10],
  ['PostalCode', 20],
  ['Locality', 30],
  ['StateOrProvince', 40],
  ['Region', 50],
  ['TimeZone', 60],
  ['Country', 70],
]

export interface ServerPolicy {
  nodeIds?: number[]
  sourceIds?: string[]
  minAggregation?: string
  aggregations?: string[]
  minLocationPrecision?: string
  locationPrecisions?: string[]
  nodeMetadataPaths?: string[]
  userMetadataPaths?: string[]
  apiPaths?: string[]
  notAfter?: number
  refreshAllowed?: boolean
}

function aggregationName(value: unknown): string | undefined {
  if (value === null || value === '') return 'None'
  const found = AGGREGATION_LEVELS.find(([name, , key]) => value === name || value === key)
  return found?.[0]
}

function precisionName(value: unknown): string | undefined {
  return PRECISION_LEVELS.find(([name]) => value === name)?.[0]
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const list = [...new Set(value.filter((v): v is string => typeof v === 'string'))]
  return list.length > 0 ? list : undefined
}

function names(value: unknown, toName: (v: unknown) => string | undefined): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const list = [...new Set(value.map(toName).filter((v): v is string => v !== undefined))]
  return list.length > 0 ? list : undefined
}

export class MalformedPolicyError extends Error {}

/** The deserializer: unknown fields and enum names dropped, `notAfter` only as a positive integer. */
export function parsePolicy(json: unknown): ServerPolicy {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new MalformedPolicyError('Expected a JSON object')
  const r = json as Record<string, unknown>
  // the service's deserializer falls through on an empty or non-array `aggregations` and fails
  if ('aggregations' in r && (!Array.isArray(r.aggregations) || r.aggregations.length === 0))
    throw new MalformedPolicyError('Cannot deserialize value of type `LocationPrecision` from null')
  const nodeIds = Array.isArray(r.nodeIds) ? [...new Set(r.nodeIds.filter((n): n is number => Number.isInteger(n)))] : []
  return normalize({
    nodeIds: nodeIds.length > 0 ? nodeIds : undefined,
    sourceIds: strings(r.sourceIds),
    minAggregation: 'minAggregation' in r ? aggregationName(r.minAggregation) : undefined,
    aggregations: names(r.aggregations, aggregationName),
    minLocationPrecision: precisionName(r.minLocationPrecision),
    locationPrecisions: names(r.locationPrecisions, precisionName),
    nodeMetadataPaths: strings(r.nodeMetadataPaths),
    userMetadataPaths: strings(r.userMetadataPaths),
    apiPaths: strings(r.apiPaths),
    notAfter: Number.isInteger(r.notAfter) && (r.notAfter as number) > 0 ? (r.notAfter as number) : undefined,
    refreshAllowed: typeof r.refreshAllowed === 'boolean' ? r.refreshAllowed : undefined,
  })
}

/** The builder: a minimum recomputes its list as every value at or above it. */
function normalize(p: ServerPolicy): ServerPolicy {
  const out = {...p}
  if (out.minAggregation) {
    const min = AGGREGATION_LEVELS.find(([n]) => n === out.minAggregation)![1]
    out.aggregations = AGGREGATION_LEVELS.filter(([, level]) => level >= min).map(([n]) => n)
  }
  if (out.minLocationPrecision) {
    const min = PRECISION_LEVELS.find(([n]) => n === out.minLocationPrecision)![1]
    out.locationPrecisions = PRECISION_LEVELS.filter(([, level]) => level >= min).map(([n]) => n)
  }
  return out
}

function union<T>(a: T[] | undefined, b: T[] | undefined): T[] | undefined {
  if (!a && !b) return undefined
  return [...new Set([...(a ?? []), ...(b ?? [])])]
}

/** PATCH: lists are unions (existing first), single values replaced only when the request has them. */
export function mergePolicy(existing: ServerPolicy | undefined, request: ServerPolicy): ServerPolicy {
  const e = existing ?? {}
  return normalize({
    nodeIds: union(e.nodeIds, request.nodeIds),
    sourceIds: union(e.sourceIds, request.sourceIds),
    minAggregation: request.minAggregation ?? e.minAggregation,
    aggregations: union(e.aggregations, request.aggregations),
    minLocationPrecision: request.minLocationPrecision ?? e.minLocationPrecision,
    locationPrecisions: union(e.locationPrecisions, request.locationPrecisions),
    nodeMetadataPaths: union(e.nodeMetadataPaths, request.nodeMetadataPaths),
    userMetadataPaths: union(e.userMetadataPaths, request.userMetadataPaths),
    apiPaths: union(e.apiPaths, request.apiPaths),
    notAfter: request.notAfter ?? e.notAfter,
    refreshAllowed: request.refreshAllowed ?? e.refreshAllowed,
  })
}

/** The serializer's order; a minimum is written instead of its list; node IDs sorted. */
export function writePolicy(p: ServerPolicy): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (p.nodeIds?.length) out.nodeIds = [...p.nodeIds].sort((a, b) => a - b)
  if (p.sourceIds?.length) out.sourceIds = p.sourceIds
  if (p.minAggregation) out.minAggregation = p.minAggregation
  else if (p.aggregations?.length) out.aggregations = p.aggregations
  if (p.minLocationPrecision) out.minLocationPrecision = p.minLocationPrecision
  else if (p.locationPrecisions?.length) out.locationPrecisions = p.locationPrecisions
  if (p.nodeMetadataPaths?.length) out.nodeMetadataPaths = p.nodeMetadataPaths
  if (p.userMetadataPaths?.length) out.userMetadataPaths = p.userMetadataPaths
  if (p.apiPaths?.length) out.apiPaths = p.apiPaths
  if (p.notAfter !== undefined) out.notAfter = p.notAfter
  if (p.refreshAllowed !== undefined) out.refreshAllowed = p.refreshAllowed
  return out
}

/** `SecurityUtils.policyIsUnrestricted`: only `notAfter` and `refreshAllowed` leave a policy unrestricted. */
export function isRestricted(p: ServerPolicy | undefined): boolean {
  if (!p) return false
  const w = writePolicy(p)
  return Object.keys(w).some((k) => k !== 'notAfter' && k !== 'refreshAllowed')
}

/** Ant-style path matching with `?`, `*` and `**`, as Spring's AntPathMatcher. */
export function antMatch(pattern: string, path: string): boolean {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '*' && pattern[i + 1] === '*') {
      re += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*'
      i += pattern[i + 2] === '/' ? 2 : 1
    } else if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`).test(path)
}
