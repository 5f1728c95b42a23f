import {type LocalDateTime, type TimeZone, dateParameter, invalidValue, uniqueValues} from 's10k'

import {naturalCompare, objectId} from './streams.js'

export const READING_TYPES = ['CalculatedAt', 'CalculatedAtDifference', 'NearestDifference', 'Difference', 'DifferenceWithin'] as const

/** `--stream-ident-kind`: ObjectDatumKind.fromValue takes `n`, `l`, `node`, `location`, in any case. */
export function identKind(value: string, flag: string): 'Node' | 'Location' {
  const v = value.trim().toLowerCase()
  if (v === 'n' || v === 'node') return 'Node'
  if (v === 'l' || v === 'location') return 'Location'
  throw invalidValue(flag, `cannot convert '${value}' to ObjectDatumKind (Node, Location, n or l)`)
}

/** An ISO-8601 period as Java's Period.parse takes it (`P7D`, `P1M`, `-P1Y2M3W4D`). */
export function period(value: string, flag: string): string {
  const text = value.trim()
  if (!/^[-+]?P(?:[-+]?\d+Y)?(?:[-+]?\d+M)?(?:[-+]?\d+W)?(?:[-+]?\d+D)?$/i.test(text) || /^[-+]?P$/i.test(text)) {
    throw invalidValue(flag, `cannot convert '${value}' to a period like P7D or P1M`)
  }
  return text.toUpperCase()
}

/** One `-ident` value, `objectId:sourceId`: split at the first colon; a malformed one is a usage error, not skipped. */
export function streamIdent(value: string, flag: string): {object: number; source: string} {
  const colon = value.indexOf(':')
  if (colon <= 0 || colon === value.length - 1) throw invalidValue(flag, `'${value}' is not objectId:sourceId`)
  return {object: objectId(value.slice(0, colon), flag), source: value.slice(colon + 1)}
}

/**
 * `-ident` pairs as the service's node (or location) and source sets: object IDs ascending, each object's sources
 * in SolarNetwork's case-insensitive natural order with case variants collapsed to the first given, concatenated in
 * object order (solarnetwork-datum.md §4.1.2). One-character source IDs count (the Java tool drops them).
 */
export function identSets(pairs: ReadonlyArray<{object: number; source: string}>): {objects: number[]; sources: string[]} {
  const byObject = new Map<number, string[]>()
  for (const {object, source} of pairs) {
    const sources = byObject.get(object) ?? []
    if (!sources.some((s) => s.toLowerCase() === source.toLowerCase())) sources.push(source)
    byObject.set(object, sources)
  }
  const objects = [...byObject.keys()].sort((a, b) => a - b)
  return {objects, sources: objects.flatMap((o) => [...(byObject.get(o) ?? [])].sort(naturalCompare))}
}

export interface DatumFilter {
  'stream-id'?: string[][]
  'node-id'?: number[][]
  'location-id'?: number[][]
  'source-id'?: string[][]
  'stream-ident'?: Array<Array<{object: number; source: string}>>
  'stream-ident-kind'?: 'Node' | 'Location'
  'min-date'?: LocalDateTime
  'max-date'?: LocalDateTime
  'local-dates': boolean
  'time-zone'?: TimeZone
  'most-recent': boolean
  aggregation?: string
  'partial-aggregation'?: string
  reading?: string
  tolerance?: string
  max?: number
  offset?: number
}

/** The query of `datum list`, in the Java tool's parameter order (§4.1.2), with B1 and B2 fixed. */
export function datumQuery(flags: DatumFilter): [string, string][] {
  const query: [string, string][] = []
  const add = (name: string, values: readonly (string | number)[] | undefined) => {
    if (values?.length) query.push([name, values.join(',')])
  }
  add('streamIds', uniqueValues(flags['stream-id']))
  const idents = flags['stream-ident']?.flat()
  if (idents?.length) {
    const {objects, sources} = identSets(idents)
    add(flags['stream-ident-kind'] === 'Location' ? 'locationIds' : 'nodeIds', objects)
    add('sourceIds', sources)
  } else {
    const locations = uniqueValues(flags['location-id'])
    if (locations) add('locationIds', locations)
    else add('nodeIds', uniqueValues(flags['node-id']))
    add('sourceIds', uniqueValues(flags['source-id']))
  }
  const local = flags['local-dates']
  // each date on its own, also with --local-dates (the Java tool sent local dates only as a pair)
  if (flags['min-date']) query.push([local ? 'localStartDate' : 'startDate', dateParameter(flags['min-date'], local, flags['time-zone'])])
  if (flags['max-date']) query.push([local ? 'localEndDate' : 'endDate', dateParameter(flags['max-date'], local, flags['time-zone'])])
  if (flags['most-recent']) query.push(['mostRecent', 'true'])
  if (flags.aggregation) query.push(['aggregation', flags.aggregation])
  if (flags['partial-aggregation']) query.push(['partialAggregation', flags['partial-aggregation']])
  if (flags.reading) query.push(['readingType', flags.reading])
  // the Java tool parsed --tolerance and never sent it
  if (flags.tolerance) query.push(['tolerance', flags.tolerance])
  if (flags.max !== undefined && flags.max > 0) query.push(['max', String(flags.max)])
  if (flags.offset !== undefined && flags.offset > 0) query.push(['offset', String(flags.offset)])
  return query
}
