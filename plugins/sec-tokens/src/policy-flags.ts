import {
  Flags,
  type Interfaces,
  dateTimeFlag,
  enumFlag,
  enumValue,
  integerItem,
  invalidValue,
  listFlag,
  oneOf,
  timeZoneFlag,
  toEpochMillis,
  uniqueValues,
} from 's10k'

import {AGGREGATIONS, LOCATION_PRECISIONS, type SecurityPolicy} from './policy.js'

const text = (value: string): string => value

/** The security-policy options, shared by `sec-tokens create` and `sec-tokens update`. */
export const policyFlags = {
  'node-id': listFlag(integerItem, {aliases: ['node'], helpValue: 'nodeId[,nodeId...]', summary: 'node ID(s) to restrict access to'}),
  'source-id': listFlag(text, {
    aliases: ['source'],
    helpValue: 'sourceId[,sourceId...]',
    summary: 'source ID(s) to restrict access to (wildcard patterns allowed)',
  }),
  'node-metadata-path': listFlag(text, {
    char: 'N',
    helpValue: 'metaPath[,metaPath...]',
    summary: 'node metadata paths to restrict access to (wildcard patterns allowed)',
  }),
  'user-metadata-path': listFlag(text, {
    char: 'U',
    helpValue: 'metaPath[,metaPath...]',
    summary: 'user metadata paths to restrict access to (wildcard patterns allowed)',
  }),
  'api-path': listFlag(text, {char: 'A', helpValue: 'path[,path...]', summary: 'an API path(s) to restrict access to (wildcard patterns allowed)'}),
  'min-aggregation': enumFlag(AGGREGATIONS, {
    aliases: ['agg'],
    exclusive: ['aggregation'],
    helpValue: 'aggregation',
    summary: 'a minimum aggregation to restrict access to',
  }),
  aggregation: listFlag((v, flag) => enumValue(AGGREGATIONS, v, flag), {
    exclusive: ['min-aggregation'],
    helpValue: 'aggregation[,aggregation...]',
    summary: 'an aggregation to restrict access to',
    description: `${oneOf(AGGREGATIONS)} (case-insensitive)`,
  }),
  'min-location-precision': enumFlag(LOCATION_PRECISIONS, {
    aliases: ['loc'],
    exclusive: ['location-precision'],
    helpValue: 'precision',
    summary: 'a minimum location precision to restrict access to',
  }),
  'location-precision': listFlag((v, flag) => enumValue(LOCATION_PRECISIONS, v, flag), {
    exclusive: ['min-location-precision'],
    helpValue: 'precision[,precision...]',
    summary: 'a location precision to restrict access to',
    description: `${oneOf(LOCATION_PRECISIONS)} (case-insensitive)`,
  }),
  'expiration-date': dateTimeFlag(['exp'], '<expirationDate>', 'an expiration date for the token, like 2020-10-30 or 2020-10-30T12:45'),
  'time-zone': timeZoneFlag('a time zone ID to treat expiration date as instead of the local time zone, like Pacific/Auckland or -05:00 or UTC'),
  'refresh-allowed': Flags.boolean({char: 'r', summary: 'allow signing keys for the token to be refreshed'}),
}

/** The parsed values of the policy options, as oclif infers them from the definitions above. */
export type PolicyFlagValues = Interfaces.InferredFlags<typeof policyFlags>

/** The policy the options describe, or undefined when none was given (`--time-zone` alone is none). */
export function buildPolicy(flags: PolicyFlagValues, now = Date.now()): SecurityPolicy | undefined {
  const expiration = flags['expiration-date']
  const notAfter = expiration ? toEpochMillis(expiration, flags['time-zone']) : undefined
  // the service would take it and the token would stop working at once
  if (notAfter !== undefined && notAfter <= now) {
    throw invalidValue('expiration-date', `${new Date(notAfter).toISOString()} is in the past; a token would expire at once`)
  }
  const policy: SecurityPolicy = {
    nodeIds: uniqueValues(flags['node-id']),
    sourceIds: uniqueValues(flags['source-id']),
    minAggregation: flags['min-aggregation'],
    aggregations: uniqueValues(flags.aggregation),
    minLocationPrecision: flags['min-location-precision'],
    locationPrecisions: uniqueValues(flags['location-precision']),
    nodeMetadataPaths: uniqueValues(flags['node-metadata-path']),
    userMetadataPaths: uniqueValues(flags['user-metadata-path']),
    apiPaths: uniqueValues(flags['api-path']),
    notAfter,
    refreshAllowed: flags['refresh-allowed'] ? true : undefined,
  }
  return Object.values(policy).some((v) => v !== undefined) ? policy : undefined
}
