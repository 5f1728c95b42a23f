import {AGGREGATIONS, type JsonValue} from 's10k'

export {AGGREGATIONS}

/** SolarNetwork's security policy (solarnetwork-api.md §3), in the order it is written. */
export interface SecurityPolicy {
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

export const LOCATION_PRECISIONS = [
  'LatLong',
  'Block',
  'Street',
  'PostalCode',
  'Locality',
  'StateOrProvince',
  'Region',
  'TimeZone',
  'Country',
] as const

const STRING_LISTS = ['sourceIds', 'nodeMetadataPaths', 'userMetadataPaths', 'apiPaths'] as const

function stringList(value: unknown, allowed?: readonly string[]): string[] | undefined {
  if (!Array.isArray(value)) return undefined
  const items = value.filter((v): v is string => typeof v === 'string' && (!allowed || allowed.includes(v)))
  return items.length > 0 ? [...new Set(items)] : undefined
}

function enumName(value: unknown, allowed: readonly string[]): string | undefined {
  return typeof value === 'string' && allowed.includes(value) ? value : undefined
}

/**
 * A policy as the Java tool reads one back from the service: unknown fields and enum names dropped, node IDs
 * sorted, empty lists absent, and a minimum aggregation or precision replacing the matching list.
 */
export function readPolicy(raw: unknown): SecurityPolicy | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined
  // the answer's own fields only: nothing inherited is ever read as a policy field
  const r = Object.assign(Object.create(null) as Record<string, unknown>, raw)
  const nodeIds = Array.isArray(r.nodeIds) ? [...new Set(r.nodeIds.filter((n): n is number => Number.isInteger(n)))] : []
  const policy: SecurityPolicy = {}
  if (nodeIds.length > 0) policy.nodeIds = nodeIds.sort((a, b) => a - b)
  policy.sourceIds = stringList(r.sourceIds)
  policy.minAggregation = enumName(r.minAggregation, AGGREGATIONS)
  if (!policy.minAggregation) policy.aggregations = stringList(r.aggregations, AGGREGATIONS)
  policy.minLocationPrecision = enumName(r.minLocationPrecision, LOCATION_PRECISIONS)
  if (!policy.minLocationPrecision) policy.locationPrecisions = stringList(r.locationPrecisions, LOCATION_PRECISIONS)
  for (const key of STRING_LISTS.slice(1)) policy[key] = stringList(r[key])
  if (Number.isInteger(r.notAfter) && (r.notAfter as number) > 0) policy.notAfter = r.notAfter as number
  if (typeof r.refreshAllowed === 'boolean') policy.refreshAllowed = r.refreshAllowed
  return policy
}

/** The policy as a JSON object with its fields in SolarNetwork's order and absent fields left out. */
export function policyJson(policy: SecurityPolicy): JsonValue {
  const ordered: {[key: string]: JsonValue | undefined} = {
    nodeIds: policy.nodeIds ? [...policy.nodeIds].sort((a, b) => a - b) : undefined,
    sourceIds: policy.sourceIds,
    minAggregation: policy.minAggregation,
    aggregations: policy.minAggregation ? undefined : policy.aggregations,
    minLocationPrecision: policy.minLocationPrecision,
    locationPrecisions: policy.minLocationPrecision ? undefined : policy.locationPrecisions,
    nodeMetadataPaths: policy.nodeMetadataPaths,
    userMetadataPaths: policy.userMetadataPaths,
    apiPaths: policy.apiPaths,
    notAfter: policy.notAfter,
    refreshAllowed: policy.refreshAllowed,
  }
  return Object.fromEntries(Object.entries(ordered).filter(([, v]) => v !== undefined))
}
